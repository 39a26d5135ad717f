/**
 * The ward's household list page over the same use cases as /api/wards/:ward/registry/*: the list with its
 * search and pages, an upload (multipart, its CSRF token read before the file), the result, the downloads.
 */
import { Router, type Request, type Response } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { notFound } from '../../domain/errors.js';
import { listRegistryHouseholds } from '../../domain/registry/browse.js';
import { exportRegistryFile } from '../../domain/registry/export-file.js';
import { recordAccess } from '../../domain/access-log.js';
import { importRegistryFile, REGISTRY_MAX_FILE_BYTES, uploadBaseName } from '../../domain/registry/import-file.js';
import { messageHalves } from '../../domain/registry/messages.js';
import type { ImportError } from '../../domain/registry/store.js';
import type { Officer } from '../../domain/sessions.js';
import { RegistryExportQuery, RegistryListQuery, WardParams } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import { readUpload } from '../multipart.js';
import {
  REGISTRY_PAGE_SIZE,
  RegistryPage,
  type RegistryErrorView,
  type RegistryPageData,
} from '../pages/registry-page.js';
import { sendPage } from '../render.js';

/** The upload route, for webContext: the only page that reads a multipart body. */
export const REGISTRY_UPLOAD_PATH = /^\/wards\/[^/]+\/registry\/?$/;

/**
 * Only the ward's own officers keep its list, as the API has it. Another ward's list (or anyone else asking) is
 * the same 404 page as a ward that does not exist: a page never confirms what is not the officer's to see.
 */
function wardOfficer(req: Request, res: Response): { ward: string; officer: Officer } {
  const params = WardParams.safeParse(req.params);
  const officer = pageContext(res).officer;
  if (!params.success || !officer || officer.role !== 'ward_officer' || officer.wardCode !== params.data.ward) {
    throw notFound('Page');
  }
  return { ward: params.data.ward, officer };
}

function readListQuery(query: Record<string, unknown>): RegistryListQuery {
  const given = Object.fromEntries(
    (['q', 'page'] as const).flatMap((field) => {
      const value = query[field];
      return typeof value === 'string' && value.trim() !== '' ? [[field, value]] : [];
    }),
  );
  const parsed = RegistryListQuery.safeParse(given);
  return parsed.success ? parsed.data : RegistryListQuery.parse({});
}

const errorView = (error: ImportError): RegistryErrorView => ({
  row: error.row,
  sheet: error.sheet,
  column: error.column,
  householdId: error.householdId,
  message: messageHalves(error.message),
});

export function registryHandlers(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  async function showPage(
    res: Response,
    ward: string,
    query: RegistryListQuery,
    extra: Partial<RegistryPageData> = {},
    status = 200,
  ): Promise<void> {
    const { rows, total } = await listRegistryHouseholds(prisma, ward, { ...query, pageSize: REGISTRY_PAGE_SIZE });
    const data: RegistryPageData = {
      ward,
      today: today(),
      query: { q: query.q ?? '', page: query.page, pageSize: REGISTRY_PAGE_SIZE },
      rows,
      total,
      ...extra,
    };
    sendPage(res, h(RegistryPage, { ctx: pageContext(res), data }), status);
  }

  router.get('/wards/:ward/registry', requireSignIn, async (req, res) => {
    const { ward, officer } = wardOfficer(req, res);
    await recordAccess(prisma, officer, { view: 'registry-lookup', wardCode: ward });
    await showPage(res, ward, readListQuery(req.query));
  });

  router.post('/wards/:ward/registry', requireSignIn, async (req, res) => {
    const { ward, officer } = wardOfficer(req, res);
    const first = RegistryListQuery.parse({});
    const upload = await readUpload(req, pageContext(res).csrf, REGISTRY_MAX_FILE_BYTES);
    if (upload.kind === 'empty') return showPage(res, ward, first, { uploadProblem: 'regFileEmpty' }, 400);
    if (upload.kind === 'too-large') return showPage(res, ward, first, { uploadProblem: 'regFileTooLarge' }, 413);
    if (upload.kind === 'too-many-files') return showPage(res, ward, first, { uploadProblem: 'regFileTooMany' }, 400);
    const file = { ...upload.file, fileName: uploadBaseName(upload.file.fileName) || 'upload' };
    const outcome = await importRegistryFile(prisma, {
      wardCode: ward,
      officer,
      upload: file,
      today: today(),
      dryRun: false,
    });
    if (outcome.kind === 'refused') {
      return showPage(res, ward, first, { refused: outcome.errors.map(errorView) }, 422);
    }
    const { counts } = outcome;
    const result = {
      fileName: outcome.file.fileName,
      dataRows: outcome.dataRows,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      missing: counts.missing,
      rejectedRows: counts.rejectedRows,
      errors: counts.errors.map(errorView),
    };
    await showPage(res, ward, first, { result });
  });

  router.get('/wards/:ward/registry/export', requireSignIn, async (req, res) => {
    const { ward, officer } = wardOfficer(req, res);
    const { format } = RegistryExportQuery.parse(req.query);
    await recordAccess(prisma, officer, { view: 'registry-export', wardCode: ward });
    const file = await exportRegistryFile(prisma, ward, format, today());
    res.type(file.mediaType).attachment(file.fileName).send(file.bytes);
  });

  return router;
}
