/**
 * The administrator's pages on the programme catalogue: the same schemas (NewProgramBody, ProgramDefinition) and
 * use cases as POST /api/admin/programs and PUT /api/admin/programs/:code. Mounted after the admin role check.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { STEP_NAMES } from '../../../workflows/domain.js';
import { AppError } from '../../domain/errors.js';
import { addProgrammeVersion, createProgramme } from '../../domain/programme-catalogue.js';
import { readProgrammeHistory } from '../../domain/programme-history.js';
import { listCurrentPrograms } from '../../domain/programmes.js';
import { statusOf } from '../../http/middleware/error-handler.js';
import { NewProgramBody, ProgramDefinition } from '../../http/routes/programs-admin.js';
import { pageContext } from '../context.js';
import { formErrors } from '../form-errors.js';
import { formText, numberOrText } from '../form-values.js';
import type { FieldMessages } from '../form-parts.js';
import { AdminProgramPage } from '../pages/admin-program-page.js';
import { AdminProgramsPage } from '../pages/admin-programs-page.js';
import { DEADLINE_STEPS, FRACTIONS, programmeValues, type ProgrammeFormData } from '../pages/programme-fields.js';
import { sendPage } from '../render.js';

const ProgramParams = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/) });

const TEXT_FIELDS = [
  'code',
  'nameVi',
  'nameEn',
  'ceilingVnd',
  'ceilingPerMonthVnd',
  'annualRatePercent',
  'maxTermMonths',
  'graceWorkingDays',
  'checkOverdueDebt',
  ...STEP_NAMES.map((_, index) => `stepOrder.${index}`),
  ...FRACTIONS.flatMap((f) => [`voteRules.${f}.numerator`, `voteRules.${f}.denominator`]),
  ...DEADLINE_STEPS.map((step) => `deadlines.${step}`),
];

/** A repeated checkbox arrives as one string or an array of them. */
const checked = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

function formValues(body: unknown): Record<string, string> {
  const form = (body ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, formText(form[name])]));
  return { ...values, eligibleCategories: checked(form.eligibleCategories).join(',') };
}

/** The form as the API's body: numbers as numbers, an empty field absent (the schema says if it is needed). */
function definitionBody(v: Record<string, string>): Record<string, unknown> {
  const number = (name: string) => (v[name] ? numberOrText(v[name]) : undefined);
  const fraction = (f: string) => ({
    numerator: number(`voteRules.${f}.numerator`),
    denominator: number(`voteRules.${f}.denominator`),
  });
  const deadlines = Object.fromEntries(
    DEADLINE_STEPS.filter((step) => v[`deadlines.${step}`]).map((step) => [step, number(`deadlines.${step}`)]),
  );
  return {
    nameVi: v.nameVi,
    nameEn: v.nameEn,
    ceilingVnd: number('ceilingVnd'),
    ceilingPerMonthVnd: v.ceilingPerMonthVnd ? number('ceilingPerMonthVnd') : null,
    // The rate is typed with a decimal comma in Vietnamese: 6,6.
    annualRatePercent: v.annualRatePercent?.replace(',', '.'),
    maxTermMonths: number('maxTermMonths'),
    stepOrder: STEP_NAMES.map((_, index) => v[`stepOrder.${index}`]).filter(Boolean),
    eligibleCategories: v.eligibleCategories ? v.eligibleCategories.split(',') : [],
    voteRules: { quorum: fraction('quorum'), approval: fraction('approval') },
    deadlines,
    graceWorkingDays: number('graceWorkingDays'),
    checkOverdueDebt: v.checkOverdueDebt === 'true',
  };
}

/** Refusals beside their field: a step order's or a category's item beside its group, a taken code beside the code. */
function refusalOf(res: Response, error: unknown): (ProgrammeFormData & { status: number }) | null {
  if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
  const refusal = formErrors(error, pageContext(res).t);
  if (!refusal) return null;
  const errors: FieldMessages = {};
  for (const [name, message] of Object.entries(refusal.fields)) {
    const group = /^(stepOrder|eligibleCategories)\.|^(voteRules\.\w+)$/.exec(name);
    errors[group ? (group[1] ?? group[2]!) : name] ??= message;
  }
  const general = [...refusal.general];
  if (error instanceof AppError && error.code === 'PROGRAM_EXISTS') errors.code = general.pop() ?? '';
  return { values: {}, errors, general, status: error instanceof AppError ? statusOf(error.code) : 400 };
}

const EMPTY_FORM = { values: { checkOverdueDebt: 'true', graceWorkingDays: '5' }, errors: {}, general: [] };

export function adminProgramHandlers(prisma: PrismaClient): Router {
  const router = Router();

  async function showList(res: Response, form: ProgrammeFormData, notice?: string, status = 200) {
    const programs = await listCurrentPrograms(prisma);
    sendPage(res, h(AdminProgramsPage, { ctx: pageContext(res), data: { programs, form, notice } }), status);
  }

  async function showProgram(res: Response, code: string, form?: ProgrammeFormData, notice?: string, status = 200) {
    const versions = await readProgrammeHistory(prisma, code);
    const start = form ?? { values: programmeValues(versions.at(-1)!.program), errors: {}, general: [] };
    sendPage(res, h(AdminProgramPage, { ctx: pageContext(res), data: { versions, form: start, notice } }), status);
  }

  router.get('/admin/programs', async (req, res) => {
    const notice = req.query.done === 'created' ? pageContext(res).t('programCreated') : undefined;
    await showList(res, EMPTY_FORM, notice);
  });

  router.post('/admin/programs', async (req, res) => {
    const values = formValues(req.body);
    try {
      const { code, ...definition } = NewProgramBody.parse({ ...definitionBody(values), code: values.code });
      await createProgramme(prisma, pageContext(res).officer!, code, definition);
      res.redirect(303, `/admin/programs/${encodeURIComponent(code)}?done=created`);
    } catch (error) {
      const refusal = refusalOf(res, error);
      if (!refusal) throw error;
      await showList(res, { ...refusal, values }, undefined, refusal.status);
    }
  });

  router.get('/admin/programs/:code', async (req, res) => {
    const { code } = ProgramParams.parse(req.params);
    const done = { created: 'programCreated', published: 'versionPublished' } as const;
    const key = done[req.query.done as keyof typeof done] as (typeof done)[keyof typeof done] | undefined;
    await showProgram(res, code, undefined, key ? pageContext(res).t(key) : undefined);
  });

  router.post('/admin/programs/:code', async (req, res) => {
    const { code } = ProgramParams.parse(req.params);
    const values = formValues(req.body);
    try {
      const definition = ProgramDefinition.parse(definitionBody(values));
      await addProgrammeVersion(prisma, pageContext(res).officer!, code, definition);
      res.redirect(303, `/admin/programs/${encodeURIComponent(code)}?done=published`);
    } catch (error) {
      const refusal = refusalOf(res, error);
      if (!refusal) throw error;
      await showProgram(res, code, { ...refusal, values }, undefined, refusal.status);
    }
  });

  return router;
}
