/** One programme version's settings in words: what the list and the versions page show of it. */
import { CATEGORY_LABELS, STEP_LABELS, type MoreThanFraction } from '../../../workflows/domain.js';
import type { ProgramSnapshot } from '../../../workflows/definitions.js';
import { formatMoney, formatPercent } from '../../domain/format.js';
import type { PageContext } from '../context.js';

const share = (f: MoreThanFraction) => `${f.numerator}/${f.denominator}`;

export function ceilingText(ctx: PageContext, p: ProgramSnapshot): string {
  const flat = formatMoney(p.ceilingVnd, ctx.lang);
  if (p.ceilingPerMonthVnd === null) return flat;
  return `${flat}; ${formatMoney(p.ceilingPerMonthVnd, ctx.lang)} ${ctx.t('perMonthOfTerm')}`;
}

export const stepOrderText = (ctx: PageContext, p: ProgramSnapshot): string =>
  p.stepOrder.map((step) => ctx.t(STEP_LABELS[step])).join(' → ');

export const categoriesText = (ctx: PageContext, p: ProgramSnapshot): string =>
  p.eligibleCategories.map((category) => ctx.t(CATEGORY_LABELS[category])).join(', ');

export const voteText = (ctx: PageContext, p: ProgramSnapshot): string =>
  `${ctx.t('quorumField')}: ${share(p.voteRules.quorum)}; ${ctx.t('approvalField')}: ${share(p.voteRules.approval)}`;

export function deadlinesText(ctx: PageContext, p: ProgramSnapshot): string {
  return Object.entries(p.deadlines)
    .map(([step, days]) => `${ctx.t(STEP_LABELS[step as keyof typeof STEP_LABELS])}: ${days}`)
    .join('; ');
}

/** Every setting of a version as a definition list. */
export function ProgrammeFacts({ ctx, program }: { ctx: PageContext; program: ProgramSnapshot }) {
  const { t } = ctx;
  const rows: [string, string][] = [
    [t('programNameVi'), program.nameVi],
    [t('programNameEn'), program.nameEn],
    [t('colCeiling'), ceilingText(ctx, program)],
    [t('colRate'), formatPercent(program.annualRatePercent, ctx.lang)],
    [t('colMaxTerm'), `${program.maxTermMonths} ${t('months')}`],
    [t('colStepOrder'), stepOrderText(ctx, program)],
    [t('colCategories'), categoriesText(ctx, program)],
    [t('colVote'), voteText(ctx, program)],
    [`${t('colDeadlines')} (${t('workingDays')})`, deadlinesText(ctx, program)],
    [t('graceField'), String(program.graceWorkingDays)],
    [t('checkDebtField'), t(program.checkOverdueDebt ? 'yes' : 'no')],
  ];
  return (
    <dl class="facts">
      {rows.map(([term, value]) => [<dt key={`${term}-t`}>{term}</dt>, <dd key={`${term}-d`}>{value}</dd>])}
    </dl>
  );
}
