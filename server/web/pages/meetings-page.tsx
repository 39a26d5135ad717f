/** A group's review meetings, newest first, and for the group's leader the form that opens one. */
import type { MeetingGroup, MeetingSummary } from '../../domain/batches/index.js';
import { formatDate } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import type { MeetingDetailValues } from '../meeting-form.js';
import { DataTable } from '../page-parts.js';
import { fill } from './meeting-ballots.js';
import { DetailFields, STATUS_WORDS } from './meeting-page.js';

export interface MeetingsPageData {
  group: MeetingGroup;
  meetings: MeetingSummary[];
  canOpen: boolean;
  values: MeetingDetailValues;
  errors: FieldMessages;
  general: string[];
}

export function MeetingsPage({ ctx, data }: { ctx: PageContext; data: MeetingsPageData }) {
  const { t } = ctx;
  const { group } = data;
  return (
    <Layout ctx={ctx} title={t('meetingsTitle')}>
      <h1>{t('meetingsTitle')}</h1>
      <p class="lead">{group.name}</p>
      <p>{t('meetingsLead')}</p>
      {data.canOpen ? (
        <p>
          <a href={`/groups/${encodeURIComponent(group.code)}/interest-collections`}>{t('interestFromMeetings')}</a>
        </p>
      ) : null}
      <p>
        <a href={`/groups/${encodeURIComponent(group.code)}/batches`}>{t('batchesLink')}</a>
      </p>
      <p>
        <strong>{fill(t('meetingsWaiting'), { count: group.waiting })}</strong>
      </p>
      {data.meetings.length === 0 ? (
        <p class="empty">{t('meetingsEmpty')}</p>
      ) : (
        <DataTable
          caption={t('meetingsTitle')}
          rows={data.meetings}
          rowKey={(meeting) => meeting.id}
          columns={[
            {
              header: t('colMeetingDate'),
              cell: (meeting) => (
                <a href={`/meetings/${encodeURIComponent(meeting.id)}`}>{formatDate(meeting.meetingDate)}</a>
              ),
            },
            { header: t('colPlace'), cell: (meeting) => meeting.place },
            { header: t('colMeetingStatus'), cell: (meeting) => t(STATUS_WORDS[meeting.status]) },
            { header: t('colItems'), class: 'num', headerClass: 'num', cell: (meeting) => meeting.items },
          ]}
        />
      )}
      {data.canOpen ? (
        <section aria-labelledby="open-title">
          <h2 id="open-title">{t('openMeetingTitle')}</h2>
          <ErrorSummary ctx={ctx} errors={data.errors} general={data.general} />
          <form method="post" action={`/groups/${encodeURIComponent(group.code)}/meetings`} class="narrow">
            <CsrfField ctx={ctx} />
            <DetailFields ctx={ctx} values={data.values} errors={data.errors} />
            <button type="submit">{t('openMeetingButton')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

/** On a group leader's inbox: the way to the group's meetings, with how many applications wait at the vote. */
export function MeetingsLink({ ctx, waiting }: { ctx: PageContext; waiting: number }) {
  const groupCode = ctx.officer?.groupCode;
  if (ctx.officer?.role !== 'group_leader' || !groupCode) return null;
  return (
    <p class="panel">
      <a href={`/groups/${encodeURIComponent(groupCode)}/meetings`}>
        {fill(ctx.t('meetingsInboxLink'), { count: waiting })}
      </a>
    </p>
  );
}
