/** Who read whose file: the access log, newest first, filtered by application code and officer. */
import type { AccessLogPage } from '../../domain/access-log.js';
import { formatDateTime } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';

export interface AdminAccessLogPageData {
  log: AccessLogPage;
  filters: { application: string; officer: string };
}

export function AdminAccessLogPage({ ctx, data }: { ctx: PageContext; data: AdminAccessLogPageData }) {
  const { t } = ctx;
  const { log, filters } = data;
  return (
    <Layout ctx={ctx} title={t('accessLogTitle')}>
      <h1>{t('accessLogTitle')}</h1>
      <form method="get" action="/admin/access-log" class="filter">
        <label for="application">{t('accessLogApplication')}</label>
        <input id="application" name="application" value={filters.application} />
        <label for="officer">{t('accessLogOfficer')}</label>
        <input id="officer" name="officer" value={filters.officer} />
        <button type="submit" class="secondary">
          {t('accessLogShow')}
        </button>
      </form>
      <p>{t('accessLogTotal').replace('{total}', String(log.total))}</p>
      {log.items.length === 0 ? (
        <p class="empty">{t('accessLogEmpty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('accessLogTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colAccessAt')}</th>
                <th scope="col">{t('colAccessOfficer')}</th>
                <th scope="col">{t('colAccessView')}</th>
                <th scope="col">{t('colAccessTarget')}</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>{entry.officer}</td>
                  <td>{t(`accessView_${entry.view}`)}</td>
                  <td>{[entry.applicationCode, entry.wardCode].filter(Boolean).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
