/**
 * The group's review meeting pages, over the same use cases and schemas as /api/groups/{group}/meetings and
 * /api/meetings/{id}: outside the officer's scope every page is the 404 page; in scope, only the group's
 * leader opens, saves and closes (the others get the 403 page from the same use case).
 */
import { Router, type Response } from 'express';
import { Fragment, h } from 'preact';
import type { WorkflowDeps } from '../../domain/applications/index.js';
import {
  closeMeeting,
  listMeetings,
  openMeeting,
  previewMeeting,
  readList03,
  readMeeting,
  readMeetingGroup,
  readMinutes,
  refreshAgenda,
  saveMeeting,
} from '../../domain/batches/index.js';
import { requireRole } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { formatDate } from '../../domain/format.js';
import { MEETING_FORMS, meetingFormFile } from '../../domain/forms/meeting-form-files.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import { GroupParams, MeetingParams } from '../../http/meeting-schemas.js';
import { sendFormFile } from '../../http/routes/meeting-forms.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import { formErrors } from '../form-errors.js';
import {
  ballotList,
  meetingFormErrors,
  meetingFormValues,
  parseDetails,
  parseDraft,
  readDetails,
  readMeetingForm,
  type MeetingDetailValues,
  type MeetingFormValues,
} from '../meeting-form.js';
import { ItemTallyRegion } from '../pages/meeting-ballots.js';
import { MeetingPage, type MeetingPageData } from '../pages/meeting-page.js';
import { MeetingsPage } from '../pages/meetings-page.js';
import { sendFragment, sendPage } from '../render.js';

type Deps = WorkflowDeps & { today: () => string };
type Refusal = { fields: Record<string, string>; general: string[] };

const NOTICES = {
  opened: 'meetingOpened',
  saved: 'meetingSaved',
  agenda: 'meetingAgendaRefreshed',
  closed: 'meetingClosedNotice',
} as const;

const ACTIONS = ['save', 'preview', 'agenda', 'close'] as const;
type Action = (typeof ACTIONS)[number];

async function showMeetings(
  deps: Deps,
  res: Response,
  code: string,
  form: { values?: MeetingDetailValues; refusal?: Refusal } = {},
  status = 200,
): Promise<void> {
  const ctx = pageContext(res);
  const officer = ctx.officer!;
  const group = await readMeetingGroup(deps.prisma, code, officer);
  const meetings = await listMeetings(deps.prisma, group.code, officer);
  const values = form.values ?? {
    meetingDate: formatDate(deps.today()),
    place: '',
    associationOfficerName: '',
    villageHeadName: '',
  };
  const data = {
    group,
    meetings,
    canOpen: officer.role === 'group_leader',
    values,
    errors: form.refusal?.fields ?? {},
    general: form.refusal?.general ?? [],
  };
  sendPage(res, h(MeetingsPage, { ctx, data }), status);
}

/** The meeting as stored, or as typed (`values`) with the outcomes of what was typed and any refusal. */
async function showMeeting(
  deps: Deps,
  res: Response,
  id: string,
  form: { values?: MeetingFormValues; refusal?: Refusal; notice?: string } = {},
  status = 200,
): Promise<void> {
  const ctx = pageContext(res);
  const officer = ctx.officer!;
  const meeting = await readMeeting(deps.prisma, id, officer);
  const values = form.values ?? meetingFormValues(meeting);
  const closed =
    meeting.status === 'CLOSED'
      ? {
          minutes: await readMinutes(deps.prisma, meeting.id, officer),
          list: await readList03(deps.prisma, meeting.id, officer),
        }
      : undefined;
  const previews = closed
    ? new Map()
    : await previewMeeting(deps.prisma, meeting.id, officer, {
        attendees: values.attendees,
        ballots: ballotList(values).ballots,
      });
  const data: MeetingPageData = {
    meeting,
    canHold: officer.role === 'group_leader',
    values,
    previews,
    errors: form.refusal?.fields ?? {},
    general: form.refusal?.general ?? [],
    notice: form.notice,
    closed,
  };
  sendPage(res, h(MeetingPage, { ctx, data }), status);
}

/** Saves the draft as typed, then does what the button asked; a refusal throws for the caller to show. */
async function act(deps: Deps, res: Response, id: string, action: Action, values: MeetingFormValues) {
  const officer = pageContext(res).officer!;
  const parsed = parseDraft(values);
  if (!parsed.success) throw parsed.error;
  await saveMeeting(deps.prisma, id, officer, parsed.data);
  if (action === 'agenda') await refreshAgenda(deps.prisma, id, officer);
}

export function meetingHandlers(deps: Deps): Router {
  const router = Router();
  router.use(['/groups/:group/meetings', '/meetings/:id'], requireSignIn);

  router.get('/groups/:group/meetings', async (req, res) => {
    const { group } = GroupParams.parse(req.params);
    await showMeetings(deps, res, group);
  });

  router.post('/groups/:group/meetings', async (req, res) => {
    const ctx = pageContext(res);
    const { group } = GroupParams.parse(req.params);
    // Outside the scope the 404 page, in scope but not the leader the 403 page, before the form is judged.
    await readMeetingGroup(deps.prisma, group, ctx.officer!);
    requireRole(ctx.officer!, ['group_leader']);
    const values = readDetails(req.body as Record<string, unknown>);
    const parsed = parseDetails(values);
    try {
      if (!parsed.success) throw parsed.error;
      const id = await openMeeting(deps.prisma, group, ctx.officer!, parsed.data);
      res.redirect(303, `/meetings/${encodeURIComponent(id)}?done=opened`);
    } catch (error) {
      const refusal = formErrors(error, ctx.t);
      // Outside the scope, or not the leader: the error page, as for the list itself.
      if (
        !refusal ||
        (error instanceof AppError && ['NOT_FOUND', 'FORBIDDEN', 'ROLE_NOT_ALLOWED'].includes(error.code))
      ) {
        throw error;
      }
      const status = error instanceof AppError ? statusOf(error.code) : 400;
      await showMeetings(deps, res, group, { values, refusal }, status);
    }
  });

  router.get('/meetings/:id', async (req, res) => {
    const ctx = pageContext(res);
    const { id } = MeetingParams.parse(req.params);
    const done = NOTICES[req.query.done as keyof typeof NOTICES] as (typeof NOTICES)[keyof typeof NOTICES] | undefined;
    await showMeeting(deps, res, id, { notice: done ? ctx.t(done) : undefined });
  });

  router.post('/meetings/:id', async (req, res) => {
    const ctx = pageContext(res);
    const { id } = MeetingParams.parse(req.params);
    const form = req.body as Record<string, unknown>;
    const action: Action = (ACTIONS as readonly unknown[]).includes(form.action) ? (form.action as Action) : 'save';
    const meeting = await readMeeting(deps.prisma, id, ctx.officer!);
    // In scope (the 404 above) but not the leader: the 403 page, before the form is judged.
    requireRole(ctx.officer!, ['group_leader']);
    if (action === 'close' && meeting.status === 'CLOSING') {
      await closeMeeting(deps, meeting.id, ctx.officer!);
      return res.redirect(303, `/meetings/${encodeURIComponent(meeting.id)}?done=closed`);
    }
    const values = readMeetingForm(form);
    if (action === 'preview') return showMeeting(deps, res, meeting.id, { values });
    try {
      await act(deps, res, meeting.id, action, values);
    } catch (error) {
      const refusal = meetingFormErrors(error, ctx.t, values);
      if (
        !refusal ||
        (error instanceof AppError && ['NOT_FOUND', 'FORBIDDEN', 'ROLE_NOT_ALLOWED'].includes(error.code))
      ) {
        throw error;
      }
      const status = error instanceof AppError ? statusOf(error.code) : 400;
      return showMeeting(deps, res, meeting.id, { values, refusal }, status);
    }
    if (action === 'close') await closeMeeting(deps, meeting.id, ctx.officer!);
    const done = action === 'close' ? 'closed' : action === 'agenda' ? 'agenda' : 'saved';
    res.redirect(303, `/meetings/${encodeURIComponent(meeting.id)}?done=${done}`);
  });

  /** htmx: every item's outcome as the form stands, each swapped into its own region; nothing is saved. */
  router.post('/meetings/:id/tally', async (req, res) => {
    const ctx = pageContext(res);
    const { id } = MeetingParams.parse(req.params);
    const values = readMeetingForm(req.body as Record<string, unknown>);
    if (req.get('HX-Request') !== 'true') return showMeeting(deps, res, id, { values });
    const meeting = await readMeeting(deps.prisma, id, ctx.officer!);
    const previews = await previewMeeting(deps.prisma, meeting.id, ctx.officer!, {
      attendees: values.attendees,
      ballots: ballotList(values).ballots,
    });
    sendFragment(
      res,
      h(
        Fragment,
        null,
        meeting.items.map((item) => h(ItemTallyRegion, { ctx, item, preview: previews.get(item.id), oob: true })),
      ),
    );
  });

  // The closed meeting's printed forms, for the signed-in officer (the page's download links).
  for (const form of MEETING_FORMS) {
    router.get(`/meetings/:id/${form}`, async (req, res) => {
      const { id } = MeetingParams.parse(req.params);
      sendFormFile(res, await meetingFormFile(deps.prisma, id, pageContext(res).officer!, form));
    });
  }

  return router;
}
