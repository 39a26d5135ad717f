/** The officers: every account with its role, scope and state, and the form that creates one. */
import type { Role } from '../../../workflows/domain.js';
import type { OfficerView } from '../../domain/officers.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { ROLE_LABEL_KEYS } from '../labels-admin.js';
import { CsrfField, Layout } from '../layout.js';
import { DataTable, Notice } from '../page-parts.js';
import { RoleAndScopeFields, scopeText, type ScopeChoices } from './officer-fields.js';
import type { z } from 'zod';

export interface AdminOfficersPageData {
  officers: z.infer<typeof OfficerView>[];
  choices: ScopeChoices;
  values: Record<string, string>;
  errors: FieldMessages;
  general?: string[];
  notice?: string | undefined;
}

export function AdminOfficersPage({ ctx, data }: { ctx: PageContext; data: AdminOfficersPageData }) {
  const { t } = ctx;
  const { values, errors } = data;
  return (
    <Layout ctx={ctx} title={t('officersTitle')}>
      <h1>{t('officersTitle')}</h1>
      <Notice text={data.notice} />
      <DataTable
        caption={t('officersTitle')}
        rows={data.officers}
        rowKey={(officer) => officer.username}
        columns={[
          {
            header: t('colUsername'),
            class: 'code',
            cell: (officer) => (
              <a href={`/admin/officers/${encodeURIComponent(officer.username)}`}>{officer.username}</a>
            ),
          },
          { header: t('colDisplayName'), cell: (officer) => officer.displayName },
          { header: t('colRole'), cell: (officer) => t(ROLE_LABEL_KEYS[officer.role as Role]) },
          { header: t('colScope'), cell: (officer) => scopeText(officer) },
          {
            header: t('colAccount'),
            cell: (officer) => (officer.disabled ? t('accountDisabled') : t('accountEnabled')),
          },
        ]}
      />
      <h2 id="new-officer">{t('newOfficerTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} general={data.general ?? []} />
      <form method="post" action="/admin/officers" class="narrow" aria-labelledby="new-officer">
        <CsrfField ctx={ctx} />
        <Field name="username" label={t('username')} errors={errors}>
          {(attrs) => <input {...attrs} required autocomplete="off" value={values.username ?? ''} />}
        </Field>
        <Field name="displayName" label={t('displayName')} errors={errors}>
          {(attrs) => <input {...attrs} required value={values.displayName ?? ''} />}
        </Field>
        <Field name="email" label={`${t('officerEmail')} (${t('optional')})`} errors={errors}>
          {(attrs) => <input {...attrs} type="email" value={values.email ?? ''} />}
        </Field>
        <RoleAndScopeFields ctx={ctx} values={values} errors={errors} choices={data.choices} />
        <Field name="password" label={t('initialPassword')} hint={t('passwordHint')} errors={errors}>
          {(attrs) => <input {...attrs} type="password" required autocomplete="new-password" />}
        </Field>
        <button type="submit">{t('createOfficer')}</button>
      </form>
    </Layout>
  );
}
