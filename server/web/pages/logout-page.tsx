import type { PageContext } from '../context.js';
import { CsrfField, Layout } from '../layout.js';

/** GET /logout asks; the POST (with the CSRF token) ends the session. */
export function LogoutPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('logoutTitle')}>
      <h1>{t('logoutTitle')}</h1>
      <p>{t('logoutQuestion')}</p>
      <form method="post" action="/logout">
        <CsrfField ctx={ctx} />
        <button type="submit">{t('navLogout')}</button>
      </form>
    </Layout>
  );
}
