/**
 * The batch page's form as typed, and its way to the API's own schema (PATCH /api/batches/{id}): one set of
 * fields per row, named `<field>.<application id>`. A refusal's path (`rows.2.fields.termMonths`) is turned back
 * into the field it belongs beside.
 */
import type { BatchRecord, BatchStep } from '../domain/batches/index.js';
import { SaveBatchBody } from '../http/batch-schemas.js';
import { formErrors } from './form-errors.js';
import type { FieldMessages } from './form-parts.js';
import { formText, numberOrText } from './form-values.js';
import { ERROR_MESSAGES } from './error-messages.js';
import type { Translate } from './labels.js';

export interface RowValues {
  included: boolean;
  outcome: 'return' | 'reject';
  reason: string;
  residenceConfirmed: boolean;
  listedCategory: string;
  dossierComplete: boolean;
  comment: string;
  approvedAmount: string;
  termMonths: string;
  confirmation: 'confirm' | 'send-back';
  confirmReason: string;
}

/** What the form holds, by application id. */
export type BatchFormValues = Record<string, RowValues>;

/** Who fills the form: the step's officer edits the rows, the bank manager the confirmations. */
export type BatchFormKind = 'rows' | 'confirmations';

export const rowField = (name: keyof RowValues, applicationId: string): string => `${name}.${applicationId}`;

/** The stored batch as the form shows it. */
export function batchFormValues(batch: BatchRecord): BatchFormValues {
  return Object.fromEntries(
    batch.rows.map((row) => [
      row.applicationId,
      {
        included: row.included,
        outcome: row.outcome ?? 'return',
        reason: row.reason ?? '',
        residenceConfirmed: row.fields.residenceConfirmed ?? false,
        listedCategory: row.fields.listedCategory ?? row.householdCategory,
        dossierComplete: row.fields.dossierComplete ?? false,
        comment: row.fields.comment ?? '',
        approvedAmount: String(row.fields.approvedAmount ?? row.amountRequested),
        termMonths: String(row.fields.termMonths ?? row.termMonths),
        confirmation: row.confirmation ?? 'confirm',
        confirmReason: row.confirmReason ?? '',
      },
    ]),
  );
}

/** What the form sent, over the stored values: an unticked checkbox is not sent at all. */
export function readBatchForm(form: Record<string, unknown>, batch: BatchRecord, kind: BatchFormKind): BatchFormValues {
  const stored = batchFormValues(batch);
  const text = (name: keyof RowValues, id: string) => formText(form[rowField(name, id)]);
  const ticked = (name: keyof RowValues, id: string) => text(name, id) === 'true';
  for (const [id, values] of Object.entries(stored)) {
    if (kind === 'confirmations') {
      values.confirmation = text('confirmation', id) === 'send-back' ? 'send-back' : 'confirm';
      values.confirmReason = text('confirmReason', id);
      continue;
    }
    values.included = ticked('included', id);
    values.outcome = text('outcome', id) === 'reject' ? 'reject' : 'return';
    values.reason = text('reason', id);
    if (batch.step === 'ward-verification') {
      values.residenceConfirmed = ticked('residenceConfirmed', id);
      values.listedCategory = text('listedCategory', id);
    } else if (batch.step === 'entrustment') {
      values.dossierComplete = ticked('dossierComplete', id);
      values.comment = text('comment', id);
    } else {
      values.approvedAmount = text('approvedAmount', id);
      values.termMonths = text('termMonths', id);
    }
  }
  return stored;
}

function stepFields(step: BatchStep, values: RowValues) {
  switch (step) {
    case 'ward-verification':
      return { residenceConfirmed: values.residenceConfirmed, listedCategory: values.listedCategory };
    case 'entrustment':
      return { dossierComplete: values.dossierComplete, ...(values.comment ? { comment: values.comment } : {}) };
    case 'bank-approval':
      return { approvedAmount: numberOrText(values.approvedAmount), termMonths: numberOrText(values.termMonths) };
  }
}

/** The form, by the same schema as PATCH /api/batches/{id}; the rows in the batch's order. */
export function parseBatchForm(batch: BatchRecord, values: BatchFormValues, kind: BatchFormKind) {
  const ids = batch.rows.map((row) => row.applicationId);
  const body =
    kind === 'rows'
      ? {
          rows: ids.map((applicationId) => {
            const row = values[applicationId]!;
            return {
              applicationId,
              included: row.included,
              ...(row.included ? {} : { outcome: row.outcome }),
              ...(row.included ? {} : { reason: row.reason }),
              fields: stepFields(batch.step, row),
            };
          }),
        }
      : {
          confirmations: batch.rows
            .filter((row) => row.decided?.outcome === 'approve' && !row.confirmed && !row.confirmFailure)
            .map(({ applicationId }) => {
              const row = values[applicationId]!;
              return {
                applicationId,
                confirmation: row.confirmation,
                ...(row.confirmation === 'send-back' ? { reason: row.confirmReason } : {}),
              };
            }),
        };
  return SaveBatchBody.safeParse(body);
}

/** Excluded rows and sent-back proposals without a reason, beside their own field (the use case names no row). */
export function missingReasons(values: BatchFormValues, kind: BatchFormKind, t: Translate): FieldMessages {
  const fields: FieldMessages = {};
  for (const [id, row] of Object.entries(values)) {
    if (kind === 'rows' && !row.included && !row.reason.trim())
      fields[rowField('reason', id)] = t(ERROR_MESSAGES.REASON_REQUIRED);
    if (kind === 'confirmations' && row.confirmation === 'send-back' && !row.confirmReason.trim())
      fields[rowField('confirmReason', id)] = t(ERROR_MESSAGES.REASON_REQUIRED);
  }
  return fields;
}

/** A refusal's messages beside the fields of this form; null for an error that is not a refusal. */
export function batchFormErrors(
  error: unknown,
  t: Translate,
  batch: BatchRecord,
  kind: BatchFormKind,
): { fields: FieldMessages; general: string[] } | null {
  const refused = formErrors(error, t);
  if (!refused) return null;
  const ids =
    kind === 'rows'
      ? batch.rows.map((row) => row.applicationId)
      : batch.rows
          .filter((row) => row.decided?.outcome === 'approve' && !row.confirmed && !row.confirmFailure)
          .map((row) => row.applicationId);
  const fields: FieldMessages = {};
  for (const [path, message] of Object.entries(refused.fields)) {
    const parts = path.split('.');
    const id = ids[Number(parts[1])];
    const leaf = parts.at(-1) ?? '';
    const name = kind === 'confirmations' && leaf === 'reason' ? 'confirmReason' : leaf;
    fields[id && (parts[0] === 'rows' || parts[0] === 'confirmations') ? `${name}.${id}` : path] ??= message;
  }
  return { fields, general: refused.general };
}
