/** The administrator's home: one link per section of the administration. */
import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';

export function AdminPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('adminTitle')}>
      <h1>{t('adminTitle')}</h1>
      <p class="lead">{t('adminLead')}</p>
      <div class="doors">
        <a class="door" href="/admin/officers">
          <span class="door-title">{t('adminOfficersLink')}</span>
          <span class="door-hint">{t('adminOfficersHint')}</span>
        </a>
        <a class="door" href="/admin/wards">
          <span class="door-title">{t('adminWardsLink')}</span>
          <span class="door-hint">{t('adminWardsHint')}</span>
        </a>
        <a class="door" href="/admin/programs">
          <span class="door-title">{t('adminProgramsLink')}</span>
          <span class="door-hint">{t('adminProgramsHint')}</span>
        </a>
        <a class="door" href="/admin/calendar">
          <span class="door-title">{t('adminCalendarLink')}</span>
          <span class="door-hint">{t('adminCalendarHint')}</span>
        </a>
        <a class="door" href="/admin/access-log">
          <span class="door-title">{t('adminAccessLogLink')}</span>
          <span class="door-hint">{t('adminAccessLogHint')}</span>
        </a>
      </div>
    </Layout>
  );
}
