/** One loan programme: every version (what changed, from when) and the form that publishes the next one. */
import type { ProgrammeVersion } from '../../domain/programme-history.js';
import { formatDateTime } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ErrorSummary } from '../form-parts.js';
import type { LabelKey } from '../labels.js';
import { CsrfField, Layout } from '../layout.js';
import { ProgrammeFields, type ProgrammeFormData } from './programme-fields.js';
import { ProgrammeFacts } from './programme-summary.js';

export interface AdminProgramPageData {
  versions: ProgrammeVersion[];
  form: ProgrammeFormData;
  notice?: string | undefined;
}

/** The label of each setting, for "what changed". */
const SETTING_LABELS: Record<ProgrammeVersion['changed'][number], LabelKey> = {
  nameVi: 'programNameVi',
  nameEn: 'programNameEn',
  ceilingVnd: 'colCeiling',
  ceilingPerMonthVnd: 'ceilingPerMonthField',
  annualRatePercent: 'colRate',
  maxTermMonths: 'colMaxTerm',
  stepOrder: 'colStepOrder',
  eligibleCategories: 'colCategories',
  voteRules: 'colVote',
  deadlines: 'colDeadlines',
  graceWorkingDays: 'graceField',
  checkOverdueDebt: 'checkDebtField',
};

export function AdminProgramPage({ ctx, data }: { ctx: PageContext; data: AdminProgramPageData }) {
  const { t, lang } = ctx;
  const current = data.versions.at(-1)!.program;
  const title = `${t('programme')} ${current.code}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>
        {title}: {lang === 'vi' ? current.nameVi : current.nameEn}
      </h1>
      {data.notice ? (
        <p class="notice" role="status">
          {data.notice}
        </p>
      ) : null}
      <h2>{t('versionsTitle')}</h2>
      <ol class="versions" reversed>
        {[...data.versions].reverse().map((entry) => (
          <li key={entry.program.version} class="panel">
            <h3>
              {t('colVersion')} {entry.program.version}
              {entry === data.versions.at(-1) ? <span class="tag">{t('currentVersion')}</span> : null}
            </h3>
            <p>
              <strong>{t('colPublished')}:</strong> {formatDateTime(entry.publishedAt)}.{' '}
              <strong>{t('colChanged')}:</strong>{' '}
              {entry.program.version === 1
                ? t('firstVersion')
                : entry.changed.map((key) => t(SETTING_LABELS[key])).join(', ') || '–'}
            </p>
            <ProgrammeFacts ctx={ctx} program={entry.program} />
          </li>
        ))}
      </ol>
      <h2 id="publish">{t('publishTitle')}</h2>
      <p class="hint">{t('publishHint')}</p>
      <ErrorSummary ctx={ctx} errors={data.form.errors} general={data.form.general} />
      <form
        method="post"
        action={`/admin/programs/${encodeURIComponent(current.code)}`}
        class="narrow"
        aria-labelledby="publish"
      >
        <CsrfField ctx={ctx} />
        <ProgrammeFields ctx={ctx} form={data.form} prefix="" />
        <button type="submit">{t('publishButton')}</button>
      </form>
    </Layout>
  );
}
