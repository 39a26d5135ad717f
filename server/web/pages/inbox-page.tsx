/** The officer's home page: what waits on me, oldest first, with counts per step and a filter by step. */
import { STEP_LABELS, STEP_NAMES, type StepName } from '../../../workflows/domain.js';
import { formatDate, formatDateTime, formatMoney } from '../../domain/format.js';
import type { InboxItem } from '../../domain/inbox.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';
import { DataTable } from '../page-parts.js';
import type { LoanTask } from '../../domain/loans/loan-tasks.js';
import { LoanTasksSection } from './loan-tasks-section.js';
import { BatchesLinks } from './batches-page.js';
import { MeetingsLink } from './meetings-page.js';

export interface InboxPageData {
  items: InboxItem[];
  counts: Partial<Record<StepName, number>>;
  step: StepName | null;
  loanTasks?: LoanTask[];
  /** The groups with applications waiting at a batch step: links to their batches. */
  batchGroups?: { code: string; waiting: number }[];
}

export function InboxPage({ ctx, data }: { ctx: PageContext; data: InboxPageData }) {
  const { t, lang } = ctx;
  const steps = STEP_NAMES.filter((step) => data.counts[step]);
  return (
    <Layout ctx={ctx} title={t('inboxTitle')}>
      <h1>{t('inboxTitle')}</h1>
      <p class="lead">{t('inboxLead')}</p>
      <MeetingsLink ctx={ctx} waiting={data.counts['group-vote'] ?? 0} />
      <BatchesLinks ctx={ctx} groups={data.batchGroups ?? []} />
      {steps.length > 0 ? (
        <section aria-labelledby="counts-title">
          <h2 id="counts-title">{t('countsPerStep')}</h2>
          <ul class="counts">
            {steps.map((step) => (
              <li key={step}>
                <a href={`/inbox?step=${step}`} aria-current={data.step === step ? 'true' : undefined}>
                  <span class="count">{data.counts[step]}</span> {t(STEP_LABELS[step])}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form method="get" action="/inbox" class="filter">
        <label for="step">{t('filterByStep')}</label>
        <select id="step" name="step">
          <option value="">{t('allSteps')}</option>
          {STEP_NAMES.map((step) => (
            <option value={step} key={step} selected={data.step === step}>
              {t(STEP_LABELS[step])}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t('filter')}
        </button>
      </form>
      {data.items.length === 0 ? (
        <p class="empty">{t('inboxEmpty')}</p>
      ) : (
        <DataTable
          caption={t('inboxTitle')}
          rows={data.items}
          rowKey={(item) => item.row.id}
          rowClass={(item) => (item.overdue ? 'overdue' : undefined)}
          columns={[
            {
              header: t('colApplication'),
              class: 'code',
              cell: (item) => <a href={`/applications/${encodeURIComponent(item.row.code)}`}>{item.row.code}</a>,
            },
            { header: t('colBorrower'), cell: (item) => item.row.borrowerName },
            {
              header: t('colStep'),
              cell: (item) => (
                <>
                  {t(STEP_LABELS[item.step])}
                  {item.heldByMe ? <span class="tag">{t('heldByMe')}</span> : null}
                </>
              ),
            },
            { header: t('colWaitingSince'), cell: (item) => formatDateTime(item.stepSince) },
            {
              header: t('colDueOn'),
              cell: (item) => (
                <>
                  {formatDate(item.dueOn)}
                  {item.overdue ? <span class="tag tag-overdue">{t('overdue')}</span> : null}
                </>
              ),
            },
            {
              header: t('colAmount'),
              class: 'num',
              headerClass: 'num',
              cell: (item) => formatMoney(item.row.amountRequested, lang),
            },
          ]}
        />
      )}
      <LoanTasksSection ctx={ctx} tasks={data.loanTasks ?? []} />
    </Layout>
  );
}
