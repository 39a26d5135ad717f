/** A group's batches, newest first, and for the step's officer the form that opens one. */
import { STEP_LABELS } from '../../../workflows/domain.js';
import type { BatchStatus, BatchStep, BatchSummary, MeetingGroup, MeetingSummary } from '../../domain/batches/index.js';
import { formatDate } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import type { LabelKey } from '../labels.js';
import { CsrfField, Layout } from '../layout.js';
import { DataTable } from '../page-parts.js';
import { fill } from './meeting-ballots.js';

export interface BatchesPageData {
  group: MeetingGroup;
  batches: BatchSummary[];
  /** The step this officer's role opens batches at; none for the other officers in scope. */
  openStep: BatchStep | null;
  /** The group's closed meetings, whose list 03/TD a batch can be made from. */
  meetings: MeetingSummary[];
  meetingId: string;
  errors: FieldMessages;
  general: string[];
}

export const BATCH_STATUS_WORDS: Record<BatchStatus, LabelKey> = {
  DRAFT: 'batchDraft',
  SUBMITTING: 'batchSubmitting',
  SUBMITTED: 'batchSubmitted',
  CONFIRMING: 'batchConfirming',
  CONFIRMED: 'batchConfirmed',
};

export const batchesPath = (group: string): string => `/groups/${encodeURIComponent(group)}/batches`;

function OpenForm({ ctx, data, step }: { ctx: PageContext; data: BatchesPageData; step: BatchStep }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="open-batch-title">
      <h2 id="open-batch-title">{t('openBatchTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={data.errors} general={data.general} />
      <form method="post" action={batchesPath(data.group.code)} class="narrow">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="step" value={step} />
        <p>
          <strong>{fill(t('openBatchStep'), { step: t(STEP_LABELS[step]) })}</strong>
        </p>
        <Field name="meetingId" label={t('openBatchMeeting')} hint={t('openBatchMeetingHint')} errors={data.errors}>
          {(attrs) => (
            <select {...attrs}>
              <option value="">{t('openBatchNoMeeting')}</option>
              {data.meetings.map((meeting) => (
                <option key={meeting.id} value={meeting.id} selected={data.meetingId === meeting.id}>
                  {`${formatDate(meeting.meetingDate)}, ${meeting.place}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t('openBatchButton')}</button>
      </form>
    </section>
  );
}

export function BatchesPage({ ctx, data }: { ctx: PageContext; data: BatchesPageData }) {
  const { t } = ctx;
  const { group } = data;
  return (
    <Layout ctx={ctx} title={t('batchesTitle')}>
      <h1>{t('batchesTitle')}</h1>
      <p class="lead">{group.name}</p>
      <p>{t('batchesLead')}</p>
      <p>
        <a href={`/groups/${encodeURIComponent(group.code)}/meetings`}>{t('navMeetings')}</a>
      </p>
      {data.batches.length === 0 ? (
        <p class="empty">{t('batchesEmpty')}</p>
      ) : (
        <DataTable
          caption={t('batchesTitle')}
          rows={data.batches}
          rowKey={(batch) => batch.id}
          columns={[
            {
              header: t('colBatchOpened'),
              cell: (batch) => <a href={`/batches/${encodeURIComponent(batch.id)}`}>{formatDate(batch.openedAt)}</a>,
            },
            { header: t('colBatchStep'), cell: (batch) => t(STEP_LABELS[batch.step]) },
            { header: t('colBatchStatus'), cell: (batch) => t(BATCH_STATUS_WORDS[batch.status]) },
            { header: t('colBatchRows'), class: 'num', headerClass: 'num', cell: (batch) => batch.rows },
            {
              header: t('colBatchMeeting'),
              cell: (batch) =>
                batch.meetingId ? (
                  <a href={`/meetings/${encodeURIComponent(batch.meetingId)}`}>{t('batchFromMeeting')}</a>
                ) : (
                  t('batchNoMeeting')
                ),
            },
          ]}
        />
      )}
      {data.openStep ? <OpenForm ctx={ctx} data={data} step={data.openStep} /> : null}
    </Layout>
  );
}

/** On the inbox of the ward, association and bank officers: each group with rows waiting at a batch step. */
export function BatchesLinks({ ctx, groups }: { ctx: PageContext; groups: { code: string; waiting: number }[] }) {
  if (groups.length === 0) return null;
  return (
    <ul class="panel">
      {groups.map((group) => (
        <li key={group.code}>
          <a href={batchesPath(group.code)}>
            {fill(ctx.t('batchesInboxLink'), { group: group.code, count: group.waiting })}
          </a>
        </li>
      ))}
    </ul>
  );
}
