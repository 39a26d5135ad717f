/**
 * A year's holiday calendar: the holidays and the Saturdays worked in their place, and the form that loads the
 * year anew (one day per line, starting from what the year holds).
 */
import { formatDate } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { DataTable, Notice } from '../page-parts.js';

export interface AdminCalendarPageData {
  year: number;
  days: { date: string; working: boolean; nameVi: string; nameEn: string }[];
  /** The load form's text as typed (or as the year holds it), by field: year, holidays, workingDays. */
  values: Record<string, string>;
  errors: FieldMessages;
  general?: string[];
  notice?: string | undefined;
}

export function AdminCalendarPage({ ctx, data }: { ctx: PageContext; data: AdminCalendarPageData }) {
  const { t, lang } = ctx;
  const { values, errors } = data;
  const title = t('calendarTitle').replace('{year}', String(data.year));
  const lines = (name: 'holidays' | 'workingDays', label: string) => (
    <Field name={name} label={label} hint={t('calendarLinesHint')} errors={errors}>
      {(attrs) => (
        <textarea
          {...attrs}
          rows={Math.max(6, (values[name] ?? '').split('\n').length + 1)}
          spellcheck={false}
          value={values[name] ?? ''}
        />
      )}
    </Field>
  );
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Notice text={data.notice} />
      <form method="get" action="/admin/calendar" class="filter">
        <label for="year">{t('calendarYear')}</label>
        <input id="year" name="year" inputMode="numeric" value={String(data.year)} />
        <button type="submit" class="secondary">
          {t('showYear')}
        </button>
      </form>
      {data.days.length === 0 ? (
        <p class="empty">{t('calendarEmpty')}</p>
      ) : (
        <DataTable
          caption={title}
          rows={data.days}
          rowKey={(day) => day.date}
          columns={[
            { header: t('colDate'), cell: (day) => formatDate(day.date) },
            { header: t('colDayKind'), cell: (day) => (day.working ? t('dayWorking') : t('dayHoliday')) },
            { header: t('colName'), cell: (day) => (lang === 'vi' ? day.nameVi : day.nameEn) },
          ]}
        />
      )}
      <h2 id="load-year">{t('calendarLoadTitle')}</h2>
      <p>{t('calendarLoadLead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} general={data.general ?? []} />
      <form method="post" action="/admin/calendar" aria-labelledby="load-year">
        <CsrfField ctx={ctx} />
        <Field name="year" label={t('calendarLoadYear')} errors={errors}>
          {(attrs) => <input {...attrs} required inputMode="numeric" class="short" value={values.year ?? ''} />}
        </Field>
        {lines('holidays', t('calendarHolidays'))}
        {lines('workingDays', t('calendarWorkingDays'))}
        <button type="submit">{t('loadCalendar')}</button>
      </form>
    </Layout>
  );
}
