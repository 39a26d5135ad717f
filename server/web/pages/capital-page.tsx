/** The capital sources of the officer's districts, each with capital, reserved, outstanding and available. */
import type { CapitalSourceView } from '../../domain/capital/views.js';
import { formatMoney } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import type { LabelKey } from '../labels.js';
import { Layout } from '../layout.js';
import { Notice } from '../page-parts.js';
import { NewSourceForm, type CapitalFormState, type ProgrammeChoice } from './capital-forms.js';

export const KIND_LABEL: Record<CapitalSourceView['kind'], LabelKey> = {
  central: 'capitalKindCentral',
  local: 'capitalKindLocal',
};

/** The new-source form, for the bank manager and the administrator only. */
export interface CapitalManage {
  state: CapitalFormState;
  programmes: ProgrammeChoice[];
  /** The district the form starts with: the one district of the sources listed, if there is one. */
  district: string;
}

export function CapitalPage(props: {
  ctx: PageContext;
  sources: CapitalSourceView[];
  notice?: string | undefined;
  manage?: CapitalManage | undefined;
}) {
  const { ctx, sources, manage } = props;
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('capitalTitle')}>
      <h1>{t('capitalTitle')}</h1>
      <Notice text={props.notice} />
      {sources.length === 0 ? (
        <p>{t('capitalNone')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('capitalTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('capitalName')}</th>
              <th scope="col">{t('capitalKind')}</th>
              <th scope="col">{t('capitalArea')}</th>
              <th scope="col" class="num">
                {t('capitalTotal')}
              </th>
              <th scope="col" class="num">
                {t('capitalReserved')}
              </th>
              <th scope="col" class="num">
                {t('capitalOutstanding')}
              </th>
              <th scope="col" class="num">
                {t('capitalAvailable')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.code}>
                <td>
                  <a href={`/capital/${encodeURIComponent(source.code)}`}>{source.name}</a>
                  <br />
                  <span class="code">{source.code}</span>
                </td>
                <td>{t(KIND_LABEL[source.kind])}</td>
                <td>{source.wardCode ?? source.district}</td>
                <td class="num">{formatMoney(source.capital, lang)}</td>
                <td class="num">{formatMoney(source.reserved, lang)}</td>
                <td class="num">{formatMoney(source.outstanding, lang)}</td>
                <td class="num">{formatMoney(source.available, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/capital/priorities">{t('capitalPrioritiesLink')}</a>
      </p>
      {manage ? (
        <NewSourceForm ctx={ctx} state={manage.state} programmes={manage.programmes} district={manage.district} />
      ) : null}
    </Layout>
  );
}
