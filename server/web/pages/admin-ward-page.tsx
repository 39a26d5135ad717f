/** One ward: its details (name, kind, transaction day and point, bank office) and its associations. */
import type { z } from 'zod';
import type { AdminWardView } from '../../domain/reference-admin.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { CodeHeading } from '../page-parts.js';
import { AssociationChoices, WardFields } from './ward-fields.js';

/** Which of the page's two forms a refusal belongs to. */
export type WardForm = 'ward' | 'associations';

export interface AdminWardPageData {
  ward: z.infer<typeof AdminWardView>;
  bankOffices: { code: string; name: string }[];
  values: Record<string, string>;
  associationCodes: string[];
  refused?: { form: WardForm; errors: FieldMessages; general: string[] } | undefined;
  notice?: string | undefined;
}

const NONE = { errors: {} as FieldMessages, general: [] as string[] };

export function AdminWardPage({ ctx, data }: { ctx: PageContext; data: AdminWardPageData }) {
  const { t } = ctx;
  const { ward } = data;
  const base = `/admin/wards/${encodeURIComponent(ward.code)}`;
  const refusal = (form: WardForm) => (data.refused?.form === form ? data.refused : NONE);
  const fields = refusal('ward');
  const associations = refusal('associations');
  return (
    <Layout ctx={ctx} title={`${t('wardTitle')} ${ward.name}`}>
      <p>
        <a href="/admin/wards">{t('backToWards')}</a>
      </p>
      <CodeHeading title={ward.name} code={ward.code} notice={data.notice} />
      <p>
        <a href={`${base}/groups`}>{t('wardGroupsLink')}</a>
      </p>

      <h2 id="ward-fields">{t('wardFieldsTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={fields.errors} general={fields.general} />
      <form method="post" action={base} class="narrow" aria-labelledby="ward-fields">
        <CsrfField ctx={ctx} />
        <WardFields ctx={ctx} values={data.values} errors={fields.errors} bankOffices={data.bankOffices} />
        <button type="submit">{t('saveWard')}</button>
      </form>

      <h2 id="ward-associations">{t('wardAssociationsTitle')}</h2>
      <p class="hint">{t('wardAssociationsHint')}</p>
      <ErrorSummary ctx={ctx} errors={associations.errors} general={associations.general} />
      <form method="post" action={`${base}/associations`} class="narrow" aria-labelledby="ward-associations">
        <CsrfField ctx={ctx} />
        <AssociationChoices ctx={ctx} checked={data.associationCodes} error={associations.errors.associationCodes} />
        <button type="submit">{t('saveAssociations')}</button>
      </form>
    </Layout>
  );
}
