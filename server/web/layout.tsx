/**
 * Every page's frame: header with the product name, navigation for the visitor's role, language switch, the
 * main landmark and the footer. A page passes its title and its content.
 */
import type { ComponentChildren } from 'preact';
import { CSRF_FIELD, type PageContext } from './context.js';
import { navigationFor } from './navigation.js';

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={ctx.csrf} />;
}

function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const other = ctx.lang === 'vi' ? 'en' : 'vi';
  return (
    <a class="lang-switch" href={`/lang/${other}?next=${encodeURIComponent(ctx.path)}`} hrefLang={other} lang={other}>
      {ctx.t('switchToOther')}
    </a>
  );
}

function Header({ ctx }: { ctx: PageContext }) {
  const { t, officer } = ctx;
  return (
    <header class="site-header">
      <div class="bar">
        <a class="product" href={officer ? '/inbox' : '/'}>
          <span class="owner">{t('productOwner')}</span>
          <span class="name">{t('product')}</span>
        </a>
        <LanguageSwitch ctx={ctx} />
      </div>
      <nav aria-label={t('mainNav')}>
        <ul>
          {navigationFor(officer).map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={ctx.path.split('?')[0] === item.href ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
          {officer ? (
            <li class="session">
              <span>
                {t('signedInAs')} <strong>{officer.displayName}</strong>
              </span>
              <form method="post" action="/logout">
                <CsrfField ctx={ctx} />
                <button type="submit" class="link-button">
                  {t('navLogout')}
                </button>
              </form>
            </li>
          ) : (
            <li>
              <a href="/login">{t('navLogin')}</a>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}

export function Layout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false}' />
        <title>{`${title} – ${ctx.t('product')}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/vendor/htmx.min.js" defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {ctx.t('skipToContent')}
        </a>
        <Header ctx={ctx} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{ctx.t('footer')}</p>
        </footer>
      </body>
    </html>
  );
}
