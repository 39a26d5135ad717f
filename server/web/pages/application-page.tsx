/**
 * One application as an officer sees it: as filed, the current step (take it, then its decision form) and the
 * history of every event with its actor.
 */
import { CATEGORY_LABELS, STATUS_LABELS, STEP_LABELS, type HouseholdCategory } from '../../../workflows/domain.js';
import { formatDate, formatDateTime, formatMoney } from '../../domain/format.js';
import type { checkAgainstRegistry } from '../../domain/registry/check.js';
import type { ApplicationView } from '../../http/views/application-view.js';
import type { PageContext } from '../context.js';
import { EVENT_LABELS, OUTCOME_LABELS } from '../event-labels.js';
import { CsrfField, Layout } from '../layout.js';
import { CodeHeading, Facts, type Fact } from '../page-parts.js';
import { DecisionForm, type DecisionFormData } from './decision-forms.js';

export interface ApplicationPageData {
  view: ApplicationView;
  /** Whether this officer's role acts on the current step at its current stage. */
  mayAct: boolean;
  notice?: string | undefined;
  general?: string[];
  decision?: DecisionFormData | undefined;
  /** What the ward's household list says, while ward verification is the current step. */
  registryCheck?: RegistryCheck | undefined;
}

type RegistryCheck = Awaited<ReturnType<typeof checkAgainstRegistry>>;

function RegistryFacts({ ctx, check }: { ctx: PageContext; check: RegistryCheck }) {
  const { t } = ctx;
  const r = check.registry;
  return (
    <section aria-labelledby="registry-title" class="panel">
      <h3 id="registry-title">{t('registryCheck')}</h3>
      {r.found ? (
        <Facts
          facts={[
            [t('registryFound'), r.householdId],
            [t('registryCategory'), r.category ? t(CATEGORY_LABELS[r.category]) : ''],
            [t('registryListed'), r.listedOn ? formatDate(r.listedOn) : ''],
            [
              t('registryExpires'),
              <>
                {r.expiresOn ? formatDate(r.expiresOn) : ''}{' '}
                <span class="tag">
                  {t(r.expired ? 'registryExpired' : r.active ? 'registryCurrent' : 'registryNotYet')}
                </span>
              </>,
            ],
          ]}
        />
      ) : (
        <p>{t('registryNotFound')}</p>
      )}
    </section>
  );
}

/** The ward-verification form's values from the check, until the officer has typed their own. */
function prefilled(check: RegistryCheck | undefined): Record<string, string> {
  if (!check) return {};
  const { outcome, residenceConfirmed, listedCategory, reason } = check.prefill;
  return { outcome, residenceConfirmed: residenceConfirmed ? 'true' : '', listedCategory, reason: reason ?? '' };
}

function AsFiled({ ctx, view }: { ctx: PageContext; view: ApplicationView }) {
  const { t, lang } = ctx;
  const facts: Fact[] = [
    [t('programme'), t(view.programName)],
    [t('status'), t(STATUS_LABELS[view.status])],
    [t('ward'), view.wardCode],
    [t('group'), view.groupCode],
    [t('householdCategory'), t(CATEGORY_LABELS[view.householdCategory as HouseholdCategory])],
    [t('fullName'), view.borrower.fullName],
    [t('citizenId'), view.borrower.citizenId],
    [t('dateOfBirth'), formatDate(view.borrower.dateOfBirth)],
    [t('requested'), `${formatMoney(view.amount, lang)}, ${view.termMonths} ${t('months')}`],
    [t('purpose'), view.purpose],
    [t('usePlan'), view.usePlan],
    [t('submittedOn'), formatDate(view.submittedAt)],
  ];
  return <Facts facts={facts} />;
}

function CurrentStep({ ctx, data }: { ctx: PageContext; data: ApplicationPageData }) {
  const { t, lang, officer } = ctx;
  const { view } = data;
  if (view.status !== 'IN_PROGRESS' || !view.currentStep) return null;
  const step = view.currentStep;
  const mine = view.holder?.username === officer?.username;
  return (
    <section aria-labelledby="step-title" class="panel">
      <h2 id="step-title">
        {t('currentStep')}: {t(STEP_LABELS[step])}
      </h2>
      <Facts
        facts={[
          [
            t('colDueOn'),
            <>
              {formatDate(view.dueOn)}
              {view.overdue ? <span class="tag tag-overdue">{t('overdue')}</span> : null}
            </>,
          ],
          [t('heldBy'), view.holder ? view.holder.username : t('nobodyHolds')],
          view.capitalShortfall && [t('capitalShortfall'), view.capitalShortfall],
          view.proposal && [
            t('proposal'),
            `${formatMoney(view.proposal.amount, lang)}, ${view.proposal.termMonths} ${t('months')} (${view.proposal.by})`,
          ],
        ]}
      />
      {data.mayAct && !mine ? (
        <form method="post" action={`/applications/${encodeURIComponent(view.code)}/steps/${step}/start`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t('takeStep')}</button>
        </form>
      ) : null}
      {data.registryCheck ? <RegistryFacts ctx={ctx} check={data.registryCheck} /> : null}
      {data.mayAct && mine ? (
        <>
          <h3>{t('decide')}</h3>
          {data.registryCheck && !data.decision ? <p>{t('registryPrefilled')}</p> : null}
          <DecisionForm
            ctx={ctx}
            manager={step === 'bank-approval' && view.proposal !== null}
            data={
              data.decision ?? {
                code: view.code,
                step,
                values: prefilled(data.registryCheck),
                errors: {},
                general: [],
              }
            }
          />
        </>
      ) : null}
    </section>
  );
}

export function ApplicationPage({ ctx, data }: { ctx: PageContext; data: ApplicationPageData }) {
  const { t, view } = { t: ctx.t, view: data.view };
  return (
    <Layout ctx={ctx} title={`${t('applicationTitle')} ${view.code}`}>
      <CodeHeading title={t('applicationTitle')} code={view.code} notice={data.notice} />
      {data.general?.length ? (
        <div class="error-summary" role="alert">
          {data.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      <h2>{t('asFiled')}</h2>
      <AsFiled ctx={ctx} view={view} />
      <CurrentStep ctx={ctx} data={data} />
      <h2>{t('history')}</h2>
      <ol class="history">
        {view.history.map((entry) => (
          <li key={entry.seq}>
            <span class="when">{formatDateTime(entry.at)}</span> <strong>{t(EVENT_LABELS[entry.type])}</strong>
            {entry.step ? ` – ${t(STEP_LABELS[entry.step])}` : ''}
            {entry.outcome ? ` – ${t(OUTCOME_LABELS[entry.outcome])}` : ''}
            <span class="actor"> · {entry.actor.displayName || entry.actor.username}</span>
            {entry.reason ? <p class="reason">{entry.reason}</p> : null}
          </li>
        ))}
      </ol>
      <p>
        <a href={`/applications/${encodeURIComponent(view.code)}/audit.csv`} download>
          {t('auditCsv')}
        </a>
      </p>
      <p>
        <a href={`/applications/${encodeURIComponent(view.code)}/forms/01-td.pdf`} download>
          {t('form01Pdf')}
        </a>
      </p>
    </Layout>
  );
}
