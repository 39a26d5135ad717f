/** The loan's tables: the repayment schedule, the months of interest, the payments and the events. */
import { LOAN_EVENT_TYPES, type LoanEventType } from '../../../workflows/loan-definitions.js';
import { formatDate, formatDateTime, formatMoney } from '../../domain/format.js';
import type { LoanDetailView } from '../../domain/loans/index.js';
import type { PageContext } from '../context.js';
import type { LabelKey } from '../labels.js';
import { DataTable } from '../page-parts.js';
import { fill } from './meeting-ballots.js';

type Instalment = LoanDetailView['instalments'][number];

const INSTALMENT_LABELS: Record<Instalment['status'], LabelKey> = {
  DUE: 'instalment_DUE',
  OVERDUE: 'instalment_OVERDUE',
  PAID: 'instalment_PAID',
};

const PAYMENT_LABELS: Record<LoanDetailView['payments'][number]['kind'], LabelKey> = {
  INTEREST: 'payment_INTEREST',
  PRINCIPAL: 'payment_PRINCIPAL',
  EARLY_REPAYMENT: 'payment_EARLY_REPAYMENT',
};

const EVENT_LABELS = Object.fromEntries(LOAN_EVENT_TYPES.map((type) => [type, `loanEvent_${type}` as const])) as Record<
  LoanEventType,
  `loanEvent_${LoanEventType}`
>;

/** `2027-04` → `04/2027`, as a month is written on the receipt. */
const shownMonth = (month: string): string => month.split('-').reverse().join('/');

function Extension({ ctx, instalment }: { ctx: PageContext; instalment: Instalment }) {
  const { t } = ctx;
  const extension = instalment.extension;
  if (!extension) return <>—</>;
  return (
    <>
      {fill(t('extendedFrom'), { date: formatDate(extension.fromDueOn) })}
      <br />
      {fill(t('extensionDecision'), { decision: extension.bankDecision })}
      <p class="reason">{fill(t('extensionCommentShown'), { comment: extension.wardChairComment })}</p>
    </>
  );
}

export function ScheduleTable({ ctx, loan }: { ctx: PageContext; loan: LoanDetailView }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('scheduleTitle')}</h2>
      <DataTable
        caption={t('scheduleTitle')}
        rows={loan.instalments}
        rowKey={(i) => String(i.no)}
        rowClass={(i) => (i.status === 'OVERDUE' ? 'overdue' : undefined)}
        columns={[
          { header: t('colInstalment'), cell: (i) => i.no },
          { header: t('colInstalmentDue'), cell: (i) => formatDate(i.dueOn) },
          {
            header: t('colPrincipal'),
            class: 'num',
            headerClass: 'num',
            cell: (i) => formatMoney(i.principal, lang),
          },
          { header: t('colPaid'), class: 'num', headerClass: 'num', cell: (i) => formatMoney(i.paidPrincipal, lang) },
          {
            header: t('colInstalmentStatus'),
            cell: (i) =>
              i.status === 'OVERDUE' ? (
                <span class="tag tag-overdue">{t(INSTALMENT_LABELS[i.status])}</span>
              ) : (
                t(INSTALMENT_LABELS[i.status])
              ),
          },
          { header: t('colExtension'), cell: (i) => <Extension ctx={ctx} instalment={i} /> },
        ]}
      />
    </section>
  );
}

export function InterestTable({ ctx, loan }: { ctx: PageContext; loan: LoanDetailView }) {
  const { t, lang } = ctx;
  if (loan.interest.length === 0) return null;
  const money = (amount: number | null) => (amount === null ? '—' : formatMoney(amount, lang));
  return (
    <section aria-labelledby="interest-title">
      <h2 id="interest-title">{t('interestTitle')}</h2>
      <DataTable
        caption={t('interestTitle')}
        rows={loan.interest}
        rowKey={(m) => String(m.period)}
        columns={[
          { header: t('colMonth'), cell: (m) => shownMonth(m.month) },
          { header: t('colInterestDue'), cell: (m) => formatDate(m.dueOn) },
          { header: t('colInterestBase'), class: 'num', headerClass: 'num', cell: (m) => money(m.base) },
          { header: t('colInterestAmount'), class: 'num', headerClass: 'num', cell: (m) => money(m.amount) },
          { header: t('colCollected'), class: 'num', headerClass: 'num', cell: (m) => money(m.collected) },
          { header: t('colSettled'), class: 'num', headerClass: 'num', cell: (m) => money(m.settled || null) },
        ]}
      />
    </section>
  );
}

export function PaymentsTable({ ctx, loan }: { ctx: PageContext; loan: LoanDetailView }) {
  const { t, lang } = ctx;
  const money = (amount: number) => formatMoney(amount, lang);
  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title">{t('paymentsTitle')}</h2>
      {loan.payments.length === 0 ? (
        <p class="empty">{t('paymentsNone')}</p>
      ) : (
        <DataTable
          caption={t('paymentsTitle')}
          rows={loan.payments}
          rowKey={(p) => `${p.paidOn}-${p.kind}-${p.month ?? ''}-${p.amount}-${p.recordedBy}`}
          columns={[
            { header: t('colPaidOn'), cell: (p) => formatDate(p.paidOn) },
            {
              header: t('colPaymentKind'),
              cell: (p) => `${t(PAYMENT_LABELS[p.kind])}${p.month ? ` ${shownMonth(p.month)}` : ''}`,
            },
            { header: t('colPrincipal'), class: 'num', headerClass: 'num', cell: (p) => money(p.principal) },
            { header: t('colInterestPaid'), class: 'num', headerClass: 'num', cell: (p) => money(p.interest) },
            {
              header: t('colOverdueInterestPaid'),
              class: 'num',
              headerClass: 'num',
              cell: (p) => money(p.overdueInterest),
            },
            { header: t('colTotalPaid'), class: 'num', headerClass: 'num', cell: (p) => money(p.amount) },
            { header: t('colReceipt'), cell: (p) => p.receiptNo ?? '' },
            { header: t('colRecordedBy'), cell: (p) => p.recordedBy },
          ]}
        />
      )}
    </section>
  );
}

export function LoanEvents({ ctx, loan }: { ctx: PageContext; loan: LoanDetailView }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="loan-events-title">
      <h2 id="loan-events-title">{t('loanEventsTitle')}</h2>
      <ol class="history">
        {loan.events.map((event) => (
          <li key={event.seq}>
            <span class="when">{formatDateTime(event.at)}</span>{' '}
            <strong>
              {(LOAN_EVENT_TYPES as readonly string[]).includes(event.type)
                ? t(EVENT_LABELS[event.type as LoanEventType])
                : event.type}
            </strong>
            <span class="actor"> · {event.actor === 'system' ? t('loanActorSystem') : event.actor}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
