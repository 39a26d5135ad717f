/**
 * One batch. On a draft, its step's officer has a form: per row include or not (returned or rejected with a
 * reason) and the step's fields, saved as a draft, then sent after a confirmation (it is final). On submitted
 * proposals the bank manager confirms or sends back each row, then confirms the list. Once sent, every row
 * shows its result; a confirmed bank batch shows notice 04/TD. Other officers in scope see it read-only.
 */
import { STEP_LABELS } from '../../../workflows/domain.js';
import type { BatchRecord } from '../../domain/batches/index.js';
import { formatDate } from '../../domain/format.js';
import type { Notice04Data } from '../../domain/forms/notice-04-td-data.js';
import type { BatchFormValues } from '../batch-form.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, type FieldMessages } from '../form-parts.js';
import type { LabelKey } from '../labels.js';
import { CsrfField, Layout } from '../layout.js';
import { Notice } from '../page-parts.js';
import { NoticeSummary } from './batch-notice.js';
import { ConfirmRow, EditRow, RegistryLine, RowHeading, RowResult, type BatchRowData } from './batch-rows.js';
import { BATCH_STATUS_WORDS, batchesPath } from './batches-page.js';
import { fill } from './meeting-ballots.js';

export interface BatchPageData {
  batch: BatchRecord;
  /** This officer opens, edits and sends batches of the step. */
  holds: boolean;
  /** The bank manager, on a bank batch. */
  confirms: boolean;
  values: BatchFormValues;
  errors: FieldMessages;
  general: string[];
  notice?: string | undefined;
  notice04?: Notice04Data | undefined;
}

const SEND_WORDS: Record<BatchRecord['step'], LabelKey> = {
  'ward-verification': 'submitWard',
  entrustment: 'submitEntrustment',
  'bank-approval': 'submitBank',
};

const awaitsConfirmation = (row: BatchRowData): boolean =>
  row.decided?.outcome === 'approve' && !row.confirmed && !row.confirmFailure;

type Mode = 'edit' | 'confirm' | 'resume-submit' | 'resume-confirm' | 'read';

function modeOf({ batch, holds, confirms }: BatchPageData): Mode {
  if (holds && batch.status === 'DRAFT') return 'edit';
  if (holds && batch.status === 'SUBMITTING') return 'resume-submit';
  if (confirms && batch.status === 'SUBMITTED') return 'confirm';
  if (confirms && batch.status === 'CONFIRMING') return 'resume-confirm';
  return 'read';
}

function Rows({ ctx, data, mode }: { ctx: PageContext; data: BatchPageData; mode: Mode }) {
  const { batch } = data;
  return (
    <>
      <h2>{ctx.t('batchRowsTitle')}</h2>
      {batch.rows.map((row) => {
        const values = data.values[row.applicationId]!;
        const props = { ctx, row, values, errors: data.errors };
        return (
          <section class="agenda-item batch-row" key={row.id} aria-label={row.borrowerName}>
            <RowHeading ctx={ctx} row={row} />
            <RegistryLine ctx={ctx} row={row} />
            {mode === 'edit' ? (
              <EditRow {...props} step={batch.step} />
            ) : (
              <>
                <RowResult ctx={ctx} row={row} step={batch.step} />
                {mode === 'confirm' && awaitsConfirmation(row) ? <ConfirmRow {...props} /> : null}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The last button of the form, behind a confirmation (native <details>: it works without JavaScript). */
function SendButton({ ctx, action, words }: { ctx: PageContext; action: string; words: string }) {
  const { t } = ctx;
  return (
    <details class="confirm-close">
      <summary>{words}</summary>
      <p>{t('submitWarning')}</p>
      <button type="submit" formAction={action} class="warning">
        {fill(t('submitConfirm'), { action: words })}
      </button>
    </details>
  );
}

function BatchForm({ ctx, data, mode }: { ctx: PageContext; data: BatchPageData; mode: 'edit' | 'confirm' }) {
  const { t } = ctx;
  const base = `/batches/${encodeURIComponent(data.batch.id)}`;
  const words = mode === 'edit' ? t(SEND_WORDS[data.batch.step]) : t('confirmBank');
  return (
    <form method="post" action={base} class="meeting-form batch-form" novalidate>
      <CsrfField ctx={ctx} />
      <Rows ctx={ctx} data={data} mode={mode} />
      <div class="buttons">
        <button type="submit">{t('saveBatchDraft')}</button>
      </div>
      <SendButton ctx={ctx} action={`${base}/${mode === 'edit' ? 'submit' : 'confirm'}`} words={words} />
    </form>
  );
}

/** A submit or confirm interrupted half-way is finished by sending it again: nothing is decided twice. */
function Resume({
  ctx,
  data,
  mode,
}: {
  ctx: PageContext;
  data: BatchPageData;
  mode: 'resume-submit' | 'resume-confirm';
}) {
  const action = `/batches/${encodeURIComponent(data.batch.id)}/${mode === 'resume-submit' ? 'submit' : 'confirm'}`;
  return (
    <form method="post" action={action}>
      <CsrfField ctx={ctx} />
      <button type="submit">{ctx.t('submitResume')}</button>
    </form>
  );
}

export function BatchPage({ ctx, data }: { ctx: PageContext; data: BatchPageData }) {
  const { t } = ctx;
  const { batch } = data;
  const mode = modeOf(data);
  const title = t('batchTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>
        {title} <span class="tag">{t(BATCH_STATUS_WORDS[batch.status])}</span>
      </h1>
      <p class="lead">
        {fill(t('batchOf'), {
          group: batch.groupName,
          step: t(STEP_LABELS[batch.step]),
          date: formatDate(batch.openedAt),
        })}
      </p>
      <Notice text={data.notice} />
      <p>
        <a href={batchesPath(batch.groupCode)}>{t('backToBatches')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={data.errors} general={data.general} />
      {data.notice04 ? <NoticeSummary ctx={ctx} notice={data.notice04} /> : null}
      {mode === 'edit' || mode === 'confirm' ? (
        <BatchForm ctx={ctx} data={data} mode={mode} />
      ) : (
        <>
          {mode === 'read' && !data.holds && !data.confirms ? <p class="notice">{t('readOnlyBatch')}</p> : null}
          {mode === 'resume-submit' || mode === 'resume-confirm' ? <Resume ctx={ctx} data={data} mode={mode} /> : null}
          <Rows ctx={ctx} data={data} mode={mode} />
        </>
      )}
    </Layout>
  );
}
