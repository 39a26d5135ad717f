/**
 * The bank manager's capital forms (and the administrator's): a new source on /capital; an entrustment or top-up,
 * a recall and a yearly plan on /capital/:code. Each posts to its own path and comes back with its refusal.
 */
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField } from '../layout.js';

/** One form's state after a refusal: what was typed and why it was refused. */
export interface CapitalFormState {
  values: Record<string, string>;
  errors: FieldMessages;
  general: string[];
}

export const EMPTY_FORM: CapitalFormState = { values: {}, errors: {}, general: [] };

export interface ProgrammeChoice {
  code: string;
  name: string;
}

function ProgrammeSelect(props: {
  ctx: PageContext;
  name: string;
  idPrefix?: string;
  label: string;
  programmes: readonly ProgrammeChoice[];
  state: CapitalFormState;
}) {
  const chosen = props.state.values[props.name] ?? '';
  return (
    <Field name={props.name} idPrefix={props.idPrefix} label={props.label} errors={props.state.errors}>
      {(attrs) => (
        <select {...attrs}>
          <option value="">{props.ctx.t('capitalChooseProgramme')}</option>
          {props.programmes.map((programme) => (
            <option key={programme.code} value={programme.code} selected={chosen === programme.code}>
              {programme.name} ({programme.code})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function NewSourceForm(props: {
  ctx: PageContext;
  state: CapitalFormState;
  programmes: readonly ProgrammeChoice[];
  district: string;
}) {
  const { ctx, state } = props;
  const { t } = ctx;
  const { values, errors } = state;
  const kind = values.kind ?? 'local';
  return (
    <section aria-labelledby="new-source-title">
      <h2 id="new-source-title">{t('capitalNewTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} general={state.general} />
      <form method="post" action="/capital" class="narrow" aria-labelledby="new-source-title">
        <CsrfField ctx={ctx} />
        <Field name="code" label={t('capitalCode')} hint={t('capitalCodeHint')} errors={errors}>
          {(attrs) => <input {...attrs} required value={values.code ?? ''} />}
        </Field>
        <Field name="name" label={t('capitalName')} errors={errors}>
          {(attrs) => <input {...attrs} required value={values.name ?? ''} />}
        </Field>
        <Field name="kind" label={t('capitalKind')} errors={errors}>
          {(attrs) => (
            <select {...attrs}>
              <option value="local" selected={kind === 'local'}>
                {t('capitalKindLocal')}
              </option>
              <option value="central" selected={kind === 'central'}>
                {t('capitalKindCentral')}
              </option>
            </select>
          )}
        </Field>
        <Field name="district" label={t('capitalDistrict')} errors={errors}>
          {(attrs) => <input {...attrs} required value={values.district ?? props.district} />}
        </Field>
        <Field name="wardCode" label={t('capitalWard')} errors={errors}>
          {(attrs) => <input {...attrs} value={values.wardCode ?? ''} />}
        </Field>
        <ProgrammeSelect
          ctx={ctx}
          name="programCode"
          label={t('capitalProgrammeChoice')}
          programmes={props.programmes}
          state={state}
        />
        <button type="submit">{t('capitalCreate')}</button>
      </form>
    </section>
  );
}

/** Amount, date, decision number and note: what an entrustment, a top-up and a recall all record. */
function EntryFields({ ctx, prefix, state }: { ctx: PageContext; prefix: string; state: CapitalFormState }) {
  const { t } = ctx;
  const { values, errors } = state;
  return (
    <>
      <Field
        name="amount"
        idPrefix={prefix}
        label={t('capitalAmountVnd')}
        hint={t('capitalAmountHint')}
        errors={errors}
      >
        {(attrs) => <input {...attrs} required inputMode="numeric" value={values.amount ?? ''} />}
      </Field>
      <Field name="on" idPrefix={prefix} label={t('capitalDateOn')} hint={t('capitalDateHint')} errors={errors}>
        {(attrs) => <input {...attrs} required value={values.on ?? ''} />}
      </Field>
      <Field
        name="decisionNumber"
        idPrefix={prefix}
        label={t('capitalDecisionNumber')}
        hint={t('capitalDecisionHint')}
        errors={errors}
      >
        {(attrs) => <input {...attrs} required value={values.decisionNumber ?? ''} />}
      </Field>
      <Field name="note" idPrefix={prefix} label={t('capitalNote')} errors={errors}>
        {(attrs) => <textarea {...attrs} rows={2} value={values.note ?? ''} />}
      </Field>
    </>
  );
}

const sourcePath = (code: string, action: string) => `/capital/${encodeURIComponent(code)}/${action}`;

export function EntrustmentForm({ ctx, code, state }: { ctx: PageContext; code: string; state: CapitalFormState }) {
  const { t } = ctx;
  const kind = state.values.kind ?? 'entrust';
  return (
    <section aria-labelledby="entrust-title">
      <h2 id="entrust-title">{t('capitalEntrustTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} general={state.general} idPrefix="entrust-" />
      <form method="post" action={sourcePath(code, 'entrustments')} class="narrow" aria-labelledby="entrust-title">
        <CsrfField ctx={ctx} />
        <Field name="kind" idPrefix="entrust-" label={t('capitalEntryKind')} errors={state.errors}>
          {(attrs) => (
            <select {...attrs}>
              <option value="entrust" selected={kind === 'entrust'}>
                {t('movement_entrust')}
              </option>
              <option value="top-up" selected={kind === 'top-up'}>
                {t('movement_top-up')}
              </option>
            </select>
          )}
        </Field>
        <EntryFields ctx={ctx} prefix="entrust-" state={state} />
        <button type="submit">{t('capitalEntrustButton')}</button>
      </form>
    </section>
  );
}

export function RecallForm({ ctx, code, state }: { ctx: PageContext; code: string; state: CapitalFormState }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="recall-title">
      <h2 id="recall-title">{t('capitalRecallTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} general={state.general} idPrefix="recall-" />
      <form method="post" action={sourcePath(code, 'recalls')} class="narrow" aria-labelledby="recall-title">
        <CsrfField ctx={ctx} />
        <EntryFields ctx={ctx} prefix="recall-" state={state} />
        <button type="submit">{t('capitalRecallButton')}</button>
      </form>
    </section>
  );
}

export function PlanForm(props: {
  ctx: PageContext;
  code: string;
  state: CapitalFormState;
  programmes: readonly ProgrammeChoice[];
  year: number;
}) {
  const { ctx, state } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('capitalPlanTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} general={state.general} idPrefix="plan-" />
      <form method="post" action={sourcePath(props.code, 'plans')} class="narrow" aria-labelledby="plan-title">
        <CsrfField ctx={ctx} />
        <Field name="year" idPrefix="plan-" label={t('capitalYear')} errors={state.errors}>
          {(attrs) => <input {...attrs} required inputMode="numeric" value={state.values.year ?? String(props.year)} />}
        </Field>
        <ProgrammeSelect
          ctx={ctx}
          name="programCode"
          idPrefix="plan-"
          label={t('capitalPlanProgramme')}
          programmes={props.programmes}
          state={state}
        />
        <Field
          name="amount"
          idPrefix="plan-"
          label={t('capitalAmountVnd')}
          hint={t('capitalAmountHint')}
          errors={state.errors}
        >
          {(attrs) => <input {...attrs} required inputMode="numeric" value={state.values.amount ?? ''} />}
        </Field>
        <button type="submit">{t('capitalPlanButton')}</button>
      </form>
    </section>
  );
}
