/** The wards: kind, transaction day and point, bank office, associations; and the form that adds one. */
import type { z } from 'zod';
import { ASSOCIATION_CODES, ASSOCIATION_LABELS } from '../../../workflows/domain.js';
import type { AdminWardView } from '../../domain/reference-admin.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';

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
  const text = (name: string, label: string, hint?: string) => (
    <Field name={name} label={label} errors={errors} {...(hint ? { hint } : {})}>
      {(attrs) => <input {...attrs} required value={values[name] ?? ''} />}
    </Field>
  );
  return (
    <Layout ctx={ctx} title={t('wardsTitle')}>
      <h1>{t('wardsTitle')}</h1>
      {data.notice ? (
        <p class="notice" role="status">
          {data.notice}
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('wardsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colCode')}</th>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colKind')}</th>
              <th scope="col">{t('colTransaction')}</th>
              <th scope="col">{t('scopeBankOffice')}</th>
              <th scope="col">{t('colAssociations')}</th>
              <th scope="col">{t('colGroups')}</th>
            </tr>
          </thead>
          <tbody>
            {data.wards.map((ward) => (
              <tr key={ward.code}>
                <td class="code">{ward.code}</td>
                <td>
                  {ward.name}, {ward.district}, {ward.province}
                </td>
                <td>{ward.kind === 'phuong' ? t('kindPhuong') : t('kindXa')}</td>
                <td>
                  {t('dayOfMonth').replace('{day}', String(ward.transactionDay))}: {ward.transactionPoint}
                </td>
                <td>{ward.bankOfficeCode ?? '–'}</td>
                <td>
                  {ward.associationCodes
                    .map((code) => (code in ASSOCIATION_LABELS ? t(ASSOCIATION_LABELS[code as 'FARMERS']) : code))
                    .join(', ')}
                </td>
                <td>
                  <a href={`/admin/wards/${encodeURIComponent(ward.code)}/groups`}>
                    {t('colGroups')} <span class="visually-hidden">{ward.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="new-ward">{t('newWardTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} general={data.general ?? []} />
      <form method="post" action="/admin/wards" class="narrow" aria-labelledby="new-ward">
        <CsrfField ctx={ctx} />
        {text('code', t('colCode'), t('codeHint'))}
        {text('name', t('wardName'))}
        <Field name="kind" label={t('wardKind')} errors={errors}>
          {(attrs) => (
            <select {...attrs}>
              <option value="phuong" selected={values.kind !== 'xa'}>
                {t('kindPhuong')}
              </option>
              <option value="xa" selected={values.kind === 'xa'}>
                {t('kindXa')}
              </option>
            </select>
          )}
        </Field>
        {text('district', t('district'))}
        {text('province', t('province'))}
        {text('transactionPoint', t('transactionPointField'))}
        <Field name="transactionDay" label={t('transactionDayField')} errors={errors}>
          {(attrs) => <input {...attrs} required inputMode="numeric" value={values.transactionDay ?? ''} />}
        </Field>
        <Field name="bankOfficeCode" label={t('scopeBankOffice')} errors={errors}>
          {(attrs) => (
            <select {...attrs}>
              <option value="">{t('noneChosen')}</option>
              {data.bankOffices.map((office) => (
                <option key={office.code} value={office.code} selected={values.bankOfficeCode === office.code}>
                  {office.name} ({office.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('colAssociations')}</legend>
          {ASSOCIATION_CODES.map((code) => (
            <label class="choice" for={`f-assoc-${code}`} key={code}>
              <input
                type="checkbox"
                id={`f-assoc-${code}`}
                name="associationCodes"
                value={code}
                checked={data.associationCodes.includes(code)}
              />
              {t(ASSOCIATION_LABELS[code])}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('createWard')}</button>
      </form>
    </Layout>
  );
}
