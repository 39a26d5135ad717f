/**
 * The capital pages: the same use cases as GET /api/capital-sources and GET /api/capital-sources/:code. The bank
 * manager and the administrator also see the forms (capital-form-handlers.ts posts them).
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { listCapitalSources, readCapitalSource } from '../../domain/capital/sources.js';
import { listCurrentPrograms } from '../../domain/programmes.js';
import type { Officer } from '../../domain/sessions.js';
import { CodeParams } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import type { LabelKey } from '../labels.js';
import { EMPTY_FORM, type CapitalFormState, type ProgrammeChoice } from '../pages/capital-forms.js';
import { CapitalPage } from '../pages/capital-page.js';
import { CapitalSourcePage } from '../pages/capital-source-page.js';
import { sendPage } from '../render.js';
import { noticeOf } from './admin-forms.js';

/** Who manages capital: the API's own rule (managedDistricts), to decide whether the forms are shown. */
export const MANAGER_ROLES = ['bank_manager', 'admin'] as const;
export const managesCapital = (officer: Officer): boolean =>
  (MANAGER_ROLES as readonly string[]).includes(officer.role);

export const CAPITAL_NOTICES = {
  created: 'capitalCreated',
  entrusted: 'capitalEntrusted',
  recalled: 'capitalRecalled',
  planned: 'capitalPlanned',
  priority: 'capitalPrioritySaved',
} as const satisfies Record<string, LabelKey>;

export async function programmeChoices(prisma: PrismaClient, lang: 'vi' | 'en'): Promise<ProgrammeChoice[]> {
  return (await listCurrentPrograms(prisma)).map((p) => ({ code: p.code, name: lang === 'vi' ? p.nameVi : p.nameEn }));
}

export async function showCapital(
  prisma: PrismaClient,
  res: Response,
  extra: { notice?: string | undefined; state?: CapitalFormState } = {},
  status = 200,
): Promise<void> {
  const ctx = pageContext(res);
  const sources = await listCapitalSources(prisma, ctx.officer!);
  const districts = [...new Set(sources.map((s) => s.district))];
  const manage = managesCapital(ctx.officer!)
    ? {
        state: extra.state ?? EMPTY_FORM,
        programmes: await programmeChoices(prisma, ctx.lang),
        district: districts.length === 1 ? (districts[0] ?? '') : '',
      }
    : undefined;
  sendPage(res, h(CapitalPage, { ctx, sources, notice: extra.notice, manage }), status);
}

export type SourceForm = 'entrust' | 'recall' | 'plan';

export async function showSource(
  prisma: PrismaClient,
  res: Response,
  code: string,
  today: string,
  extra: { notice?: string | undefined; refused?: { form: SourceForm; state: CapitalFormState } } = {},
  status = 200,
): Promise<void> {
  const ctx = pageContext(res);
  const source = await readCapitalSource(prisma, ctx.officer!, code);
  const stateOf = (form: SourceForm) => (extra.refused?.form === form ? extra.refused.state : EMPTY_FORM);
  const manage = managesCapital(ctx.officer!)
    ? {
        entrust: stateOf('entrust'),
        recall: stateOf('recall'),
        plan: stateOf('plan'),
        programmes: await programmeChoices(prisma, ctx.lang),
        year: Number(today.slice(0, 4)),
      }
    : undefined;
  sendPage(res, h(CapitalSourcePage, { ctx, source, notice: extra.notice, manage }), status);
}

export function capitalHandlers(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  router.get('/capital', requireSignIn, async (req, res) => {
    await showCapital(prisma, res, { notice: noticeOf(res, CAPITAL_NOTICES, req.query.done) });
  });

  router.get('/capital/:code', requireSignIn, async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    await showSource(prisma, res, code, today(), { notice: noticeOf(res, CAPITAL_NOTICES, req.query.done) });
  });

  return router;
}
