/**
 * The transaction day for bank officers: choose a ward's transaction point and a day, see every loan scheduled
 * there, mark each one disbursed, and download the list (PDF, XLSX) and the posting list (PDF).
 */
import { TotalsFoot } from '../page-parts.js';
import { formatDate, formatMoney } from '../../domain/format.js';
import type { TransactionDay, TransactionDayRow, TransactionPoint } from '../../domain/transaction-days/index.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { CarryOverRowForm, CloseDayForm } from './carry-over-forms.js';

export interface TransactionDayPageData {
  points: TransactionPoint[];
  /** The choices as typed (the date as 17/12/2026). */
  values: { ward: string; date: string };
  errors: FieldMessages;
  day: TransactionDay | null;
  scheduled: { date: string; count: number }[];
  notice?: string | undefined;
  /** A refused row's messages, by application id, shown in that row. */
  rowErrors?: Record<string, string[]>;
  /** The carry-over form sent back with what was typed: one row's, or the closing of the day's. */
  carryOver?: CarryOverForm | undefined;
  closeDay?: CarryOverForm | undefined;
}

export interface CarryOverForm {
  applicationId?: string;
  reason: string;
  errors: FieldMessages;
}

const fill = (text: string, values: Record<string, string | number>): string =>
  Object.entries(values).reduce((out, [key, value]) => out.replace(`{${key}}`, String(value)), text);

function dayQuery(day: TransactionDay): string {
  return new URLSearchParams({ ward: day.ward.code, date: day.date }).toString();
}

function Row({
  ctx,
  day,
  row,
  index,
  errors,
  carryOver,
}: {
  ctx: PageContext;
  day: TransactionDay;
  row: TransactionDayRow;
  index: number;
  errors: string[];
  carryOver: CarryOverForm | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <tr id={`row-${row.code}`}>
      <td>{index + 1}</td>
      <td>{row.borrowerName}</td>
      <td>{row.groupName}</td>
      <td>
        <a class="code" href={`/applications/${encodeURIComponent(row.code)}`}>
          {row.code}
        </a>
      </td>
      <td class="number">{formatMoney(row.amount, lang)}</td>
      <td class="number">{row.termMonths}</td>
      <td>
        {row.disbursedOn ? (
          <strong class="done">{fill(t('disbursedOnDate'), { date: formatDate(row.disbursedOn) })}</strong>
        ) : (
          <form method="post" action="/transaction-days/disbursements">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="ward" value={day.ward.code} />
            <input type="hidden" name="date" value={day.date} />
            <input type="hidden" name="applicationId" value={row.applicationId} />
            <button type="submit" aria-label={`${t('markDisbursed')}: ${row.borrowerName}`}>
              {t('markDisbursed')}
            </button>
          </form>
        )}
        {row.disbursedOn ? null : <CarryOverRowForm ctx={ctx} day={day} row={row} sent={carryOver} />}
        {errors.map((message) => (
          <p key={message} class="field-error" role="alert">
            {message}
          </p>
        ))}
      </td>
    </tr>
  );
}

function DayList({
  ctx,
  day,
  rowErrors,
  carryOver,
}: {
  ctx: PageContext;
  day: TransactionDay;
  rowErrors: Record<string, string[]>;
  carryOver: CarryOverForm | undefined;
}) {
  const { t, lang } = ctx;
  const caption = fill(t('dayListCaption'), { date: formatDate(day.date), point: day.ward.transactionPoint });
  if (day.rows.length === 0) return <p class="empty">{t('dayListEmpty')}</p>;
  return (
    <>
      <div class="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colNo')}</th>
              <th scope="col">{t('colBorrower')}</th>
              <th scope="col">{t('colGroup')}</th>
              <th scope="col">{t('colApplication')}</th>
              <th scope="col">{t('colAmount')}</th>
              <th scope="col">{t('colTerm')}</th>
              <th scope="col">{t('colDisbursement')}</th>
            </tr>
          </thead>
          <tbody>
            {day.rows.map((row, index) => (
              <Row
                key={row.applicationId}
                ctx={ctx}
                day={day}
                row={row}
                index={index}
                errors={rowErrors[row.applicationId] ?? []}
                carryOver={carryOver?.applicationId === row.applicationId ? carryOver : undefined}
              />
            ))}
          </tbody>
          <TotalsFoot
            label={fill(t('dayTotal'), { count: day.totals.count })}
            amount={formatMoney(day.totals.amount, lang)}
            leading={4}
            trailing={2}
          />
        </table>
      </div>
      <p>
        {fill(t('dayProgress'), {
          done: day.totals.disbursedCount,
          count: day.totals.count,
          amount: formatMoney(day.totals.disbursedAmount, lang),
        })}
      </p>
    </>
  );
}

export function TransactionDayPage({ ctx, data }: { ctx: PageContext; data: TransactionDayPageData }) {
  const { t } = ctx;
  const day = data.day;
  return (
    <Layout ctx={ctx} title={t('transactionDayTitle')}>
      <h1>{t('transactionDayTitle')}</h1>
      <p class="lead">{t('transactionDayLead')}</p>
      <ErrorSummary ctx={ctx} errors={data.errors} />
      <form method="get" action="/transaction-days" class="filter">
        <Field name="ward" label={t('transactionPointLabel')} errors={data.errors}>
          {(attrs) => (
            <select {...attrs}>
              {data.points.map((point) => (
                <option key={point.code} value={point.code} selected={point.code === data.values.ward}>
                  {point.name} – {point.transactionPoint}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="date" label={t('transactionDateLabel')} hint={t('transactionDateHint')} errors={data.errors}>
          {(attrs) => <input {...attrs} value={data.values.date} inputMode="numeric" autoComplete="off" />}
        </Field>
        <button type="submit" class="secondary">
          {t('showList')}
        </button>
      </form>
      <h2>{t('scheduledDays')}</h2>
      {data.scheduled.length === 0 ? (
        <p class="empty">{t('noScheduledDays')}</p>
      ) : (
        <ul>
          {data.scheduled.map((item) => (
            <li key={item.date}>
              <a
                href={`/transaction-days?${new URLSearchParams({ ward: data.values.ward, date: item.date }).toString()}`}
              >
                {fill(t('scheduledDayLink'), { date: formatDate(item.date), count: item.count })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {data.notice ? (
        <p class="notice" role="status">
          {data.notice}
        </p>
      ) : null}
      {day ? (
        <>
          <h2>{fill(t('dayListCaption'), { date: formatDate(day.date), point: day.ward.name })}</h2>
          <DayList ctx={ctx} day={day} rowErrors={data.rowErrors ?? {}} carryOver={data.carryOver} />
          {day.rows.some((row) => row.disbursedOn === null) ? (
            <CloseDayForm ctx={ctx} day={day} sent={data.closeDay} />
          ) : null}
          <h2>{t('dayDownloads')}</h2>
          <ul>
            <li>
              <a href={`/transaction-days/list.pdf?${dayQuery(day)}`} download>
                {t('dayListPdf')}
              </a>
            </li>
            <li>
              <a href={`/transaction-days/list.xlsx?${dayQuery(day)}`} download>
                {t('dayListXlsx')}
              </a>
            </li>
            <li>
              <a href={`/transaction-days/posting-list.pdf?${dayQuery(day)}`} download>
                {t('postingListPdf')}
              </a>
            </li>
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
