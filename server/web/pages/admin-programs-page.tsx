/** The loan programmes with their current version, and the form that adds a programme. */
import type { ProgramSnapshot } from '../../../workflows/definitions.js';
import { formatPercent } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { ProgrammeFields, type ProgrammeFormData } from './programme-fields.js';
import { categoriesText, ceilingText, stepOrderText } from './programme-summary.js';

export interface AdminProgramsPageData {
  programs: ProgramSnapshot[];
  form: ProgrammeFormData;
  notice?: string | undefined;
}

export function AdminProgramsPage({ ctx, data }: { ctx: PageContext; data: AdminProgramsPageData }) {
  const { t, lang } = ctx;
  const { form } = data;
  return (
    <Layout ctx={ctx} title={t('programsTitle')}>
      <h1>{t('programsTitle')}</h1>
      <p class="lead">{t('programsLead')}</p>
      {data.notice ? (
        <p class="notice" role="status">
          {data.notice}
        </p>
      ) : null}
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('programsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colCode')}</th>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colVersion')}</th>
              <th scope="col">{t('colCeiling')}</th>
              <th scope="col">{t('colRate')}</th>
              <th scope="col">{t('colMaxTerm')}</th>
              <th scope="col">{t('colStepOrder')}</th>
              <th scope="col">{t('colCategories')}</th>
            </tr>
          </thead>
          <tbody>
            {data.programs.map((program) => (
              <tr key={program.code}>
                <td class="code">
                  <a href={`/admin/programs/${encodeURIComponent(program.code)}`}>{program.code}</a>
                </td>
                <td>{lang === 'vi' ? program.nameVi : program.nameEn}</td>
                <td>{program.version}</td>
                <td>{ceilingText(ctx, program)}</td>
                <td>{formatPercent(program.annualRatePercent, lang)}</td>
                <td>
                  {program.maxTermMonths} {t('months')}
                </td>
                <td>{stepOrderText(ctx, program)}</td>
                <td>{categoriesText(ctx, program)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="new-program">{t('newProgramTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={form.errors} general={form.general} />
      <form method="post" action="/admin/programs" class="narrow" aria-labelledby="new-program">
        <CsrfField ctx={ctx} />
        <Field name="code" label={t('programCode')} hint={t('programCodeHint')} errors={form.errors}>
          {(attrs) => <input {...attrs} value={form.values.code ?? ''} />}
        </Field>
        <ProgrammeFields ctx={ctx} form={form} prefix="" />
        <button type="submit">{t('createProgramButton')}</button>
      </form>
    </Layout>
  );
}
