/**
 * One loan as an officer in scope sees it: its facts, what is owed on a day (today by default), the forms of the
 * role that acts on it, the repayment schedule, the months of interest, the payments and the events.
 */
import type { Role } from '../../../workflows/domain.js';
import { formatDate, formatDateTime, formatMoney, formatPercent } from '../../domain/format.js';
import { LOAN_ACTION_ROLES, type LoanDetailView } from '../../domain/loans/index.js';
import type { PageContext } from '../context.js';
import { Field } from '../form-parts.js';
import { Layout } from '../layout.js';
import { CodeHeading, Facts } from '../page-parts.js';
import { fill } from './meeting-ballots.js';
import {
  EarlyRepaymentForm,
  ExtensionForm,
  PrincipalForm,
  UseCheckForm,
  type LoanFormName,
  type SentLoanForm,
} from './loan-forms.js';
import { InterestTable, LoanEvents, PaymentsTable, ScheduleTable } from './loan-schedule.js';
import { LOAN_STATUS_LABELS } from './loans-page.js';

type DueToday = NonNullable<LoanDetailView['dueToday']>;

export interface LoanPageData {
  loan: LoanDetailView;
  programmeName: string;
  /** The day the owed figures are for, as typed (`?on=17/12/2026`); empty for today. */
  onText: string;
  onError?: string | undefined;
  /** Today's figures, which the payment forms start from (the loan's own when `on` is today). */
  today: DueToday | null;
  sent?: SentLoanForm | undefined;
  notice?: string | undefined;
}

const mayAct = (role: Role | undefined, roles: readonly Role[]): boolean => role !== undefined && roles.includes(role);

function LoanFacts({ ctx, loan, programmeName }: { ctx: PageContext; loan: LoanDetailView; programmeName: string }) {
  const { t, lang } = ctx;
  const check = loan.useCheck;
  return (
    <Facts
      facts={[
        [t('colBorrower'), loan.borrowerName],
        [t('colProgramme'), programmeName],
        [t('loanApplication'), <a href={`/applications/${encodeURIComponent(loan.code)}`}>{loan.code}</a>],
        [t('listWard'), loan.wardCode],
        [t('listGroup'), loan.groupCode],
        [t('colLoanAmount'), formatMoney(loan.amount, lang)],
        [t('loanRate'), `${formatPercent(loan.annualRatePercent, lang)}${t('loanRateYear')}`],
        [t('loanTerm'), `${loan.termMonths} ${t('months')}`],
        [t('loanInstalmentEvery'), `${loan.instalmentMonths} ${t('months')}`],
        [t('loanDisbursedOn'), formatDate(loan.disbursedOn)],
        [t('listStatus'), t(LOAN_STATUS_LABELS[loan.status])],
        loan.closedOn && [t('loanClosedOn'), formatDate(loan.closedOn)],
        [t('colOutstanding'), formatMoney(loan.outstandingPrincipal, lang)],
        [
          t('colOverdue'),
          loan.overdue.principal > 0 ? (
            <>
              {formatMoney(loan.overdue.principal, lang)}{' '}
              <span class="tag tag-overdue">
                {t('loanOverdueInstalments')} {loan.overdue.instalments.join(', ')}
              </span>
            </>
          ) : (
            '—'
          ),
        ],
        [
          t('loanUseCheck'),
          check.outcome ? (
            <>
              {t(check.outcome === 'misused' ? 'useCheck_misused' : 'useCheck_as-planned')}
              {check.checkedBy && check.checkedAt
                ? ` (${fill(t('loanUseCheckBy'), { by: check.checkedBy, date: formatDateTime(check.checkedAt) })})`
                : ''}
              {check.note ? <p class="reason">{check.note}</p> : null}
            </>
          ) : (
            <>
              {fill(t('loanUseCheckDue'), { date: formatDate(check.dueOn) })}
              {check.overdue ? <span class="tag tag-overdue">{t('overdue')}</span> : null}
            </>
          ),
        ],
      ]}
    />
  );
}

/** What is owed on the chosen day, and the GET form that chooses it. */
function Owed({ ctx, data }: { ctx: PageContext; data: LoanPageData }) {
  const { t, lang } = ctx;
  const due = data.loan.dueToday;
  if (data.loan.status === 'CLOSED') return null;
  return (
    <section aria-labelledby="owed-title" class="panel">
      <h2 id="owed-title">{fill(t('owedTitle'), { date: due ? formatDate(due.on) : '' })}</h2>
      {due ? (
        <Facts
          facts={[
            [t('owedOverdueInterest'), formatMoney(due.overdueInterest, lang)],
            [t('owedInterestArrears'), formatMoney(due.interestArrears, lang)],
            [t('owedOverduePrincipal'), formatMoney(due.overduePrincipal, lang)],
            [t('owedNextPrincipal'), formatMoney(due.nextPrincipal, lang)],
            [t('owedTotal'), <strong>{formatMoney(due.total, lang)}</strong>],
            [t('owedPayoff'), <strong>{formatMoney(due.payoff, lang)}</strong>],
          ]}
        />
      ) : (
        <p>{t('owedUnknown')}</p>
      )}
      <form method="get" action={`/loans/${encodeURIComponent(data.loan.id)}`} class="filter">
        <Field name="on" label={t('owedOn')} hint={t('owedOnHint')} errors={data.onError ? { on: data.onError } : {}}>
          {(attrs) => <input {...attrs} class="short" autoComplete="off" value={data.onText} />}
        </Field>
        <button type="submit" class="secondary">
          {t('owedOnButton')}
        </button>
      </form>
    </section>
  );
}

/** The forms this officer is offered on this loan, in the order the page shows them. */
export function visibleForms(role: Role | undefined, loan: LoanDetailView): LoanFormName[] {
  if (loan.status !== 'ACTIVE') return [];
  const forms: LoanFormName[] = [];
  if (mayAct(role, LOAN_ACTION_ROLES.principal)) forms.push('principal', 'early');
  if (mayAct(role, LOAN_ACTION_ROLES.extension) && loan.instalments.some((i) => i.status !== 'PAID')) {
    forms.push('extension');
  }
  if (mayAct(role, LOAN_ACTION_ROLES.useCheck) && !loan.useCheck.outcome) forms.push('use-check');
  return forms;
}

function Forms({ ctx, data }: { ctx: PageContext; data: LoanPageData }) {
  const { loan, today, sent } = data;
  const shown = visibleForms(ctx.officer?.role, loan);
  const common = { ctx, loan, sent };
  return (
    <>
      {shown.includes('principal') ? (
        <PrincipalForm {...common} initial={{ amount: today && today.total > 0 ? String(today.total) : '' }} />
      ) : null}
      {shown.includes('early') ? (
        <EarlyRepaymentForm {...common} initial={{ amount: today ? String(today.payoff) : '' }} />
      ) : null}
      {shown.includes('extension') ? <ExtensionForm {...common} initial={{}} /> : null}
      {shown.includes('use-check') ? <UseCheckForm {...common} initial={{}} /> : null}
    </>
  );
}

/** A refusal of a form the page no longer offers (the loan closed meanwhile, the check already recorded). */
function OrphanRefusal({ ctx, data }: { ctx: PageContext; data: LoanPageData }) {
  const { sent } = data;
  if (!sent || visibleForms(ctx.officer?.role, data.loan).includes(sent.form)) return null;
  const messages = [...sent.general, ...Object.values(sent.errors)];
  if (messages.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function LoanPage({ ctx, data }: { ctx: PageContext; data: LoanPageData }) {
  const { t } = ctx;
  const { loan } = data;
  return (
    <Layout ctx={ctx} title={`${t('loanTitle')} ${loan.code}`}>
      <p>
        <a href="/loans">{t('loanBack')}</a>
      </p>
      <CodeHeading title={t('loanTitle')} code={loan.code} notice={data.notice} />
      <OrphanRefusal ctx={ctx} data={data} />
      <h2>{t('loanFacts')}</h2>
      <LoanFacts ctx={ctx} loan={loan} programmeName={data.programmeName} />
      {ctx.officer?.role === 'group_leader' && loan.status === 'ACTIVE' ? (
        <p>
          <a href={`/groups/${encodeURIComponent(loan.groupCode)}/interest-collections`}>{t('loanInterestLink')}</a>
        </p>
      ) : null}
      <Owed ctx={ctx} data={data} />
      <Forms ctx={ctx} data={data} />
      <ScheduleTable ctx={ctx} loan={loan} />
      <InterestTable ctx={ctx} loan={loan} />
      <PaymentsTable ctx={ctx} loan={loan} />
      <LoanEvents ctx={ctx} loan={loan} />
    </Layout>
  );
}
