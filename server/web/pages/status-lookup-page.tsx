import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';

export interface StatusLookupData {
  code: string;
  errors: FieldMessages;
  general: string[];
}

/** Code + last 4 digits of the citizen ID; `/status?code=...` (the mails' link) fills in the code. */
export function StatusLookupPage({ ctx, data }: { ctx: PageContext; data: StatusLookupData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('statusTitle')}>
      <h1>{t('statusTitle')}</h1>
      <p class="lead">{t('statusLead')}</p>
      <ErrorSummary ctx={ctx} errors={data.errors} general={data.general} />
      <form method="post" action="/status" class="narrow">
        <CsrfField ctx={ctx} />
        <Field name="code" label={t('applicationCode')} hint={t('applicationCodeHint')} errors={data.errors}>
          {(attrs) => <input {...attrs} value={data.code} required autocomplete="off" spellcheck={false} />}
        </Field>
        <Field name="citizenIdLast4" label={t('citizenIdLast4')} errors={data.errors}>
          {(attrs) => (
            <input
              {...attrs}
              class="short"
              inputMode="numeric"
              pattern="[0-9]{4}"
              maxLength={4}
              required
              autocomplete="off"
            />
          )}
        </Field>
        <button type="submit">{t('lookUp')}</button>
      </form>
    </Layout>
  );
}
