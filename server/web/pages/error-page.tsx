import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';

/** A refusal or a missing page, in the visitor's language, with a way back; never a stack trace or JSON. */
export function ErrorPage({ ctx, title, messages }: { ctx: PageContext; title: string; messages: string[] }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {messages.map((message) => (
        <p class="lead" key={message}>
          {message}
        </p>
      ))}
      <p>
        <a href={ctx.officer ? '/inbox' : '/'}>{ctx.t('backHome')}</a>
      </p>
    </Layout>
  );
}
