/**
 * The administrator's pages: the same use cases and schemas as the API's /api/admin routes. Every other role
 * gets the 403 page; a visitor is sent to sign-in.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { requireRole } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import {
  changeOfficer,
  createOfficer,
  listOfficers,
  resetOfficerPassword,
  setOfficerDisabled,
} from '../../domain/officer-accounts.js';
import { listBankOffices } from '../../domain/reference-admin.js';
import { listAssociations, listWardsAndGroups } from '../../domain/reference-data.js';
import { NewOfficerBody, OfficerParams, OfficerPatchBody, PasswordResetBody } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { formText } from '../form-values.js';
import { AdminAccessLogPage } from '../pages/admin-access-log-page.js';
import { AccessLogQuery, listAccessLog } from '../../domain/access-log.js';
import { AdminOfficerPage, type OfficerForm } from '../pages/admin-officer-page.js';
import { AdminOfficersPage } from '../pages/admin-officers-page.js';
import { AdminPage } from '../pages/admin-page.js';
import type { ScopeChoices } from '../pages/officer-fields.js';
import { requireSignIn } from '../error-pages.js';
import { sendPage } from '../render.js';
import { formValues, noticeOf, refusalOf, submitForm, type Refusal } from './admin-forms.js';
import { adminWardHandlers } from './admin-ward-handlers.js';
import { adminCalendarHandlers } from './admin-calendar-handlers.js';
import { adminWardEditHandlers } from './admin-ward-edit-handlers.js';
import { adminProgramHandlers } from './admin-program-handlers.js';

const PROFILE_FIELDS = ['username', 'displayName', 'email'] as const;
const SCOPE_FIELDS = ['role', 'wardCode', 'associationCode', 'groupCode', 'bankOfficeCode'] as const;

/**
 * Form strings as the API's bodies read them, in one place: an empty field is absent when creating, and `null`
 * (no scope of that kind) when changing a role and scope.
 */
function toBody(values: Record<string, string>, empty: undefined | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== '') body[name] = value;
    else if (empty === null) body[name] = null;
  }
  return body;
}

async function scopeChoices(prisma: PrismaClient): Promise<ScopeChoices> {
  const [{ wards, groups }, associations, bankOffices] = await Promise.all([
    listWardsAndGroups(prisma),
    listAssociations(prisma),
    listBankOffices(prisma),
  ]);
  return { wards, groups, associations, bankOffices };
}

const NOTICES = {
  created: 'officerCreated',
  changed: 'officerChanged',
  disabled: 'officerDisabled',
  enabled: 'officerEnabled',
  reset: 'passwordReset',
} as const;

interface OfficersExtra {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  general?: string[];
  notice?: string | undefined;
}

interface OfficerExtra {
  values?: Record<string, string>;
  refused?: { form: OfficerForm } & Refusal;
  notice?: string | undefined;
}

export function adminHandlers(
  prisma: PrismaClient,
  options: { refuseDemoPasswords: boolean; today: () => string },
): Router {
  const router = Router();
  router.use('/admin', requireSignIn, (_req, res, next) => {
    requireRole(pageContext(res).officer!, ['admin']);
    next();
  });

  router.get('/admin', (_req, res) => {
    sendPage(res, h(AdminPage, { ctx: pageContext(res) }));
  });

  async function showOfficers(res: Response, extra: OfficersExtra, status = 200) {
    const ctx = pageContext(res);
    const [officers, choices] = await Promise.all([listOfficers(prisma, {}), scopeChoices(prisma)]);
    const { values = {}, errors = {}, ...rest } = extra;
    sendPage(res, h(AdminOfficersPage, { ctx, data: { officers, choices, values, errors, ...rest } }), status);
  }

  router.get('/admin/officers', async (req, res) => {
    await showOfficers(res, { notice: noticeOf(res, NOTICES, req.query.done) });
  });

  router.post('/admin/officers', async (req, res) => {
    const ctx = pageContext(res);
    const values = formValues(req.body, [...PROFILE_FIELDS, ...SCOPE_FIELDS]);
    const password = (req.body as Record<string, unknown>).password;
    try {
      const body = NewOfficerBody.parse({ ...toBody(values, undefined), password });
      const created = await createOfficer(prisma, ctx.officer!, body);
      res.redirect(303, `/admin/officers/${encodeURIComponent(created.username)}?done=created`);
    } catch (error) {
      const refusal = refusalOf(res, error);
      if (!refusal) throw error;
      await showOfficers(res, { values, errors: refusal.fields, general: refusal.general }, refusal.status);
    }
  });

  async function showOfficer(res: Response, username: string, extra: OfficerExtra = {}, status = 200) {
    const ctx = pageContext(res);
    const [all, choices] = await Promise.all([listOfficers(prisma, {}), scopeChoices(prisma)]);
    const officer = all.find((row) => row.username === username);
    if (!officer) throw new AppError('NOT_FOUND', 'Officer not found');
    const values = extra.values ?? {
      role: officer.role,
      wardCode: officer.wardCode ?? '',
      associationCode: officer.associationCode ?? '',
      groupCode: officer.groupCode ?? '',
      bankOfficeCode: officer.bankOfficeCode ?? '',
    };
    const refused = extra.refused
      ? { form: extra.refused.form, errors: extra.refused.fields, general: extra.refused.general }
      : undefined;
    sendPage(
      res,
      h(AdminOfficerPage, { ctx, data: { officer, choices, values, refused, notice: extra.notice } }),
      status,
    );
  }

  /** Runs one of the officer page's actions: a redirect with its notice, or the page again with the refusal. */
  async function act(
    res: Response,
    username: string,
    form: OfficerForm,
    done: keyof typeof NOTICES,
    action: () => Promise<unknown>,
    values?: Record<string, string>,
  ) {
    await submitForm(res, action, `/admin/officers/${encodeURIComponent(username)}?done=${done}`, (refusal) =>
      showOfficer(res, username, { ...(values ? { values } : {}), refused: { form, ...refusal } }, refusal.status),
    );
  }

  router.get('/admin/officers/:username', async (req, res) => {
    const { username } = OfficerParams.parse(req.params);
    await showOfficer(res, username, { notice: noticeOf(res, NOTICES, req.query.done) });
  });

  router.post('/admin/officers/:username', async (req, res) => {
    const { username } = OfficerParams.parse(req.params);
    const values = formValues(req.body, SCOPE_FIELDS);
    const admin = pageContext(res).officer!;
    await act(
      res,
      username,
      'role',
      'changed',
      () => changeOfficer(prisma, admin, username, OfficerPatchBody.parse(toBody(values, null))),
      values,
    );
  });

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/admin/officers/:username/${action}`, async (req, res) => {
      const { username } = OfficerParams.parse(req.params);
      const admin = pageContext(res).officer!;
      await act(res, username, 'state', disabled ? 'disabled' : 'enabled', () =>
        setOfficerDisabled(prisma, admin, username, disabled, options),
      );
    });
  }

  router.post('/admin/officers/:username/reset-password', async (req, res) => {
    const { username } = OfficerParams.parse(req.params);
    const admin = pageContext(res).officer!;
    const { password } = req.body as Record<string, unknown>;
    await act(res, username, 'password', 'reset', async () =>
      resetOfficerPassword(prisma, admin, username, PasswordResetBody.parse({ password }).password),
    );
  });

  router.get('/admin/access-log', async (req, res) => {
    const filters = { application: formText(req.query.application), officer: formText(req.query.officer) };
    const query = AccessLogQuery.parse({
      ...(filters.application ? { application: filters.application } : {}),
      ...(filters.officer ? { officer: filters.officer } : {}),
      pageSize: 200,
    });
    const log = await listAccessLog(prisma, query);
    sendPage(res, h(AdminAccessLogPage, { ctx: pageContext(res), data: { log, filters } }));
  });

  router.use(adminWardHandlers(prisma, options.today));
  router.use(adminWardEditHandlers(prisma, options.today));
  router.use(adminCalendarHandlers(prisma, options.today));
  router.use(adminProgramHandlers(prisma));
  return router;
}
