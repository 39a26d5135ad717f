import { Router } from 'express';
import { z } from 'zod';
import {
  closeMeeting,
  listMeetings,
  openMeeting,
  readList03,
  readMeeting,
  readMinutes,
  refreshAgenda,
  saveMeeting,
} from '../../domain/batches/index.js';
import type { WorkflowDeps } from '../../domain/applications/index.js';
import { requireOfficer } from '../middleware/auth.js';
import {
  GroupParams,
  List03View,
  MeetingParams,
  MeetingSummaryView,
  MeetingView,
  MinutesView,
  OpenMeetingBody,
  SaveMeetingBody,
} from '../meeting-schemas.js';

/** The group's review meeting (bình xét): open, save the draft, close; then minutes 10C/TD and list 03/TD. */
export function meetingRoutes(deps: WorkflowDeps): Router {
  const { prisma } = deps;
  const router = Router();

  router.get('/groups/:group/meetings', async (req, res) => {
    const officer = requireOfficer(res);
    const { group } = GroupParams.parse(req.params);
    res.json(z.array(MeetingSummaryView).parse(await listMeetings(prisma, group, officer)));
  });

  router.post('/groups/:group/meetings', async (req, res) => {
    const officer = requireOfficer(res);
    const { group } = GroupParams.parse(req.params);
    const body = OpenMeetingBody.parse(req.body);
    const id = await openMeeting(prisma, group, officer, body);
    res.status(201).json(MeetingView.parse(await readMeeting(prisma, id, officer)));
  });

  router.get('/meetings/:id', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = MeetingParams.parse(req.params);
    res.json(MeetingView.parse(await readMeeting(prisma, id, officer)));
  });

  router.patch('/meetings/:id', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = MeetingParams.parse(req.params);
    const body = SaveMeetingBody.parse(req.body);
    await saveMeeting(prisma, id, officer, body);
    res.json(MeetingView.parse(await readMeeting(prisma, id, officer)));
  });

  router.post('/meetings/:id/agenda', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = MeetingParams.parse(req.params);
    await refreshAgenda(prisma, id, officer);
    res.json(MeetingView.parse(await readMeeting(prisma, id, officer)));
  });

  router.post('/meetings/:id/close', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = MeetingParams.parse(req.params);
    res.json(MeetingView.parse(await closeMeeting(deps, id, officer)));
  });

  router.get('/meetings/:id/minutes', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = MeetingParams.parse(req.params);
    res.json(MinutesView.parse(await readMinutes(prisma, id, officer)));
  });

  router.get('/meetings/:id/list', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = MeetingParams.parse(req.params);
    res.json(List03View.parse(await readList03(prisma, id, officer)));
  });

  return router;
}
