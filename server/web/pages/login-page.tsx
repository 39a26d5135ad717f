import type { PageContext } from '../context.js';
import { CsrfField, Layout } from '../layout.js';
import { Notice } from '../page-parts.js';

export interface LoginPageData {
  username: string;
  next: string;
  /** Why the visitor is here again: a refusal, or the end of their session. */
  message?: string | undefined;
  notice?: string | undefined;
}

export function LoginPage({ ctx, data }: { ctx: PageContext; data: LoginPageData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('loginTitle')}>
      <h1>{t('loginTitle')}</h1>
      <Notice text={data.notice} />
      {data.message ? (
        <div class="error-summary" role="alert">
          <p>{data.message}</p>
        </div>
      ) : null}
      <form method="post" action="/login" class="narrow">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={data.next} />
        <div class="field">
          <label for="username">{t('username')}</label>
          <input id="username" name="username" autocomplete="username" required value={data.username} />
        </div>
        <div class="field">
          <label for="password">{t('password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit">{t('loginButton')}</button>
      </form>
    </Layout>
  );
}
