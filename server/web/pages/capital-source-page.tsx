/** One capital source: its figures, its yearly plans and its ledger, oldest first. */
import type { CapitalSourceDetail } from '../../domain/capital/views.js';
import { formatDate, formatMoney } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import type { LabelKey } from '../labels.js';
import { Facts, Notice } from '../page-parts.js';
import { Layout } from '../layout.js';
import { EntrustmentForm, PlanForm, RecallForm, type CapitalFormState, type ProgrammeChoice } from './capital-forms.js';
import { KIND_LABEL } from './capital-page.js';

/** The source's three forms, for the bank manager and the administrator only. */
export interface SourceManage {
  entrust: CapitalFormState;
  recall: CapitalFormState;
  plan: CapitalFormState;
  programmes: ProgrammeChoice[];
  /** The year the plan form starts with: this year. */
  year: number;
}

export function CapitalSourcePage(props: {
  ctx: PageContext;
  source: CapitalSourceDetail;
  notice?: string | undefined;
  manage?: SourceManage | undefined;
}) {
  const { ctx, source, manage } = props;
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={source.name}>
      <p>
        <a href="/capital">{t('capitalBack')}</a>
      </p>
      <h1>{source.name}</h1>
      <Notice text={props.notice} />
      <Facts
        facts={[
          [t('capitalCode'), source.code],
          [t('capitalKind'), t(KIND_LABEL[source.kind])],
          [t('capitalArea'), source.wardCode ? `${source.wardCode}, ${source.district}` : source.district],
          [t('capitalProgramme'), source.programCode ?? t('capitalEveryProgramme')],
          [t('capitalTotal'), formatMoney(source.capital, lang)],
          [t('capitalReserved'), formatMoney(source.reserved, lang)],
          [t('capitalOutstanding'), formatMoney(source.outstanding, lang)],
          [t('capitalAvailable'), formatMoney(source.available, lang)],
        ]}
      />
      {source.plans.length > 0 ? (
        <section aria-labelledby="plans-title">
          <h2 id="plans-title">{t('capitalPlans')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('capitalYear')}</th>
                <th scope="col">{t('capitalProgramme')}</th>
                <th scope="col" class="num">
                  {t('capitalAmount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {source.plans.map((plan) => (
                <tr key={`${plan.year}-${plan.programCode}`}>
                  <td>{plan.year}</td>
                  <td>{plan.programCode}</td>
                  <td class="num">{formatMoney(plan.amount, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section aria-labelledby="ledger-title">
        <h2 id="ledger-title">{t('capitalLedger')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('capitalOn')}</th>
              <th scope="col">{t('capitalMovement')}</th>
              <th scope="col">{t('capitalDecision')}</th>
              <th scope="col" class="num">
                {t('capitalAmount')}
              </th>
              <th scope="col" class="num">
                {t('capitalAfter')}
              </th>
            </tr>
          </thead>
          <tbody>
            {source.movements.map((m, index) => (
              <tr key={index}>
                <td>{formatDate(m.on)}</td>
                <td>{t(`movement_${m.kind}` as LabelKey)}</td>
                <td>{m.decisionNumber ?? ''}</td>
                <td class="num">{formatMoney(m.amount, lang)}</td>
                <td class="num">{formatMoney(m.capitalAfter - m.reservedAfter - m.outstandingAfter, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {manage ? (
        <>
          <EntrustmentForm ctx={ctx} code={source.code} state={manage.entrust} />
          <RecallForm ctx={ctx} code={source.code} state={manage.recall} />
          <PlanForm
            ctx={ctx}
            code={source.code}
            state={manage.plan}
            programmes={manage.programmes.filter((p) => !source.programCode || p.code === source.programCode)}
            year={manage.year}
          />
        </>
      ) : null}
    </Layout>
  );
}
