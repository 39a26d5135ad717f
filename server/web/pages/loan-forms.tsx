/**
 * The forms of a loan's page, each shown only to the role that acts: principal at the transaction point and early
 * repayment (bank credit officer), extension (bank manager), the use check (association officer). The field names
 * are the API bodies', so a refusal lands beside its field; what was typed comes back with it.
 */
import { formatDate, formatMoney } from '../../domain/format.js';
import type { LoanDetailView } from '../../domain/loans/index.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import type { LabelKey } from '../labels.js';
import { CsrfField } from '../layout.js';
import { fill } from './meeting-ballots.js';

export const LOAN_FORMS = ['principal', 'early', 'extension', 'use-check'] as const;
export type LoanFormName = (typeof LOAN_FORMS)[number];

/** A form sent back with its refusal: which one, what was typed, and the messages. */
export interface SentLoanForm {
  form: LoanFormName;
  values: Record<string, string>;
  errors: FieldMessages;
  general: string[];
}

interface FormProps {
  ctx: PageContext;
  loan: LoanDetailView;
  /** What the form starts with when nothing was sent. */
  initial: Record<string, string>;
  sent: SentLoanForm | undefined;
}

/** The form's own state: the values typed and its refusal if it was the one sent, else its initial values. */
function stateOf(name: LoanFormName, props: FormProps) {
  const sent = props.sent?.form === name ? props.sent : undefined;
  return { values: sent?.values ?? props.initial, errors: sent?.errors ?? {}, general: sent?.general ?? [], sent };
}

const action = (loan: LoanDetailView, path: string) => `/loans/${encodeURIComponent(loan.id)}/${path}`;

function AmountField(props: {
  ctx: PageContext;
  prefix: string;
  hint: LabelKey;
  value: string;
  errors: FieldMessages;
}) {
  return (
    <Field
      name="amount"
      idPrefix={props.prefix}
      label={props.ctx.t('paymentAmount')}
      hint={props.ctx.t(props.hint)}
      errors={props.errors}
    >
      {(attrs) => <input {...attrs} class="short" inputMode="numeric" autoComplete="off" value={props.value} />}
    </Field>
  );
}

export function PrincipalForm(props: FormProps) {
  const { ctx, loan } = props;
  const { t } = ctx;
  const { values, errors, general } = stateOf('principal', props);
  return (
    <section aria-labelledby="principal-title" class="panel">
      <h2 id="principal-title">{t('principalTitle')}</h2>
      <p>{t('principalLead')}</p>
      <form method="post" action={action(loan, 'principal-payments')}>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={errors} general={general} idPrefix="principal-" />
        <AmountField
          ctx={ctx}
          prefix="principal-"
          hint="principalAmountHint"
          value={values.amount ?? ''}
          errors={errors}
        />
        <button type="submit">{t('principalButton')}</button>
      </form>
    </section>
  );
}

/** Behind a disclosure and a ticked confirmation: it closes the loan for good. */
export function EarlyRepaymentForm(props: FormProps) {
  const { ctx, loan } = props;
  const { t } = ctx;
  const { values, errors, general, sent } = stateOf('early', props);
  return (
    <section aria-labelledby="early-title" class="panel">
      <h2 id="early-title">{t('earlyTitle')}</h2>
      <details class="confirm-close" open={sent !== undefined}>
        <summary>{t('earlyOpen')}</summary>
        <p>{t('earlyWarning')}</p>
        <form method="post" action={action(loan, 'early-repayment')}>
          <CsrfField ctx={ctx} />
          <ErrorSummary ctx={ctx} errors={errors} general={general} idPrefix="early-" />
          <AmountField ctx={ctx} prefix="early-" hint="earlyAmountHint" value={values.amount ?? ''} errors={errors} />
          <div class={errors.confirm ? 'field has-error' : 'field'}>
            {errors.confirm ? (
              <p class="field-error" id="early-f-confirm-error">
                {errors.confirm}
              </p>
            ) : null}
            <label class="choice" for="early-f-confirm">
              <input
                type="checkbox"
                id="early-f-confirm"
                name="confirm"
                value="true"
                checked={values.confirm === 'true'}
                aria-describedby={errors.confirm ? 'early-f-confirm-error' : undefined}
              />
              {t('earlyConfirm')}
            </label>
          </div>
          <button type="submit" class="warning">
            {t('earlyButton')}
          </button>
        </form>
      </details>
    </section>
  );
}

export function ExtensionForm(props: FormProps) {
  const { ctx, loan } = props;
  const { t, lang } = ctx;
  const { values, errors, general } = stateOf('extension', props);
  const open = loan.instalments.filter((i) => i.status !== 'PAID');
  return (
    <section aria-labelledby="extension-title" class="panel">
      <h2 id="extension-title">{t('extensionTitle')}</h2>
      <form method="post" action={action(loan, 'extensions')}>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={errors} general={general} idPrefix="extension-" />
        <Field name="instalmentNo" idPrefix="extension-" label={t('extensionInstalment')} errors={errors}>
          {(attrs) => (
            <select {...attrs}>
              {open.map((i) => (
                <option value={String(i.no)} key={i.no} selected={values.instalmentNo === String(i.no)}>
                  {fill(t('extensionInstalmentOption'), {
                    no: i.no,
                    date: formatDate(i.dueOn),
                    amount: formatMoney(i.principal - i.paidPrincipal, lang),
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="newDueOn"
          idPrefix="extension-"
          label={t('extensionNewDueOn')}
          hint={t('extensionNewDueOnHint')}
          errors={errors}
        >
          {(attrs) => <input {...attrs} class="short" autoComplete="off" value={values.newDueOn ?? ''} />}
        </Field>
        <Field name="wardChairComment" idPrefix="extension-" label={t('extensionComment')} errors={errors}>
          {(attrs) => <textarea {...attrs} rows={3} maxLength={1000} value={values.wardChairComment ?? ''} />}
        </Field>
        <Field name="bankDecision" idPrefix="extension-" label={t('extensionDecisionField')} errors={errors}>
          {(attrs) => <input {...attrs} maxLength={200} autoComplete="off" value={values.bankDecision ?? ''} />}
        </Field>
        <button type="submit">{t('extensionButton')}</button>
      </form>
    </section>
  );
}

const OUTCOMES = ['as-planned', 'misused'] as const;

export function UseCheckForm(props: FormProps) {
  const { ctx, loan } = props;
  const { t } = ctx;
  const { values, errors, general } = stateOf('use-check', props);
  return (
    <section aria-labelledby="use-check-title" class="panel">
      <h2 id="use-check-title">{t('useCheckTitle')}</h2>
      <form method="post" action={action(loan, 'use-check')}>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} errors={errors} general={general} idPrefix="use-check-" />
        <fieldset class={errors.outcome ? 'field has-error' : 'field'} id="use-check-f-outcome" tabIndex={-1}>
          <legend>{t('useCheckOutcome')}</legend>
          {errors.outcome ? <p class="field-error">{errors.outcome}</p> : null}
          {OUTCOMES.map((outcome) => (
            <label class="choice" key={outcome}>
              <input type="radio" name="outcome" value={outcome} checked={values.outcome === outcome} />
              {t(`useCheck_${outcome}`)}
            </label>
          ))}
        </fieldset>
        <Field name="note" idPrefix="use-check-" label={t('useCheckNote')} errors={errors}>
          {(attrs) => <textarea {...attrs} rows={3} maxLength={2000} value={values.note ?? ''} />}
        </Field>
        <button type="submit">{t('useCheckButton')}</button>
      </form>
    </section>
  );
}
