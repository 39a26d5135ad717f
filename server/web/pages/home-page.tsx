import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';

/** Two doors: the applicant's status lookup and the officers' sign-in. */
export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('homeTitle')}>
      <h1>{t('homeTitle')}</h1>
      <p class="lead">{t('homeLead')}</p>
      <div class="doors">
        <a class="door" href="/status">
          <span class="door-title">{t('homeStatusDoor')}</span>
          <span class="door-hint">{t('homeStatusHint')}</span>
        </a>
        <a class="door" href="/login">
          <span class="door-title">{t('homeLoginDoor')}</span>
          <span class="door-hint">{t('homeLoginHint')}</span>
        </a>
      </div>
      <p>
        <a href="/apply">{t('homeApplyLink')}</a>
      </p>
    </Layout>
  );
}
