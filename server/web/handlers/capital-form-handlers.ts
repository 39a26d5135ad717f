/**
 * The capital forms: a new source, an entrustment or top-up, a recall, a yearly plan and a programme's order of
 * sources. The same body schemas and use cases as POST/PUT /api/capital-sources… and /api/programs/:code/
 * capital-priority; amounts typed as Vietnamese write them (50.000.000), dates as dd/mm/yyyy.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { h } from 'preact';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { requireRole } from '../../domain/access.js';
import { readProgramPriority, setProgramPriority } from '../../domain/capital/program-priority.js';
import {
  createCapitalSource,
  entrustCapital,
  listCapitalSources,
  recallCapital,
  setCapitalPlan,
} from '../../domain/capital/sources.js';
import { parseDateText } from '../../domain/registry/dates.js';
import {
  CapitalEntrustmentBody,
  CapitalPlanBody,
  CapitalPriorityBody,
  CapitalRecallBody,
  NewCapitalSourceBody,
} from '../../http/routes/capital.js';
import { CodeParams } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import { numberOrText } from '../form-values.js';
import type { FieldMessages } from '../form-parts.js';
import { CapitalPrioritiesPage, rankField, type ProgrammePriority } from '../pages/capital-priorities-page.js';
import { sendPage } from '../render.js';
import { formValues, noticeOf, submitForm } from './admin-forms.js';
import {
  CAPITAL_NOTICES,
  MANAGER_ROLES,
  managesCapital,
  programmeChoices,
  showCapital,
  showSource,
  type SourceForm,
} from './capital-handlers.js';
import { capitalRefusal } from './capital-refusals.js';

const SOURCE_FIELDS = ['code', 'name', 'kind', 'district', 'wardCode', 'programCode'];
const ENTRY_FIELDS = ['amount', 'on', 'decisionNumber', 'note'];
const PLAN_FIELDS = ['year', 'programCode', 'amount'];
const ProgramParams = z.object({ program: z.string().min(1).max(40) });
const PlanYear = z.coerce.number().int().min(2000).max(2100);

/** The fields typed, as the API's bodies read them: empty ones absent, the amount a number, the date ISO. */
function bodyOf(values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === '') continue;
    if (name === 'amount') body[name] = numberOrText(value);
    else if (name === 'on') body[name] = parseDateText(value) ?? value;
    else body[name] = value;
  }
  return body;
}

const sourcePath = (code: string, done: string) => `/capital/${encodeURIComponent(code)}?done=${done}`;

/** The ranks typed per source, in rank order; a rank that is not a positive whole number, or is repeated, is named. */
function rankedCodes(ranks: Record<string, string>): { codes: string[]; errors: FieldMessages; repeated: boolean } {
  const errors: FieldMessages = {};
  const seen = new Map<number, string>();
  let repeated = false;
  const ranked: [number, string][] = [];
  for (const [code, text] of Object.entries(ranks)) {
    if (text === '') continue;
    const rank = /^\d{1,3}$/.test(text) ? Number(text) : 0;
    if (rank < 1 || seen.has(rank)) {
      errors[rankField(code)] = '';
      repeated ||= seen.has(rank);
      continue;
    }
    seen.set(rank, code);
    ranked.push([rank, code]);
  }
  return { codes: ranked.sort((a, b) => a[0] - b[0]).map(([, code]) => code), errors, repeated };
}

/** Only the bank manager and the administrator post capital forms; anyone else gets the 403 page. */
const requireManager: RequestHandler = (_req, res, next) => {
  requireRole(pageContext(res).officer!, MANAGER_ROLES);
  next();
};

export function capitalFormHandlers(prisma: PrismaClient, today: () => string): Router {
  const router = Router();
  router.post('/capital', requireSignIn, requireManager, async (req, res) => {
    const values = formValues(req.body, SOURCE_FIELDS);
    const officer = pageContext(res).officer!;
    try {
      await createCapitalSource(prisma, officer, NewCapitalSourceBody.parse(bodyOf(values)));
    } catch (error) {
      const refused = capitalRefusal(res, error, values, { districtField: true });
      if (!refused) throw error;
      return showCapital(prisma, res, { state: refused.state }, refused.status);
    }
    res.redirect(303, '/capital?done=created');
  });

  async function sourceForm(
    res: Response,
    code: string,
    form: SourceForm,
    values: Record<string, string>,
    action: () => Promise<unknown>,
    done: string,
  ) {
    try {
      await action();
    } catch (error) {
      const refused = capitalRefusal(res, error, values, { planAmount: form === 'plan' });
      if (!refused) throw error;
      return showSource(prisma, res, code, today(), { refused: { form, state: refused.state } }, refused.status);
    }
    res.redirect(303, sourcePath(code, done));
  }

  router.post('/capital/:code/entrustments', requireSignIn, requireManager, async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const values = formValues(req.body, ['kind', ...ENTRY_FIELDS]);
    const officer = pageContext(res).officer!;
    await sourceForm(
      res,
      code,
      'entrust',
      values,
      () => entrustCapital(prisma, officer, code, CapitalEntrustmentBody.parse(bodyOf(values))),
      'entrusted',
    );
  });

  router.post('/capital/:code/recalls', requireSignIn, requireManager, async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const values = formValues(req.body, ENTRY_FIELDS);
    const officer = pageContext(res).officer!;
    await sourceForm(
      res,
      code,
      'recall',
      values,
      () => recallCapital(prisma, officer, code, CapitalRecallBody.parse(bodyOf(values))),
      'recalled',
    );
  });

  router.post('/capital/:code/plans', requireSignIn, requireManager, async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const values = formValues(req.body, PLAN_FIELDS);
    const officer = pageContext(res).officer!;
    await sourceForm(
      res,
      code,
      'plan',
      values,
      async () => {
        const year = PlanYear.safeParse(values.year);
        const { year: _year, ...plan } = bodyOf(values);
        const body = CapitalPlanBody.safeParse(plan);
        // Both fields judged at once, so the year's message and the amount's show together.
        if (!year.success || !body.success) {
          throw new z.ZodError([
            ...(year.success ? [] : year.error.issues.map((issue) => ({ ...issue, path: ['year'] }))),
            ...(body.success ? [] : body.error.issues),
          ]);
        }
        return setCapitalPlan(prisma, officer, code, year.data, body.data);
      },
      'planned',
    );
  });

  async function showPriorities(
    res: Response,
    extra: { notice?: string | undefined; refused?: ProgrammePriority } = {},
    status = 200,
  ): Promise<void> {
    const ctx = pageContext(res);
    const officer = ctx.officer!;
    const [sources, programmes] = await Promise.all([
      listCapitalSources(prisma, officer),
      programmeChoices(prisma, ctx.lang),
    ]);
    const rows = await Promise.all(
      programmes.map(async (programme): Promise<ProgrammePriority> => {
        if (extra.refused?.code === programme.code) return extra.refused;
        const { sourceCodes } = await readProgramPriority(prisma, officer, programme.code);
        const possible = sources.filter((s) => s.programCode === null || s.programCode === programme.code);
        const rank = (code: string) => (sourceCodes.includes(code) ? sourceCodes.indexOf(code) : possible.length);
        return {
          ...programme,
          sources: [...possible].sort((a, b) => rank(a.code) - rank(b.code)),
          ranks: Object.fromEntries(sourceCodes.map((code, index) => [code, String(index + 1)])),
          errors: {},
          general: [],
        };
      }),
    );
    sendPage(
      res,
      h(CapitalPrioritiesPage, { ctx, programmes: rows, editable: managesCapital(officer), notice: extra.notice }),
      status,
    );
  }

  router.get('/capital/priorities', requireSignIn, async (req, res) => {
    await showPriorities(res, { notice: noticeOf(res, CAPITAL_NOTICES, req.query.done) });
  });

  router.post('/capital/priorities/:program', requireSignIn, requireManager, async (req, res) => {
    const { program } = ProgramParams.parse(req.params);
    const ctx = pageContext(res);
    const officer = ctx.officer!;
    const programme = (await programmeChoices(prisma, ctx.lang)).find((p) => p.code === program);
    const sources = (await listCapitalSources(prisma, officer)).filter(
      (s) => s.programCode === null || s.programCode === program,
    );
    if (!programme) return showPriorities(res, {}, 404);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const ranks = Object.fromEntries(
      sources.map((s) => [s.code, formValues(form, [rankField(s.code)])[rankField(s.code)] ?? '']),
    );
    const typed = { ...programme, sources, ranks };
    const { codes, errors, repeated } = rankedCodes(ranks);
    const refuse = (fields: FieldMessages, general: string[], status: number) =>
      showPriorities(res, { refused: { ...typed, errors: fields, general } }, status);
    if (Object.keys(errors).length > 0 || codes.length === 0) {
      const message = ctx.t(
        codes.length === 0 && Object.keys(errors).length === 0 ? 'capitalRankNone' : 'capitalRankInvalid',
      );
      const fields = Object.fromEntries(Object.keys(errors).map((name) => [name, message]));
      return refuse(fields, Object.keys(fields).length === 0 || repeated ? [message] : [], 400);
    }
    await submitForm(
      res,
      () => setProgramPriority(prisma, officer, program, CapitalPriorityBody.parse({ sourceCodes: codes }).sourceCodes),
      '/capital/priorities?done=priority',
      (refusal) => refuse({}, [...refusal.general, ...Object.values(refusal.fields)], refusal.status),
    );
  });

  return router;
}
