import { Router } from 'express';
import { NOTICE_FORMS, noticeFormFile } from '../../domain/forms/notice-04-td-files.js';
import { sendFormFile } from './meeting-forms.js';
import { z } from 'zod';
import {
  confirmBatch,
  listBatches,
  openBatch,
  readBatch,
  readNotice04,
  saveBatch,
  submitBatch,
} from '../../domain/batches/index.js';
import type { WorkflowDeps } from '../../domain/applications/index.js';
import { requireOfficer } from '../middleware/auth.js';
import {
  BatchParams,
  BatchSummaryView,
  BatchView,
  Notice04View,
  OpenBatchBody,
  SaveBatchBody,
} from '../batch-schemas.js';
import { GroupParams } from '../meeting-schemas.js';

/**
 * A group's batches (đợt): the ward certifies, the association forwards, the bank proposes and confirms a list
 * of applications at once, each decided through its own Updates; then notice 04/TD.
 */
export function batchRoutes(deps: WorkflowDeps, today: () => string): Router {
  const { prisma } = deps;
  const router = Router();

  router.get('/groups/:group/batches', async (req, res) => {
    const officer = requireOfficer(res);
    const { group } = GroupParams.parse(req.params);
    res.json(z.array(BatchSummaryView).parse(await listBatches(prisma, group, officer)));
  });

  router.post('/groups/:group/batches', async (req, res) => {
    const officer = requireOfficer(res);
    const { group } = GroupParams.parse(req.params);
    const body = OpenBatchBody.parse(req.body);
    const id = await openBatch(prisma, group, officer, body);
    res.status(201).json(BatchView.parse(await readBatch(prisma, id, officer, today())));
  });

  router.get('/batches/:id', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = BatchParams.parse(req.params);
    res.json(BatchView.parse(await readBatch(prisma, id, officer, today())));
  });

  router.patch('/batches/:id', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = BatchParams.parse(req.params);
    await saveBatch(prisma, id, officer, SaveBatchBody.parse(req.body));
    res.json(BatchView.parse(await readBatch(prisma, id, officer, today())));
  });

  router.post('/batches/:id/submit', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = BatchParams.parse(req.params);
    await submitBatch(deps, id, officer);
    res.json(BatchView.parse(await readBatch(prisma, id, officer, today())));
  });

  router.post('/batches/:id/confirm', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = BatchParams.parse(req.params);
    await confirmBatch(deps, id, officer);
    res.json(BatchView.parse(await readBatch(prisma, id, officer, today())));
  });

  router.get('/batches/:id/notice', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = BatchParams.parse(req.params);
    res.json(Notice04View.parse(await readNotice04(prisma, id, officer)));
  });

  for (const form of NOTICE_FORMS) {
    router.get(`/batches/:id/${form}`, async (req, res) => {
      const { id } = BatchParams.parse(req.params);
      sendFormFile(res, await noticeFormFile(prisma, id, requireOfficer(res), form));
    });
  }

  return router;
}
