/** The wards: kind, transaction day and point, bank office, associations; and the form that adds one. */
import type { z } from 'zod';
import type { AdminWardView } from '../../domain/reference-admin.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { DataTable, Notice } from '../page-parts.js';
import { AssociationChoices, associationNames, WardFields } from './ward-fields.js';

export interface AdminWardsPageData {
  wards: z.infer<typeof AdminWardView>[];
  bankOffices: { code: string; name: string }[];
  values: Record<string, string>;
  associationCodes: string[];
  errors: FieldMessages;
  general?: string[];
  notice?: string | undefined;
}

export function AdminWardsPage({ ctx, data }: { ctx: PageContext; data: AdminWardsPageData }) {
  const { t } = ctx;
  const { values, errors } = data;
  return (
    <Layout ctx={ctx} title={t('wardsTitle')}>
      <h1>{t('wardsTitle')}</h1>
      <Notice text={data.notice} />
      <DataTable
        caption={t('wardsTitle')}
        rows={data.wards}
        rowKey={(ward) => ward.code}
        columns={[
          {
            header: t('colCode'),
            class: 'code',
            cell: (ward) => <a href={`/admin/wards/${encodeURIComponent(ward.code)}`}>{ward.code}</a>,
          },
          { header: t('colName'), cell: (ward) => `${ward.name}, ${ward.district}, ${ward.province}` },
          { header: t('colKind'), cell: (ward) => (ward.kind === 'phuong' ? t('kindPhuong') : t('kindXa')) },
          {
            header: t('colTransaction'),
            cell: (ward) =>
              `${t('dayOfMonth').replace('{day}', String(ward.transactionDay))}: ${ward.transactionPoint}`,
          },
          { header: t('scopeBankOffice'), cell: (ward) => ward.bankOfficeCode ?? '–' },
          { header: t('colAssociations'), cell: (ward) => associationNames(t, ward.associationCodes) },
          {
            header: t('colGroups'),
            cell: (ward) => (
              <a href={`/admin/wards/${encodeURIComponent(ward.code)}/groups`}>
                {t('colGroups')} <span class="visually-hidden">{ward.name}</span>
              </a>
            ),
          },
        ]}
      />
      <h2 id="new-ward">{t('newWardTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} general={data.general ?? []} />
      <form method="post" action="/admin/wards" class="narrow" aria-labelledby="new-ward">
        <CsrfField ctx={ctx} />
        <Field name="code" label={t('colCode')} hint={t('codeHint')} errors={errors}>
          {(attrs) => <input {...attrs} required value={values.code ?? ''} />}
        </Field>
        <WardFields ctx={ctx} values={values} errors={errors} bankOffices={data.bankOffices} />
        <AssociationChoices ctx={ctx} checked={data.associationCodes} error={errors.associationCodes} />
        <button type="submit">{t('createWard')}</button>
      </form>
    </Layout>
  );
}
