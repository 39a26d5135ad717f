/**
 * Each step's decision form, with the field names of the API's decision bodies so that a refusal lands beside
 * its field. Works without JavaScript; what was typed comes back on a refusal.
 */
import {
  ASSOCIATION_CODES,
  ASSOCIATION_LABELS,
  CATEGORY_LABELS,
  HOUSEHOLD_CATEGORIES,
  type StepName,
} from '../../../workflows/domain.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import type { LabelKey } from '../labels.js';
import { CsrfField } from '../layout.js';
import type { VotePreview } from '../../domain/applications/index.js';
import { VoteOutcomeRegion } from './vote-outcome.js';

export interface DecisionFormData {
  code: string;
  step: StepName;
  values: Record<string, string>;
  errors: FieldMessages;
  general: string[];
  /** The group vote's computed outcome, when the officer asked to see it ("Xem kết quả"). */
  preview?: VotePreview | undefined;
}

type Props = { ctx: PageContext; data: DecisionFormData };

const OUTCOME_LABELS: Record<string, LabelKey> = {
  approve: 'outcomeApprove',
  reject: 'outcomeReject',
  return: 'outcomeReturn',
  'send-back': 'outcomeSendBack',
};

function Outcome({ ctx, data, options }: Props & { options: string[] }) {
  const error = data.errors.outcome;
  return (
    <fieldset class={error ? 'field has-error' : 'field'} id="f-outcome" tabIndex={-1}>
      <legend>{ctx.t('outcome')}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      {options.map((option) => (
        <label class="choice" key={option}>
          <input type="radio" name="outcome" value={option} checked={data.values.outcome === option} />
          {ctx.t(OUTCOME_LABELS[option]!)}
        </label>
      ))}
    </fieldset>
  );
}

function Text({ ctx, data, name, label, type }: Props & { name: string; label: LabelKey; type?: 'number' | 'date' }) {
  return (
    <Field name={name} label={ctx.t(label)} errors={data.errors}>
      {(attrs) => (
        <input
          {...attrs}
          class="short"
          inputMode={type === 'number' ? 'numeric' : undefined}
          value={data.values[name] ?? ''}
        />
      )}
    </Field>
  );
}

function Check({ ctx, data, name, label }: Props & { name: string; label: LabelKey }) {
  return (
    <div class={data.errors[name] ? 'field has-error' : 'field'}>
      {data.errors[name] ? <p class="field-error">{data.errors[name]}</p> : null}
      <label class="choice" for={`f-${name}`}>
        <input type="checkbox" id={`f-${name}`} name={name} value="true" checked={data.values[name] === 'true'} />
        {ctx.t(label)}
      </label>
    </div>
  );
}

function Choose(props: Props & { name: string; label: LabelKey; options: { value: string; label: string }[] }) {
  const { ctx, data, name } = props;
  return (
    <Field name={name} label={ctx.t(props.label)} errors={data.errors}>
      {(attrs) => (
        <select {...attrs}>
          <option value="">{ctx.t('chooseOne')}</option>
          {props.options.map((o) => (
            <option value={o.value} key={o.value} selected={data.values[name] === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Reason(props: Props) {
  return (
    <Field name="reason" label={props.ctx.t('reason')} hint={props.ctx.t('reasonHint')} errors={props.data.errors}>
      {(attrs) => <textarea {...attrs} rows={3} value={props.data.values.reason ?? ''} />}
    </Field>
  );
}

function StepFields(props: Props & { manager: boolean }) {
  const { ctx } = props;
  switch (props.data.step) {
    case 'ward-verification':
      return (
        <>
          <Outcome {...props} options={['approve', 'reject', 'return']} />
          <Check {...props} name="residenceConfirmed" label="residenceConfirmed" />
          <Choose
            {...props}
            name="listedCategory"
            label="listedCategory"
            options={HOUSEHOLD_CATEGORIES.map((c) => ({ value: c, label: ctx.t(CATEGORY_LABELS[c]) }))}
          />
        </>
      );
    case 'entrustment':
      return (
        <>
          <Outcome {...props} options={['approve', 'reject', 'return']} />
          <Choose
            {...props}
            name="associationCode"
            label="association"
            options={ASSOCIATION_CODES.map((c) => ({ value: c, label: ctx.t(ASSOCIATION_LABELS[c]) }))}
          />
          <Check {...props} name="dossierComplete" label="dossierComplete" />
        </>
      );
    case 'group-vote':
      return (
        <>
          <Field name="meetingDate" label={ctx.t('meetingDate')} hint={ctx.t('dateHint')} errors={props.data.errors}>
            {(attrs) => <input {...attrs} class="short" value={props.data.values.meetingDate ?? ''} />}
          </Field>
          {(['membersTotal', 'membersPresent', 'votesFor', 'votesAgainst', 'abstentions'] as const).map((name) => (
            <Text {...props} key={name} name={name} label={name} type="number" />
          ))}
          <Check {...props} name="applicantPresent" label="applicantPresent" />
          <VoteOutcomeRegion ctx={ctx} code={props.data.code} preview={props.data.preview} />
        </>
      );
    case 'bank-approval':
      return props.manager ? (
        <Outcome {...props} options={['approve', 'reject', 'return', 'send-back']} />
      ) : (
        <>
          <Outcome {...props} options={['approve', 'reject', 'return']} />
          <Text {...props} name="approvedAmount" label="approvedAmount" type="number" />
          <Text {...props} name="termMonths" label="termMonths" type="number" />
        </>
      );
    case 'disbursement':
      return (
        <>
          <Outcome {...props} options={['approve', 'reject', 'return']} />
          <Text {...props} name="amount" label="disbursedAmount" type="number" />
          <Field name="disbursedOn" label={ctx.t('disbursedOn')} hint={ctx.t('dateHint')} errors={props.data.errors}>
            {(attrs) => <input {...attrs} class="short" value={props.data.values.disbursedOn ?? ''} />}
          </Field>
          <Text {...props} name="transactionPoint" label="transactionPoint" />
        </>
      );
  }
}

export function DecisionForm(props: Props & { manager: boolean }) {
  const { ctx, data } = props;
  return (
    <form method="post" action={`/applications/${encodeURIComponent(data.code)}/steps/${data.step}/decision`}>
      <ErrorSummary ctx={ctx} errors={data.errors} general={data.general} />
      <CsrfField ctx={ctx} />
      <StepFields {...props} />
      <Reason {...props} />
      {/* The decision first: Enter in a field submits the form's first button. */}
      <div class="buttons">
        <button type="submit">{ctx.t('submitDecision')}</button>
        {data.step === 'group-vote' ? (
          <button
            type="submit"
            class="secondary"
            formAction={`/applications/${encodeURIComponent(data.code)}/vote-preview`}
          >
            {ctx.t('votePreview')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
