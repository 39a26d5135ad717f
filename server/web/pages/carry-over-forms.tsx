/**
 * The transaction day's two carry-over forms: one row "not disbursed today" with its reason, and the closing of
 * the day, which moves every row still waiting. Plain POST forms; a refusal comes back beside the reason.
 */
import type { TransactionDay, TransactionDayRow } from '../../domain/transaction-days/index.js';
import type { PageContext } from '../context.js';
import { Field } from '../form-parts.js';
import { CsrfField } from '../layout.js';
import type { CarryOverForm } from './transaction-day-page.js';

function DayFields({ ctx, day }: { ctx: PageContext; day: TransactionDay }) {
  return (
    <>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="ward" value={day.ward.code} />
      <input type="hidden" name="date" value={day.date} />
    </>
  );
}

export function CarryOverRowForm({
  ctx,
  day,
  row,
  sent,
}: {
  ctx: PageContext;
  day: TransactionDay;
  row: TransactionDayRow;
  sent: CarryOverForm | undefined;
}) {
  const { t } = ctx;
  return (
    <form method="post" action="/transaction-days/carry-overs" class="carry-over">
      <DayFields ctx={ctx} day={day} />
      <input type="hidden" name="applicationId" value={row.applicationId} />
      <Field
        name="reason"
        idPrefix={`carry-${row.code}-`}
        label={`${t('carryOverReasonLabel')} (${row.borrowerName})`}
        hint={t('carryOverReasonHint')}
        errors={sent?.errors ?? {}}
      >
        {(attrs) => <input {...attrs} value={sent?.reason ?? ''} autoComplete="off" maxLength={1000} />}
      </Field>
      <button type="submit" class="secondary" aria-label={`${t('carryOver')}: ${row.borrowerName}`}>
        {t('carryOver')}
      </button>
    </form>
  );
}

export function CloseDayForm({
  ctx,
  day,
  sent,
}: {
  ctx: PageContext;
  day: TransactionDay;
  sent: CarryOverForm | undefined;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="close-day-title">
      <h2 id="close-day-title">{t('closeDayTitle')}</h2>
      <p>{t('closeDayLead')}</p>
      <form method="post" action="/transaction-days/close" class="close-day">
        <DayFields ctx={ctx} day={day} />
        <Field name="reason" idPrefix="close-" label={t('closeDayReasonLabel')} errors={sent?.errors ?? {}}>
          {(attrs) => <textarea {...attrs} rows={2} maxLength={1000} value={sent?.reason ?? ''} />}
        </Field>
        <button type="submit">{t('closeDay')}</button>
      </form>
    </section>
  );
}
