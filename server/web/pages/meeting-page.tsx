/**
 * One review meeting. For the group's leader, a draft is a form: the details, the members present, a ballot per
 * present member per agenda item with the live outcome, and the buttons to save, refresh the agenda and close
 * (after a confirmation: it is final). Other officers in scope see the draft read-only; a closed meeting is
 * its minutes 10C/TD and list 03/TD.
 */
import type { VotePreview } from '../../domain/applications/index.js';
import type { List03, MeetingRecord, Minutes } from '../../domain/batches/index.js';
import { formatDate } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import type { LabelKey } from '../labels.js';
import { DETAIL_FIELDS, type MeetingFormValues } from '../meeting-form.js';
import { Facts, Notice } from '../page-parts.js';
import { AgendaItemForm, AgendaItemView, fill, type AgendaMember } from './meeting-ballots.js';
import { ClosedMeeting } from './meeting-minutes.js';

export interface MeetingPageData {
  meeting: MeetingRecord;
  /** The group's leader, on a meeting not yet closed. */
  canHold: boolean;
  values: MeetingFormValues;
  previews: Map<string, VotePreview>;
  errors: FieldMessages;
  general: string[];
  notice?: string | undefined;
  closed?: { minutes: Minutes; list: List03 } | undefined;
}

export const STATUS_WORDS: Record<MeetingRecord['status'], LabelKey> = {
  DRAFT: 'meetingDraft',
  CLOSING: 'meetingClosing',
  CLOSED: 'meetingClosed',
};

const DETAIL_LABELS: Record<(typeof DETAIL_FIELDS)[number], LabelKey> = {
  meetingDate: 'meetingDate',
  place: 'meetingPlace',
  associationOfficerName: 'associationOfficerName',
  villageHeadName: 'villageHeadName',
};

/** The four details of a meeting, as the open form and the draft both ask them. */
export function DetailFields(props: { ctx: PageContext; values: Record<string, string>; errors: FieldMessages }) {
  const { t } = props.ctx;
  return (
    <>
      {DETAIL_FIELDS.map((name) => (
        <Field
          key={name}
          name={name}
          label={t(DETAIL_LABELS[name])}
          {...(name === 'meetingDate' ? { hint: t('meetingDateHint') } : {})}
          errors={props.errors}
        >
          {(attrs) => (
            <input
              {...attrs}
              class={name === 'meetingDate' ? 'short' : undefined}
              value={props.values[name] ?? ''}
              autoComplete="off"
            />
          )}
        </Field>
      ))}
    </>
  );
}

function Attendees({ ctx, data }: { ctx: PageContext; data: MeetingPageData }) {
  const { t } = ctx;
  const error = data.errors.attendees;
  const present = new Set(data.values.attendees);
  return (
    <fieldset class={error ? 'field has-error' : 'field'} id="f-attendees" tabIndex={-1}>
      <legend>{t('attendeesLegend')}</legend>
      <p class="hint">{t('attendeesHint')}</p>
      {error ? <p class="field-error">{error}</p> : null}
      <div class="attendees">
        {data.meeting.members.map((member) => (
          <label class="choice" key={member.id}>
            <input
              type="checkbox"
              id={`f-attendee-${member.id}`}
              name="attendees"
              value={member.id}
              checked={present.has(member.id)}
            />
            {member.fullName}
            {member.role === 'LEADER' ? <span class="tag">{t('leaderTag')}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const presentMembers = (meeting: MeetingRecord, attendees: readonly string[]): AgendaMember[] => {
  const present = new Set(attendees);
  return meeting.members.filter((m) => present.has(m.id));
};

function DraftForm({ ctx, data }: { ctx: PageContext; data: MeetingPageData }) {
  const { t } = ctx;
  const { meeting } = data;
  const action = `/meetings/${encodeURIComponent(meeting.id)}`;
  const present = presentMembers(meeting, data.values.attendees);
  return (
    <form method="post" action={action} class="meeting-form" novalidate>
      <CsrfField ctx={ctx} />
      {/* One answer refreshes every item's outcome (out-of-band swaps), on each choice. */}
      <div hx-post={`${action}/tally`} hx-trigger="change from:closest form" hx-include="closest form" hx-swap="none" />
      <h2>{t('meetingDetails')}</h2>
      <DetailFields ctx={ctx} values={data.values.details} errors={data.errors} />
      <Attendees ctx={ctx} data={data} />
      <h2>{t('agendaTitle')}</h2>
      {meeting.items.length === 0 ? <p class="empty">{t('agendaEmpty')}</p> : null}
      {meeting.items.map((item) => (
        <AgendaItemForm
          key={item.id}
          ctx={ctx}
          item={item}
          present={present}
          values={data.values}
          errors={data.errors}
          preview={data.previews.get(item.id)}
        />
      ))}
      <div class="buttons">
        <button type="submit" name="action" value="save">
          {t('saveDraft')}
        </button>
        <button type="submit" name="action" value="preview" class="secondary">
          {t('votePreview')}
        </button>
        <button type="submit" name="action" value="agenda" class="secondary">
          {t('refreshAgenda')}
        </button>
      </div>
      <details class="confirm-close">
        <summary>{t('closeMeeting')}</summary>
        <p>{t('closeMeetingWarning')}</p>
        <button type="submit" name="action" value="close" class="warning">
          {t('closeMeetingConfirm')}
        </button>
      </details>
    </form>
  );
}

function ReadOnlyMeeting({ ctx, data }: { ctx: PageContext; data: MeetingPageData }) {
  const { t } = ctx;
  const { meeting } = data;
  const present = presentMembers(meeting, data.values.attendees);
  return (
    <>
      <h2>{t('meetingDetails')}</h2>
      <Facts
        facts={[
          [t('meetingDate'), formatDate(meeting.meetingDate)],
          [t('meetingPlace'), meeting.place],
          [t('associationOfficerName'), meeting.associationOfficerName],
          [t('villageHeadName'), meeting.villageHeadName],
          [t('attendeesLegend'), present.map((m) => m.fullName).join(', ')],
        ]}
      />
      <h2>{t('agendaTitle')}</h2>
      {meeting.items.length === 0 ? <p class="empty">{t('agendaEmpty')}</p> : null}
      {meeting.items.map((item) => (
        <AgendaItemView key={item.id} ctx={ctx} item={item} present={present} preview={data.previews.get(item.id)} />
      ))}
    </>
  );
}

/** A close interrupted half-way is finished by sending it again: nothing already decided is decided twice. */
function ResumeClose({ ctx, meeting }: { ctx: PageContext; meeting: MeetingRecord }) {
  return (
    <form method="post" action={`/meetings/${encodeURIComponent(meeting.id)}`}>
      <CsrfField ctx={ctx} />
      <button type="submit" name="action" value="close">
        {ctx.t('closeMeetingResume')}
      </button>
    </form>
  );
}

export function MeetingPage({ ctx, data }: { ctx: PageContext; data: MeetingPageData }) {
  const { t } = ctx;
  const { meeting } = data;
  const title = t('meetingTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>
        {title} <span class="tag">{t(STATUS_WORDS[meeting.status])}</span>
      </h1>
      <p class="lead">{fill(t('meetingOf'), { group: meeting.group.name, date: formatDate(meeting.meetingDate) })}</p>
      <Notice text={data.notice} />
      <p>
        <a href={`/groups/${encodeURIComponent(meeting.group.code)}/meetings`}>{t('backToMeetings')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={data.errors} general={data.general} />
      {data.closed ? (
        <ClosedMeeting ctx={ctx} minutes={data.closed.minutes} list={data.closed.list} />
      ) : meeting.status === 'DRAFT' && data.canHold ? (
        <DraftForm ctx={ctx} data={data} />
      ) : (
        <>
          {data.canHold ? null : <p class="notice">{t('readOnlyMeeting')}</p>}
          {meeting.status === 'CLOSING' && data.canHold ? <ResumeClose ctx={ctx} meeting={meeting} /> : null}
          <ReadOnlyMeeting ctx={ctx} data={data} />
        </>
      )}
    </Layout>
  );
}
