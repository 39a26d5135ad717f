/**
 * The applicant's page: the steps as a timeline, what happens next and when, the transaction day and place
 * once approved, and the amend and withdraw forms while the application is open. Nothing names an officer.
 */
import { formatDate, formatMoney, formatPercent } from '../../domain/format.js';
import type { StatusView } from '../../http/views/status-view.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { CodeHeading, Facts } from '../page-parts.js';

export interface StatusPageData {
  view: StatusView;
  last4: string;
  transactionPoint: string;
  notice?: string | undefined;
  /** Which form was refused, with its messages and what was typed. */
  refused?: { form: 'amend' | 'withdraw'; errors: FieldMessages; general: string[]; values: Record<string, string> };
}

function Timeline({ ctx, view }: { ctx: PageContext; view: StatusView }) {
  // A returned application waits on the applicant, not on its step's officers.
  const current = view.status === 'RETURNED' ? ctx.t('stepReturned') : ctx.t('stepCurrent');
  const stateLabel = { done: ctx.t('stepDone'), current, pending: ctx.t('stepPending') };
  return (
    <ol class="timeline">
      {view.steps.map((step) => (
        <li
          key={step.step}
          class={`step step-${step.state}`}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <span class="step-name">{ctx.t(step.label)}</span>
          <span class="step-state">
            {stateLabel[step.state]}
            {step.completedAt ? ` – ${formatDate(step.completedAt)}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

function ProofField(props: { ctx: PageContext; form: string; errors: FieldMessages; value: string }) {
  const { ctx, errors, value } = props;
  return (
    <Field
      name="citizenId"
      idPrefix={`${props.form}-`}
      label={ctx.t('fullCitizenId')}
      hint={ctx.t('fullCitizenIdHint')}
      errors={errors}
    >
      {(attrs) => <input {...attrs} inputMode="numeric" maxLength={12} required autocomplete="off" value={value} />}
    </Field>
  );
}

function AmendForm({ ctx, data }: { ctx: PageContext; data: StatusPageData }) {
  const { t } = ctx;
  const refused = data.refused?.form === 'amend' ? data.refused : undefined;
  const errors = refused?.errors ?? {};
  const value = (name: string) => refused?.values[name] ?? '';
  return (
    <section aria-labelledby="amend-title" class="panel">
      <h2 id="amend-title">{t('amendTitle')}</h2>
      <p class="hint">{t('amendHint')}</p>
      <ErrorSummary ctx={ctx} errors={errors} general={refused?.general ?? []} idPrefix="amend-" />
      <form method="post" action="/status/amend">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="code" value={data.view.code} />
        <input type="hidden" name="last4" value={data.last4} />
        <Field name="amount" idPrefix="amend-" label={t('amountVnd')} errors={errors}>
          {(attrs) => <input {...attrs} inputMode="numeric" value={value('amount')} />}
        </Field>
        <Field name="termMonths" idPrefix="amend-" label={t('termMonths')} errors={errors}>
          {(attrs) => <input {...attrs} class="short" inputMode="numeric" value={value('termMonths')} />}
        </Field>
        <Field name="purpose" idPrefix="amend-" label={t('purpose')} errors={errors}>
          {(attrs) => <input {...attrs} value={value('purpose')} />}
        </Field>
        <Field name="usePlan" idPrefix="amend-" label={t('usePlan')} errors={errors}>
          {(attrs) => <textarea {...attrs} rows={3} value={value('usePlan')} />}
        </Field>
        <ProofField ctx={ctx} form="amend" errors={errors} value={value('citizenId')} />
        <button type="submit">{t('amendButton')}</button>
      </form>
    </section>
  );
}

function WithdrawForm({ ctx, data }: { ctx: PageContext; data: StatusPageData }) {
  const refused = data.refused?.form === 'withdraw' ? data.refused : undefined;
  return (
    <section aria-labelledby="withdraw-title" class="panel">
      <h2 id="withdraw-title">{ctx.t('withdrawTitle')}</h2>
      <p class="hint">{ctx.t('withdrawHint')}</p>
      <ErrorSummary ctx={ctx} errors={refused?.errors ?? {}} general={refused?.general ?? []} idPrefix="withdraw-" />
      <form method="post" action="/status/withdraw">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="code" value={data.view.code} />
        <input type="hidden" name="last4" value={data.last4} />
        <ProofField ctx={ctx} form="withdraw" errors={refused?.errors ?? {}} value={refused?.values.citizenId ?? ''} />
        <button type="submit" class="secondary">
          {ctx.t('withdrawButton')}
        </button>
      </form>
    </section>
  );
}

export function StatusPage({ ctx, data }: { ctx: PageContext; data: StatusPageData }) {
  const { t, lang } = ctx;
  const { view } = data;
  const open = view.status === 'IN_PROGRESS' || view.status === 'RETURNED';
  return (
    <Layout ctx={ctx} title={`${t('applicationTitle')} ${view.code}`}>
      <CodeHeading title={t('applicationTitle')} code={view.code} notice={data.notice} />
      <Facts
        facts={[
          [t('programme'), t(view.programName)],
          [t('status'), <strong>{t(view.statusLabel)}</strong>],
          [t('submittedOn'), formatDate(view.submittedAt)],
          view.dueOn && view.status === 'IN_PROGRESS' && [t('dueOn'), formatDate(view.dueOn)],
          view.returnReason && view.status === 'RETURNED' && [t('returnReason'), view.returnReason],
          view.approved && [
            t('approvedLoan'),
            <>
              {formatMoney(view.approved.amount, lang)}, {view.approved.termMonths} {t('months')},{' '}
              {formatPercent(view.approved.annualRatePercent, lang)}
              {t('perYear')}
            </>,
          ],
          view.disbursementOn && [t('transactionDay'), formatDate(view.disbursementOn)],
          view.disbursementOn && [t('transactionPoint'), data.transactionPoint],
        ]}
      />
      <p>
        <a href={`/status/${encodeURIComponent(view.code)}/forms/01-td.pdf`} download>
          {t('statusForm01Link')}
        </a>
      </p>
      <h2>{t('nextAction')}</h2>
      <p class="next-action">{t(view.nextAction)}</p>
      <h2>{t('steps')}</h2>
      <Timeline ctx={ctx} view={view} />
      {view.status === 'RETURNED' ? <AmendForm ctx={ctx} data={data} /> : null}
      {open ? <WithdrawForm ctx={ctx} data={data} /> : null}
    </Layout>
  );
}
