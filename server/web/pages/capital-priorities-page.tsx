/**
 * Each programme's order of capital sources: the sources it may draw on, with their rank. The bank manager (and
 * the administrator) types a number per source, one form per programme; everyone else reads the order.
 */
import type { CapitalSourceView } from '../../domain/capital/views.js';
import { formatMoney } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';
import { Notice } from '../page-parts.js';
import { KIND_LABEL } from './capital-page.js';

export interface ProgrammePriority {
  code: string;
  name: string;
  /** The sources the programme may draw on, ranked ones first in their order. */
  sources: CapitalSourceView[];
  /** Rank by source code, as saved or (after a refusal) as typed. */
  ranks: Record<string, string>;
  errors: FieldMessages;
  general: string[];
}

export const rankField = (code: string): string => `rank.${code}`;

function PriorityTable({
  ctx,
  programme,
  editable,
}: {
  ctx: PageContext;
  programme: ProgrammePriority;
  editable: boolean;
}) {
  const { t, lang } = ctx;
  return (
    <table>
      <caption class="visually-hidden">
        {t('capitalPriorities')}: {programme.name}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('capitalRank')}</th>
          <th scope="col">{t('capitalName')}</th>
          <th scope="col">{t('capitalKind')}</th>
          <th scope="col">{t('capitalArea')}</th>
          <th scope="col" class="num">
            {t('capitalAvailable')}
          </th>
        </tr>
      </thead>
      <tbody>
        {programme.sources.map((source) => {
          const name = rankField(source.code);
          const id = `rank-${programme.code}-${source.code}`;
          const error = programme.errors[name];
          return (
            <tr key={source.code} class={error ? 'has-error' : undefined}>
              <td>
                {editable ? (
                  <>
                    <label for={id} class="visually-hidden">
                      {t('capitalRankOf').replace('{code}', source.code)}
                    </label>
                    {error ? (
                      <p class="field-error" id={`${id}-error`}>
                        {error}
                      </p>
                    ) : null}
                    <input
                      id={id}
                      name={name}
                      class="narrow-number"
                      inputMode="numeric"
                      size={3}
                      value={programme.ranks[source.code] ?? ''}
                      {...(error ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {})}
                    />
                  </>
                ) : (
                  (programme.ranks[source.code] ?? '–')
                )}
              </td>
              <td>
                <a href={`/capital/${encodeURIComponent(source.code)}`}>{source.name}</a>
                <br />
                <span class="code">{source.code}</span>
              </td>
              <td>{t(KIND_LABEL[source.kind])}</td>
              <td>{source.wardCode ?? source.district}</td>
              <td class="num">{formatMoney(source.available, lang)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function CapitalPrioritiesPage(props: {
  ctx: PageContext;
  programmes: ProgrammePriority[];
  editable: boolean;
  notice?: string | undefined;
}) {
  const { ctx, editable } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('capitalPriorities')}>
      <p>
        <a href="/capital">{t('capitalBack')}</a>
      </p>
      <h1>{t('capitalPriorities')}</h1>
      <Notice text={props.notice} />
      <p>{t('capitalPrioritiesLead')}</p>
      {props.programmes.map((programme) => {
        const titleId = `priority-${programme.code}`;
        return (
          <section key={programme.code} aria-labelledby={titleId}>
            <h2 id={titleId}>
              {programme.name} <span class="code">{programme.code}</span>
            </h2>
            {programme.sources.length === 0 ? (
              <p>{t('capitalNoSources')}</p>
            ) : editable ? (
              <>
                <ErrorSummary
                  ctx={ctx}
                  errors={{}}
                  general={[...new Set([...programme.general, ...Object.values(programme.errors)])]}
                />
                <form method="post" action={`/capital/priorities/${encodeURIComponent(programme.code)}`}>
                  <CsrfField ctx={ctx} />
                  <PriorityTable ctx={ctx} programme={programme} editable />
                  <button type="submit">{t('capitalPrioritySave').replace('{programme}', programme.name)}</button>
                </form>
              </>
            ) : (
              <PriorityTable ctx={ctx} programme={programme} editable={false} />
            )}
          </section>
        );
      })}
    </Layout>
  );
}
