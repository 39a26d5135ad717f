/** One officer account: change its role and scope, disable or enable it, reset its password. */
import type { z } from 'zod';
import type { Role } from '../../../workflows/domain.js';
import type { OfficerView } from '../../domain/officers.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { ROLE_LABEL_KEYS } from '../labels-admin.js';
import { CsrfField, Layout } from '../layout.js';
import { CodeHeading, Facts } from '../page-parts.js';
import { RoleAndScopeFields, scopeText, type ScopeChoices } from './officer-fields.js';

/** Which of the page's three forms a refusal belongs to. */
export type OfficerForm = 'role' | 'state' | 'password';

export interface AdminOfficerPageData {
  officer: z.infer<typeof OfficerView>;
  choices: ScopeChoices;
  values: Record<string, string>;
  refused?: { form: OfficerForm; errors: FieldMessages; general: string[] } | undefined;
  notice?: string | undefined;
}

export function AdminOfficerPage({ ctx, data }: { ctx: PageContext; data: AdminOfficerPageData }) {
  const { t } = ctx;
  const { officer } = data;
  const base = `/admin/officers/${encodeURIComponent(officer.username)}`;
  const refusal = (form: OfficerForm) =>
    data.refused?.form === form ? data.refused : { errors: {} as FieldMessages, general: [] as string[] };
  const role = refusal('role');
  const state = refusal('state');
  const password = refusal('password');
  return (
    <Layout ctx={ctx} title={`${t('officerTitle')} ${officer.username}`}>
      <p>
        <a href="/admin/officers">{t('backToOfficers')}</a>
      </p>
      <CodeHeading title={t('officerTitle')} code={officer.username} notice={data.notice} />
      <Facts
        facts={[
          [t('colDisplayName'), officer.displayName],
          [t('colRole'), t(ROLE_LABEL_KEYS[officer.role as Role])],
          [t('colScope'), scopeText(officer) || '–'],
          [t('colAccount'), officer.disabled ? t('accountDisabled') : t('accountEnabled')],
        ]}
      />

      <h2 id="role-title">{t('roleAndScopeTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={role.errors} general={role.general} />
      <form method="post" action={base} class="narrow" aria-labelledby="role-title">
        <CsrfField ctx={ctx} />
        <RoleAndScopeFields ctx={ctx} values={data.values} errors={role.errors} choices={data.choices} />
        <button type="submit">{t('saveRoleAndScope')}</button>
      </form>

      <h2 id="state-title">{t('accountStateTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} general={state.general} idPrefix="s-" />
      <form method="post" action={`${base}/${officer.disabled ? 'enable' : 'disable'}`} aria-labelledby="state-title">
        <CsrfField ctx={ctx} />
        <button type="submit" class="secondary">
          {officer.disabled ? t('enableAccount') : t('disableAccount')}
        </button>
      </form>

      <h2 id="password-title">{t('resetPasswordTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={password.errors} general={password.general} idPrefix="p-" />
      <form method="post" action={`${base}/reset-password`} class="narrow" aria-labelledby="password-title">
        <CsrfField ctx={ctx} />
        <Field name="password" idPrefix="p-" label={t('newPassword')} hint={t('passwordHint')} errors={password.errors}>
          {(attrs) => <input {...attrs} type="password" required autocomplete="new-password" />}
        </Field>
        <button type="submit">{t('resetPassword')}</button>
      </form>
    </Layout>
  );
}
