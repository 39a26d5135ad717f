import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';

/** The confirmation: the application code and how to check the status. */
export function ApplyDonePage({ ctx, code }: { ctx: PageContext; code: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('submittedTitle')}>
      <div class="confirmation" role="status">
        <h1>{t('submittedTitle')}</h1>
        <p>{t('submittedLead')}</p>
        <p class="big-code">{code}</p>
      </div>
      <p>{t('submittedHowTo')}</p>
      <p>
        <a class="button" href={`/status?code=${encodeURIComponent(code)}`}>
          {t('checkNow')}
        </a>
      </p>
    </Layout>
  );
}
