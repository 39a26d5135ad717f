/** One ward's savings groups, each with its members: add a member, mark one as left; and the form that adds a group. */
import type { z } from 'zod';
import { ASSOCIATION_CODES, ASSOCIATION_LABELS } from '../../../workflows/domain.js';
import { formatDate } from '../../domain/format.js';
import type { MemberView } from '../../domain/groups-admin.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { DataTable, Notice } from '../page-parts.js';

export interface GroupWithMembers {
  code: string;
  name: string;
  village: string;
  associationCode: string;
  members: z.infer<typeof MemberView>[];
}

export interface AdminGroupsPageData {
  ward: { code: string; name: string };
  groups: GroupWithMembers[];
  /** The form a refusal belongs to: `group`, or `member:<group code>`. */
  refused?: { form: string; values: Record<string, string>; errors: FieldMessages; general: string[] } | undefined;
  notice?: string | undefined;
}

const NONE = { values: {} as Record<string, string>, errors: {} as FieldMessages, general: [] as string[] };

function MemberForm({ ctx, group, data }: { ctx: PageContext; group: GroupWithMembers; data: AdminGroupsPageData }) {
  const { t } = ctx;
  const form = `member:${group.code}`;
  const { values, errors, general } = data.refused?.form === form ? data.refused : NONE;
  const prefix = `m-${group.code}-`;
  const title = `add-${group.code}`;
  return (
    <>
      <h3 id={title}>{t('addMemberTitle').replace('{group}', group.name)}</h3>
      <ErrorSummary ctx={ctx} errors={errors} general={general} idPrefix={prefix} />
      <form
        method="post"
        action={`/admin/groups/${encodeURIComponent(group.code)}/members`}
        class="narrow"
        aria-labelledby={title}
      >
        <CsrfField ctx={ctx} />
        <Field name="fullName" idPrefix={prefix} label={t('memberName')} errors={errors}>
          {(attrs) => <input {...attrs} required value={values.fullName ?? ''} />}
        </Field>
        <Field name="citizenId" idPrefix={prefix} label={t('memberCitizenId')} errors={errors}>
          {(attrs) => <input {...attrs} required inputMode="numeric" value={values.citizenId ?? ''} />}
        </Field>
        <button type="submit">{t('addMember')}</button>
      </form>
    </>
  );
}

export function AdminGroupsPage({ ctx, data }: { ctx: PageContext; data: AdminGroupsPageData }) {
  const { t } = ctx;
  const title = t('groupsTitle').replace('{ward}', data.ward.name);
  const group = data.refused?.form === 'group' ? data.refused : NONE;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/admin/wards">{t('backToWards')}</a>
      </p>
      <h1>{title}</h1>
      <Notice text={data.notice} />
      {data.groups.length === 0 ? <p class="empty">{t('noGroups')}</p> : null}
      {data.groups.map((g) => (
        <section key={g.code} aria-labelledby={`g-${g.code}`}>
          <h2 id={`g-${g.code}`}>
            {g.name} <span class="code">{g.code}</span>
          </h2>
          <p>
            {g.village} ·{' '}
            {g.associationCode in ASSOCIATION_LABELS
              ? t(ASSOCIATION_LABELS[g.associationCode as 'FARMERS'])
              : g.associationCode}
          </p>
          <p>
            <a href={`/admin/groups/${encodeURIComponent(g.code)}`}>
              {t('editGroup')} <span class="visually-hidden">{g.name}</span>
            </a>
          </p>
          {g.members.length === 0 ? (
            <p class="empty">{t('noMembers')}</p>
          ) : (
            <DataTable
              caption={g.name}
              rows={g.members}
              rowKey={(member) => member.id}
              columns={[
                { header: t('colMember'), cell: (member) => member.fullName },
                { header: t('colCitizenId'), class: 'code', cell: (member) => member.citizenId },
                { header: t('colJoinedOn'), cell: (member) => formatDate(member.joinedOn) },
                {
                  header: t('colLeftOn'),
                  cell: (member) =>
                    member.leftOn ? (
                      formatDate(member.leftOn)
                    ) : (
                      <form
                        method="post"
                        action={`/admin/groups/${encodeURIComponent(g.code)}/members/${member.id}/left`}
                      >
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="secondary" aria-label={`${t('markLeft')}: ${member.fullName}`}>
                          {t('markLeft')}
                        </button>
                      </form>
                    ),
                },
              ]}
            />
          )}
          <MemberForm ctx={ctx} group={g} data={data} />
        </section>
      ))}
      <h2 id="new-group">{t('newGroupTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={group.errors} general={group.general} />
      <form
        method="post"
        action={`/admin/wards/${encodeURIComponent(data.ward.code)}/groups`}
        class="narrow"
        aria-labelledby="new-group"
      >
        <CsrfField ctx={ctx} />
        <Field name="code" label={t('colCode')} hint={t('codeHint')} errors={group.errors}>
          {(attrs) => <input {...attrs} required value={group.values.code ?? ''} />}
        </Field>
        <Field name="name" label={t('groupName')} errors={group.errors}>
          {(attrs) => <input {...attrs} required value={group.values.name ?? ''} />}
        </Field>
        <Field name="village" label={t('village')} errors={group.errors}>
          {(attrs) => <input {...attrs} required value={group.values.village ?? ''} />}
        </Field>
        <Field name="associationCode" label={t('scopeAssociation')} errors={group.errors}>
          {(attrs) => (
            <select {...attrs}>
              {ASSOCIATION_CODES.map((code) => (
                <option key={code} value={code} selected={group.values.associationCode === code}>
                  {t(ASSOCIATION_LABELS[code])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t('createGroup')}</button>
      </form>
    </Layout>
  );
}
