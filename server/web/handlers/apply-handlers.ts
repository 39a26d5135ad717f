/** Form 01/TD as pages: the same schema and the same use case as POST /api/applications. */
import { Router, type Response } from 'express';
import { h } from 'preact';
import { submitApplication, type WorkflowDeps } from '../../domain/applications/index.js';
import { AppError, notFound } from '../../domain/errors.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import { listCurrentPrograms } from '../../domain/programmes.js';
import { listWardsAndGroups } from '../../domain/reference-data.js';
import { parseDateText } from '../../domain/registry/dates.js';
import { CreateApplicationBody } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { formErrors } from '../form-errors.js';
import { formText, numberOrText } from '../form-values.js';
import { ApplyDonePage } from '../pages/apply-done-page.js';
import { ApplyPage, GroupOptions, MEMBER_ROWS, type ApplyPageData } from '../pages/apply-page.js';
import { sendFragment, sendPage } from '../render.js';

const MEMBER_FIELDS = ['fullName', 'citizenId', 'relationship'] as const;
const BORROWER_FIELDS = ['fullName', 'citizenId', 'dateOfBirth', 'phone', 'email'] as const;
const FIELDS = [
  'programCode',
  'wardCode',
  'groupCode',
  'householdCategory',
  'village',
  ...BORROWER_FIELDS.map((f) => `borrower.${f}`),
  ...Array.from({ length: MEMBER_ROWS }, (_, i) => MEMBER_FIELDS.map((f) => `householdMembers.${i}.${f}`)).flat(),
  'amount',
  'termMonths',
  'purpose',
  'usePlan',
];

/** The form's flat fields as the API's body; empty optional fields are left out, empty member rows dropped. */
export function applicationBody(values: Record<string, string>): unknown {
  const optional = (name: string) => (values[name] ? values[name] : undefined);
  const members = Array.from({ length: MEMBER_ROWS }, (_, i) =>
    Object.fromEntries(MEMBER_FIELDS.map((f) => [f, values[`householdMembers.${i}.${f}`] ?? ''])),
  );
  // Only trailing empty rows are dropped, so a member's index (and its field's name) stays as typed.
  while (members.length > 0 && MEMBER_FIELDS.every((f) => !members.at(-1)![f])) members.pop();
  return {
    programCode: values.programCode,
    wardCode: values.wardCode,
    groupCode: values.groupCode,
    householdCategory: values.householdCategory,
    village: optional('village'),
    borrower: {
      fullName: values['borrower.fullName'],
      citizenId: values['borrower.citizenId'],
      // Typed as Vietnamese write dates (12/04/1985); a browser's own date picker would follow its own locale.
      dateOfBirth: parseDateText(values['borrower.dateOfBirth'] ?? '') ?? values['borrower.dateOfBirth'],
      phone: optional('borrower.phone'),
      email: optional('borrower.email'),
    },
    householdMembers: members.length > 0 ? members : undefined,
    amount: numberOrText(values.amount ?? ''),
    termMonths: numberOrText(values.termMonths ?? ''),
    purpose: values.purpose,
    usePlan: values.usePlan,
  };
}

const APPLICATION_CODE = /^[A-Z0-9-]{1,60}-\d{4}-[A-Z0-9]{6}$/;

export function applyHandlers(deps: WorkflowDeps): Router {
  const router = Router();

  async function showForm(res: Response, state: Partial<ApplyPageData>, status = 200) {
    const [programs, { wards, groups }] = await Promise.all([
      listCurrentPrograms(deps.prisma),
      listWardsAndGroups(deps.prisma),
    ]);
    const data = { programs, wards, groups, values: {}, errors: {}, general: [], ...state };
    sendPage(res, h(ApplyPage, { ctx: pageContext(res), data }), status);
  }

  router.get('/apply', async (_req, res) => {
    await showForm(res, {});
  });

  router.post('/apply', async (req, res) => {
    const form = req.body as Record<string, unknown>;
    const values = Object.fromEntries(FIELDS.map((name) => [name, formText(form[name])]));
    const parsed = CreateApplicationBody.safeParse(applicationBody(values));
    try {
      if (!parsed.success) throw parsed.error;
      const state = await submitApplication(deps, parsed.data, pageContext(res).officer);
      res.redirect(303, `/apply/submitted?code=${encodeURIComponent(state.code)}`);
    } catch (error) {
      const refused = formErrors(error, pageContext(res).t);
      if (!refused) throw error;
      await showForm(
        res,
        { values, errors: refused.fields, general: refused.general },
        error instanceof AppError ? statusOf(error.code) : 400,
      );
    }
  });

  // htmx's partial refresh: the group options of the chosen ward (all of them when none is chosen).
  router.get('/apply/groups', async (req, res) => {
    const ward = typeof req.query.wardCode === 'string' ? req.query.wardCode : '';
    const { wards, groups } = await listWardsAndGroups(deps.prisma);
    const shown = wards.some((w) => w.code === ward) ? wards.filter((w) => w.code === ward) : wards;
    const ctx = pageContext(res);
    sendFragment(res, h(GroupOptions, { ctx, wards: shown, groups, selected: '' }));
  });

  router.get('/apply/submitted', (req, res) => {
    const code = typeof req.query.code === 'string' ? req.query.code : '';
    if (!APPLICATION_CODE.test(code)) throw notFound('Application');
    sendPage(res, h(ApplyDonePage, { ctx: pageContext(res), code }));
  });

  return router;
}
