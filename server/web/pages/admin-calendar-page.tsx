/** A year's holiday calendar, read-only: the holidays and the Saturdays worked in their place. */
import { formatDate } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';

export interface AdminCalendarPageData {
  year: number;
  days: { date: string; working: boolean; nameVi: string; nameEn: string }[];
}

export function AdminCalendarPage({ ctx, data }: { ctx: PageContext; data: AdminCalendarPageData }) {
  const { t, lang } = ctx;
  const title = t('calendarTitle').replace('{year}', String(data.year));
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
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
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colDate')}</th>
                <th scope="col">{t('colDayKind')}</th>
                <th scope="col">{t('colName')}</th>
              </tr>
            </thead>
            <tbody>
              {data.days.map((day) => (
                <tr key={day.date}>
                  <td>{formatDate(day.date)}</td>
                  <td>{day.working ? t('dayWorking') : t('dayHoliday')}</td>
                  <td>{lang === 'vi' ? day.nameVi : day.nameEn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
