/**
 * The batch pages (đợt), over the same use cases and schemas as /api/groups/{group}/batches and /api/batches/{id}:
 * outside the officer's scope every page is the 404 page; in scope, only the step's officer opens, saves and sends
 * a batch, and only the bank manager confirms a bank batch (the others get the 403 page from the same use case).
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import type { Role } from '../../../workflows/domain.js';
import type { WorkflowDeps } from '../../domain/applications/index.js';
import { holdersOf } from '../../domain/batches/batch-scope.js';
import {
  BATCH_STEPS,
  confirmBatch,
  listBatches,
  listMeetings,
  openBatch,
  readBatch,
  readMeetingGroup,
  readNotice04,
  saveBatch,
  submitBatch,
  type BatchRecord,
  type BatchStep,
} from '../../domain/batches/index.js';
import { requireRole } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { NOTICE_FORMS, noticeFormFile } from '../../domain/forms/notice-04-td-files.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import { BatchParams, OpenBatchBody } from '../../http/batch-schemas.js';
import { GroupParams } from '../../http/meeting-schemas.js';
import { sendFormFile } from '../../http/routes/meeting-forms.js';
import {
  batchFormErrors,
  batchFormValues,
  missingReasons,
  parseBatchForm,
  readBatchForm,
  type BatchFormKind,
  type BatchFormValues,
} from '../batch-form.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import { formErrors } from '../form-errors.js';
import { formText } from '../form-values.js';
import { BatchPage } from '../pages/batch-page.js';
import { BatchesPage } from '../pages/batches-page.js';
import { sendPage } from '../render.js';

type Deps = WorkflowDeps & { today: () => string };
type Refusal = { fields: Record<string, string>; general: string[] };

const NOTICES = {
  opened: 'batchOpened',
  saved: 'batchSaved',
  submitted: 'batchSubmittedNotice',
  confirmed: 'batchConfirmedNotice',
} as const;

/** Not a refusal to show on the form: outside the scope, or not this officer's to do (the error pages). */
const PAGE_ERRORS = ['NOT_FOUND', 'FORBIDDEN', 'ROLE_NOT_ALLOWED'];

/** The step a role opens batches at (the ward, the association, the bank's credit officer); none for the others. */
const stepOf = (role: Role): BatchStep | null => BATCH_STEPS.find((step) => holdersOf(step).includes(role)) ?? null;

async function showBatches(
  deps: Deps,
  res: Response,
  code: string,
  form: { meetingId?: string; refusal?: Refusal } = {},
  status = 200,
): Promise<void> {
  const ctx = pageContext(res);
  const officer = ctx.officer!;
  const group = await readMeetingGroup(deps.prisma, code, officer);
  const [batches, meetings] = await Promise.all([
    listBatches(deps.prisma, group.code, officer),
    listMeetings(deps.prisma, group.code, officer),
  ]);
  const data = {
    group,
    batches,
    openStep: stepOf(officer.role),
    meetings: meetings.filter((meeting) => meeting.status === 'CLOSED'),
    meetingId: form.meetingId ?? '',
    errors: form.refusal?.fields ?? {},
    general: form.refusal?.general ?? [],
  };
  sendPage(res, h(BatchesPage, { ctx, data }), status);
}

async function showBatch(
  deps: Deps,
  res: Response,
  batch: BatchRecord,
  form: { values?: BatchFormValues; refusal?: Refusal; notice?: string } = {},
  status = 200,
): Promise<void> {
  const ctx = pageContext(res);
  const officer = ctx.officer!;
  const notice04 = batch.status === 'CONFIRMED' ? await readNotice04(deps.prisma, batch.id, officer) : undefined;
  const data = {
    batch,
    holds: holdersOf(batch.step).includes(officer.role),
    confirms: batch.step === 'bank-approval' && officer.role === 'bank_manager',
    values: form.values ?? batchFormValues(batch),
    errors: form.refusal?.fields ?? {},
    general: form.refusal?.general ?? [],
    notice: form.notice,
    notice04,
  };
  sendPage(res, h(BatchPage, { ctx, data }), status);
}

/**
 * Saves the form as typed (the rows on a draft, the confirmations on submitted proposals); a refusal is shown on
 * the page with what was typed, and answers false. Nothing to save (the batch moved on) answers true.
 */
async function saveForm(deps: Deps, res: Response, batch: BatchRecord, form: Record<string, unknown>) {
  const ctx = pageContext(res);
  const officer = ctx.officer!;
  const kind: BatchFormKind | null =
    batch.status === 'DRAFT' ? 'rows' : batch.status === 'SUBMITTED' ? 'confirmations' : null;
  if (!kind) return true;
  // In scope (the 404 came with the batch) but not this officer's to change: the 403 page, before the form is judged.
  if (kind === 'rows') requireRole(officer, holdersOf(batch.step));
  else requireRole(officer, ['bank_manager']);
  const values = readBatchForm(form, batch, kind);
  const missing = missingReasons(values, kind, ctx.t);
  if (Object.keys(missing).length > 0) {
    await showBatch(
      deps,
      res,
      batch,
      { values, refusal: { fields: missing, general: [] } },
      statusOf('REASON_REQUIRED'),
    );
    return false;
  }
  try {
    const parsed = parseBatchForm(batch, values, kind);
    if (!parsed.success) throw parsed.error;
    await saveBatch(deps.prisma, batch.id, officer, parsed.data);
    return true;
  } catch (error) {
    const refusal = batchFormErrors(error, ctx.t, batch, kind);
    if (!refusal || (error instanceof AppError && PAGE_ERRORS.includes(error.code))) throw error;
    const status = error instanceof AppError ? statusOf(error.code) : 400;
    await showBatch(deps, res, batch, { values, refusal }, status);
    return false;
  }
}

const batchPath = (id: string, done: keyof typeof NOTICES) => `/batches/${encodeURIComponent(id)}?done=${done}`;

export function batchHandlers(deps: Deps): Router {
  const router = Router();
  router.use(['/groups/:group/batches', '/batches/:id'], requireSignIn);

  router.get('/groups/:group/batches', async (req, res) => {
    const { group } = GroupParams.parse(req.params);
    await showBatches(deps, res, group);
  });

  router.post('/groups/:group/batches', async (req, res) => {
    const ctx = pageContext(res);
    const { group } = GroupParams.parse(req.params);
    // Outside the scope the 404 page, in scope but without a batch step the 403 page, before the form is judged.
    await readMeetingGroup(deps.prisma, group, ctx.officer!);
    const step = stepOf(ctx.officer!.role);
    requireRole(ctx.officer!, step ? holdersOf(step) : []);
    const form = req.body as Record<string, unknown>;
    const meetingId = formText(form.meetingId);
    try {
      const body = OpenBatchBody.parse({ step, ...(meetingId ? { meetingId } : {}) });
      const id = await openBatch(deps.prisma, group, ctx.officer!, body);
      res.redirect(303, batchPath(id, 'opened'));
    } catch (error) {
      const refusal = formErrors(error, ctx.t);
      if (!refusal || (error instanceof AppError && PAGE_ERRORS.includes(error.code))) throw error;
      const status = error instanceof AppError ? statusOf(error.code) : 400;
      await showBatches(deps, res, group, { meetingId, refusal }, status);
    }
  });

  router.get('/batches/:id', async (req, res) => {
    const ctx = pageContext(res);
    const { id } = BatchParams.parse(req.params);
    const done = NOTICES[req.query.done as keyof typeof NOTICES] as (typeof NOTICES)[keyof typeof NOTICES] | undefined;
    const batch = await readBatch(deps.prisma, id, ctx.officer!, deps.today());
    await showBatch(deps, res, batch, { notice: done ? ctx.t(done) : undefined });
  });

  router.post('/batches/:id', async (req, res) => {
    const ctx = pageContext(res);
    const { id } = BatchParams.parse(req.params);
    const batch = await readBatch(deps.prisma, id, ctx.officer!, deps.today());
    if (batch.status !== 'DRAFT' && batch.status !== 'SUBMITTED') {
      throw new AppError('BATCH_NOT_DRAFT', 'The batch has been submitted and can no longer be changed');
    }
    if (await saveForm(deps, res, batch, req.body as Record<string, unknown>)) {
      res.redirect(303, batchPath(batch.id, 'saved'));
    }
  });

  router.post('/batches/:id/submit', async (req, res) => {
    const ctx = pageContext(res);
    const { id } = BatchParams.parse(req.params);
    const batch = await readBatch(deps.prisma, id, ctx.officer!, deps.today());
    requireRole(ctx.officer!, holdersOf(batch.step));
    // A resent submit (SUBMITTING, SUBMITTED) saves nothing and answers the same result.
    if (batch.status === 'DRAFT' && !(await saveForm(deps, res, batch, req.body as Record<string, unknown>))) return;
    await submitBatch(deps, batch.id, ctx.officer!);
    res.redirect(303, batchPath(batch.id, 'submitted'));
  });

  router.post('/batches/:id/confirm', async (req, res) => {
    const ctx = pageContext(res);
    const { id } = BatchParams.parse(req.params);
    const batch = await readBatch(deps.prisma, id, ctx.officer!, deps.today());
    requireRole(ctx.officer!, ['bank_manager']);
    if (batch.status === 'SUBMITTED' && !(await saveForm(deps, res, batch, req.body as Record<string, unknown>)))
      return;
    await confirmBatch(deps, batch.id, ctx.officer!);
    res.redirect(303, batchPath(batch.id, 'confirmed'));
  });

  // Notice 04/TD of a confirmed bank batch, for the signed-in officer (the page's download links).
  for (const form of NOTICE_FORMS) {
    router.get(`/batches/:id/${form}`, async (req, res) => {
      const { id } = BatchParams.parse(req.params);
      sendFormFile(res, await noticeFormFile(deps.prisma, id, pageContext(res).officer!, form));
    });
  }

  return router;
}
