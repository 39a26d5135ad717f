/**
 * The group's interest of one month (receipt 01/BL): per loan the borrower, the loan, the due date and the interest
 * due; for the group's leader an amount field per loan not yet collected (filled in with the due), the receipt
 * number and one button. Bank officers of the group's office read the same list.
 */
import type { InterestDueItem } from '../../domain/loans/interest-collections.js';
import { formatDate, formatMoney } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { CodeHeading } from '../page-parts.js';

export interface InterestPageData {
  groupCode: string;
  /** YYYY-MM */
  month: string;
  items: InterestDueItem[];
  canCollect: boolean;
  /** What was typed per loan (after a refusal); otherwise each uncollected row starts with its due. */
  amounts: Record<string, string>;
  receiptNo: string;
  /** Refusals by loan id, beside their row. */
  rowErrors: Record<string, string>;
  receiptError?: string | undefined;
  general: string[];
  notice?: string | undefined;
}

export const amountField = (loanId: string): string => `amount.${loanId}`;

/** YYYY-MM → MM/YYYY, as the month is written on the receipt. */
export const shownMonth = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The month before or after YYYY-MM. */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function MonthPicker({ ctx, data, path }: { ctx: PageContext; data: InterestPageData; path: string }) {
  const { t } = ctx;
  const link = (by: number) => `${path}?month=${shiftMonth(data.month, by)}`;
  return (
    <form method="get" action={path}>
      <Field name="month" label={t('interestMonth')} hint={t('interestMonthHint')} errors={{}}>
        {(attrs) => <input {...attrs} type="month" value={data.month} required />}
      </Field>
      <button type="submit">{t('interestShow')}</button>
      <p>
        <a href={link(-1)} rel="prev">
          ← {t('interestPrevious')} ({shownMonth(shiftMonth(data.month, -1))})
        </a>{' '}
        ·{' '}
        <a href={link(1)} rel="next">
          {t('interestNext')} ({shownMonth(shiftMonth(data.month, 1))}) →
        </a>
      </p>
    </form>
  );
}

function AmountCell({ ctx, data, item }: { ctx: PageContext; data: InterestPageData; item: InterestDueItem }) {
  const { t, lang } = ctx;
  const error = data.rowErrors[item.loanId];
  if (item.collected !== null) {
    return (
      <>
        {error ? <p class="field-error">{error}</p> : null}
        <span class="tag">{t('interestCollectedOn').replace('{amount}', formatMoney(item.collected, lang))}</span>
      </>
    );
  }
  if (!data.canCollect) return <span>–</span>;
  const name = amountField(item.loanId);
  const id = `f-amount-${item.loanId}`;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} class="visually-hidden">
        {t('interestAmountOf').replace('{name}', item.borrowerName)}
      </label>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        inputMode="numeric"
        value={data.amounts[item.loanId] ?? String(item.amount)}
        {...(error ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {})}
      />
    </div>
  );
}

export function InterestCollectionPage({ ctx, data }: { ctx: PageContext; data: InterestPageData }) {
  const { t, lang } = ctx;
  const path = `/groups/${encodeURIComponent(data.groupCode)}/interest-collections`;
  const open = data.items.filter((item) => item.collected === null);
  const rowMessages = Object.keys(data.rowErrors).length > 0 ? [t('interestRefusedBatch')] : [];
  const table = (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('interestOfMonth').replace('{month}', shownMonth(data.month))}</caption>
        <thead>
          <tr>
            <th scope="col">{t('interestBorrower')}</th>
            <th scope="col">{t('interestLoanCode')}</th>
            <th scope="col">{t('interestDueOn')}</th>
            <th scope="col" class="num">
              {t('interestDue')}
            </th>
            <th scope="col">{t('interestCollectedCol')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => (
            <tr key={item.loanId} class={data.rowErrors[item.loanId] ? 'has-error' : undefined}>
              <td>{item.borrowerName}</td>
              <td class="code">{item.code}</td>
              <td>{formatDate(item.dueOn)}</td>
              <td class="num">{formatMoney(item.amount, lang)}</td>
              <td>
                <AmountCell ctx={ctx} data={data} item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <Layout ctx={ctx} title={t('interestTitle')}>
      <CodeHeading title={t('interestTitle')} code={data.groupCode} notice={data.notice} />
      <p>{data.canCollect ? t('interestLead') : t('interestReadOnly')}</p>
      <MonthPicker ctx={ctx} data={data} path={path} />
      <h2 id="month-title">{t('interestOfMonth').replace('{month}', shownMonth(data.month))}</h2>
      {data.items.length === 0 ? (
        <p class="empty">{t('interestNone').replace('{month}', shownMonth(data.month))}</p>
      ) : data.canCollect && open.length > 0 ? (
        <>
          <ErrorSummary
            ctx={ctx}
            errors={data.receiptError ? { receiptNo: data.receiptError } : {}}
            general={[...data.general, ...rowMessages]}
          />
          <form method="post" action={path} aria-labelledby="month-title">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="month" value={data.month} />
            {table}
            <Field
              name="receiptNo"
              label={t('interestReceiptNo')}
              hint={t('interestReceiptHint')}
              errors={data.receiptError ? { receiptNo: data.receiptError } : {}}
            >
              {(attrs) => <input {...attrs} value={data.receiptNo} />}
            </Field>
            <button type="submit">{t('interestSubmit')}</button>
          </form>
        </>
      ) : (
        table
      )}
    </Layout>
  );
}
