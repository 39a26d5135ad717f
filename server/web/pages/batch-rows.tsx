/**
 * One row of a batch: the application, beside the ward's batch what the ward's household list says, and the
 * fields of whoever holds the row now (the step's officer on a draft, the bank manager on submitted proposals),
 * or once sent its result.
 */
import { CATEGORY_LABELS, HOUSEHOLD_CATEGORIES, type HouseholdCategory } from '../../../workflows/domain.js';
import type { BatchRecord } from '../../domain/batches/index.js';
import type { ErrorCode } from '../../domain/error-codes.js';
import { formatDate, formatMoney } from '../../domain/format.js';
import { rowField, type RowValues } from '../batch-form.js';
import type { PageContext } from '../context.js';
import { ERROR_MESSAGES } from '../error-messages.js';
import { OUTCOME_LABELS } from '../event-labels.js';
import { Field, type FieldMessages } from '../form-parts.js';
import { fill } from './meeting-ballots.js';

export type BatchRowData = BatchRecord['rows'][number];

interface RowProps {
  ctx: PageContext;
  row: BatchRowData;
  values: RowValues;
  errors: FieldMessages;
}

const outcomeWord = (ctx: PageContext, outcome: string): string =>
  outcome in OUTCOME_LABELS ? ctx.t(OUTCOME_LABELS[outcome as keyof typeof OUTCOME_LABELS]) : outcome;

/** A refusal's words in the visitor's language: the code's own where the catalogue has them, else as recorded. */
export const refusalWords = (ctx: PageContext, refusal: { code: string; message: string }): string =>
  refusal.code in ERROR_MESSAGES ? ctx.t(ERROR_MESSAGES[refusal.code as ErrorCode]) : refusal.message;

const refusalText = (ctx: PageContext, refusal: { code: string; message: string }): string =>
  fill(ctx.t('resultFailed'), { code: refusal.code, message: refusalWords(ctx, refusal) });

export function RowHeading({ ctx, row }: { ctx: PageContext; row: BatchRowData }) {
  const { t, lang } = ctx;
  return (
    <>
      <h3>{fill(t('rowHeading'), { no: row.position, borrower: row.borrowerName, code: row.applicationCode })}</h3>
      <p>
        {fill(t('rowFacts'), {
          amount: formatMoney(row.amountRequested, lang),
          term: row.termMonths,
          purpose: row.purpose,
        })}
        {'; '}
        {t(CATEGORY_LABELS[row.householdCategory as HouseholdCategory])}{' '}
        <a href={`/applications/${encodeURIComponent(row.applicationCode)}`}>{row.applicationCode}</a>
      </p>
    </>
  );
}

/** Beside each row of the ward's batch: the ward's household list, and what it suggests when it disagrees. */
export function RegistryLine({ ctx, row }: { ctx: PageContext; row: BatchRowData }) {
  const check = row.registryCheck;
  if (!check) return null;
  const { t } = ctx;
  const r = check.registry;
  return (
    <div class="panel registry-line">
      <p>
        <strong>{t('registryCheck')}: </strong>
        {r.found ? (
          <>
            {t('registryFound')} ({r.householdId}
            {r.category ? `, ${t(CATEGORY_LABELS[r.category])}` : ''}
            {r.expiresOn ? `, ${t('registryExpires').toLowerCase()} ${formatDate(r.expiresOn)}` : ''}){' '}
            <span class="tag">
              {t(r.expired ? 'registryExpired' : r.active ? 'registryCurrent' : 'registryNotYet')}
            </span>
          </>
        ) : (
          t('registryNotFound')
        )}
      </p>
      {r.found && check.prefill.outcome !== 'approve' && check.prefill.reason ? (
        <p class="hint">{check.prefill.reason}</p>
      ) : null}
    </div>
  );
}

function Checkbox(props: { name: string; label: string; checked: boolean }) {
  return (
    <div class="field">
      <label class="choice">
        <input
          type="checkbox"
          id={`f-${props.name.replace(/[^A-Za-z0-9-]/g, '-')}`}
          name={props.name}
          value="true"
          checked={props.checked}
        />
        {props.label}
      </label>
    </div>
  );
}

function Radios(props: { name: string; legend: string; choices: { value: string; label: string }[]; chosen: string }) {
  return (
    <fieldset class="field">
      <legend>{props.legend}</legend>
      <div class="ballot-choices">
        {props.choices.map((choice) => (
          <label class="choice" key={choice.value}>
            <input type="radio" name={props.name} value={choice.value} checked={props.chosen === choice.value} />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TextField(props: {
  name: string;
  label: string;
  value: string;
  errors: FieldMessages;
  short?: boolean;
  numeric?: boolean;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      {(attrs) => (
        <input
          {...attrs}
          value={props.value}
          class={props.short ? 'short' : undefined}
          {...(props.numeric ? { inputMode: 'numeric' as const } : {})}
          autoComplete="off"
        />
      )}
    </Field>
  );
}

function StepFields({ ctx, row, values, errors, step }: RowProps & { step: BatchRecord['step'] }) {
  const { t } = ctx;
  const id = row.applicationId;
  switch (step) {
    case 'ward-verification':
      return (
        <>
          <Checkbox
            name={rowField('residenceConfirmed', id)}
            label={t('rowResidence')}
            checked={values.residenceConfirmed}
          />
          <Field name={rowField('listedCategory', id)} label={t('rowListedCategory')} errors={errors}>
            {(attrs) => (
              <select {...attrs}>
                {HOUSEHOLD_CATEGORIES.map((category) => (
                  <option key={category} value={category} selected={values.listedCategory === category}>
                    {t(CATEGORY_LABELS[category])}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      );
    case 'entrustment':
      return (
        <>
          <Checkbox name={rowField('dossierComplete', id)} label={t('rowDossier')} checked={values.dossierComplete} />
          <TextField name={rowField('comment', id)} label={t('rowComment')} value={values.comment} errors={errors} />
        </>
      );
    case 'bank-approval':
      return (
        <>
          <TextField
            name={rowField('approvedAmount', id)}
            label={t('rowAmount')}
            value={values.approvedAmount}
            errors={errors}
            short
            numeric
          />
          <TextField
            name={rowField('termMonths', id)}
            label={t('rowTerm')}
            value={values.termMonths}
            errors={errors}
            short
            numeric
          />
        </>
      );
  }
}

/** The step's officer, on a draft: include or not (then returned or rejected, with a reason), and the step's fields. */
export function EditRow(props: RowProps & { step: BatchRecord['step'] }) {
  const { ctx, row, values, errors } = props;
  const { t } = ctx;
  const id = row.applicationId;
  return (
    <>
      <Checkbox name={rowField('included', id)} label={t('rowInclude')} checked={values.included} />
      <StepFields {...props} />
      <Radios
        name={rowField('outcome', id)}
        legend={t('rowExcludedOutcome')}
        chosen={values.outcome}
        choices={(['return', 'reject'] as const).map((value) => ({ value, label: t(OUTCOME_LABELS[value]) }))}
      />
      <TextField name={rowField('reason', id)} label={t('rowReason')} value={values.reason} errors={errors} />
    </>
  );
}

const proposalOf = (ctx: PageContext, row: BatchRowData): string =>
  fill(ctx.t('rowProposal'), {
    amount: formatMoney(row.fields.approvedAmount ?? row.amountRequested, ctx.lang),
    term: row.fields.termMonths ?? row.termMonths,
    officer: row.proposedBy ?? '',
  });

/** The bank manager, on a submitted bank batch: confirm each proposal or send it back with a reason. */
export function ConfirmRow(props: RowProps) {
  const { ctx, row, values, errors } = props;
  const { t } = ctx;
  const id = row.applicationId;
  return (
    <>
      <p>
        <strong>{proposalOf(ctx, row)}</strong>
      </p>
      {row.proposedBy === ctx.officer?.username ? <p class="field-error">{t('rowOwnProposal')}</p> : null}
      <Radios
        name={rowField('confirmation', id)}
        legend={t('rowConfirmLegend')}
        chosen={values.confirmation}
        choices={[
          { value: 'confirm', label: t('rowConfirm') },
          { value: 'send-back', label: t('rowSendBack') },
        ]}
      />
      <TextField
        name={rowField('confirmReason', id)}
        label={t('rowConfirmReason')}
        value={values.confirmReason}
        errors={errors}
      />
    </>
  );
}

/** What the row is and, once sent, what became of it: the decision, or the refusal's code and words. */
export function RowResult({ ctx, row, step }: { ctx: PageContext; row: BatchRowData; step: BatchRecord['step'] }) {
  const { t } = ctx;
  const result = row.failure
    ? refusalText(ctx, row.failure)
    : row.decided
      ? step === 'bank-approval' && row.decided.outcome === 'approve'
        ? proposalOf(ctx, row)
        : fill(t('resultDecided'), { outcome: outcomeWord(ctx, row.decided.outcome) })
      : t('resultPending');
  const confirmation = row.confirmFailure
    ? refusalText(ctx, row.confirmFailure)
    : row.confirmed
      ? row.confirmed.outcome === 'send-back'
        ? `${t('resultSentBack')}${row.confirmReason ? `: ${row.confirmReason}` : ''}`
        : t('resultConfirmed')
      : null;
  return (
    <dl class="facts row-result">
      <dt>{t('rowListTerm')}</dt>
      <dd>
        {row.included
          ? t('rowIncludedYes')
          : fill(t('rowNotIncluded'), { outcome: outcomeWord(ctx, row.outcome ?? 'return'), reason: row.reason ?? '' })}
      </dd>
      <dt>{t('rowResult')}</dt>
      <dd class={row.failure ? 'refused' : undefined}>{result}</dd>
      {confirmation ? (
        <>
          <dt>{t('rowConfirmResult')}</dt>
          <dd class={row.confirmFailure ? 'refused' : undefined}>{confirmation}</dd>
        </>
      ) : null}
    </dl>
  );
}
