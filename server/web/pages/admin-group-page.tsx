/** One savings group: its name and village, and which current member leads it. */
import { ASSOCIATION_LABELS, type AssociationCode } from '../../../workflows/domain.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { CodeHeading, Facts } from '../page-parts.js';
import type { GroupWithMembers } from './admin-groups-page.js';

/** Which of the page's two forms a refusal belongs to. */
export type GroupForm = 'group' | 'leader';

export interface AdminGroupPageData {
  group: GroupWithMembers & { wardCode: string };
  ward: { code: string; name: string };
  values: Record<string, string>;
  refused?: { form: GroupForm; errors: FieldMessages; general: string[] } | undefined;
  notice?: string | undefined;
}

const NONE = { errors: {} as FieldMessages, general: [] as string[] };

export function AdminGroupPage({ ctx, data }: { ctx: PageContext; data: AdminGroupPageData }) {
  const { t } = ctx;
  const { group, values } = data;
  const base = `/admin/groups/${encodeURIComponent(group.code)}`;
  const refusal = (form: GroupForm) => (data.refused?.form === form ? data.refused : NONE);
  const fields = refusal('group');
  const leader = refusal('leader');
  const current = group.members.filter((member) => !member.leftOn);
  const association =
    group.associationCode in ASSOCIATION_LABELS
      ? t(ASSOCIATION_LABELS[group.associationCode as AssociationCode])
      : group.associationCode;
  return (
    <Layout ctx={ctx} title={`${t('groupTitle')} ${group.name}`}>
      <p>
        <a href={`/admin/wards/${encodeURIComponent(data.ward.code)}/groups`}>{t('backToGroups')}</a>
      </p>
      <CodeHeading title={group.name} code={group.code} notice={data.notice} />
      <Facts
        facts={[
          [t('scopeWard'), `${data.ward.name} (${data.ward.code})`],
          [t('scopeAssociation'), association],
          [t('groupLeader'), current.find((member) => member.role === 'LEADER')?.fullName ?? t('noLeader')],
        ]}
      />

      <h2 id="group-fields">{t('groupFieldsTitle')}</h2>
      <p class="hint">{t('groupFixedHint')}</p>
      <ErrorSummary ctx={ctx} errors={fields.errors} general={fields.general} />
      <form method="post" action={base} class="narrow" aria-labelledby="group-fields">
        <CsrfField ctx={ctx} />
        <Field name="name" label={t('groupName')} errors={fields.errors}>
          {(attrs) => <input {...attrs} required value={values.name ?? ''} />}
        </Field>
        <Field name="village" label={t('village')} errors={fields.errors}>
          {(attrs) => <input {...attrs} required value={values.village ?? ''} />}
        </Field>
        <button type="submit">{t('saveGroup')}</button>
      </form>

      <h2 id="group-leader">{t('groupLeaderTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={leader.errors} general={leader.general} />
      <form method="post" action={`${base}/leader`} class="narrow" aria-labelledby="group-leader">
        <CsrfField ctx={ctx} />
        <Field name="memberId" label={t('groupLeader')} hint={t('groupLeaderHint')} errors={leader.errors}>
          {(attrs) => (
            <select {...attrs}>
              <option value="">{t('noneChosen')}</option>
              {current.map((member) => (
                <option key={member.id} value={member.id} selected={values.memberId === member.id}>
                  {member.fullName} ({member.citizenId})
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t('saveLeader')}</button>
      </form>
    </Layout>
  );
}
