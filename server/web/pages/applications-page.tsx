/** The applications list: filters and a search as one GET form, the table, and paging links that keep both. */
import {
  APPLICATION_STATUSES,
  STATUS_LABELS,
  STEP_LABELS,
  STEP_NAMES,
  type ApplicationStatus,
  type StepName,
} from '../../../workflows/domain.js';
import type { ListedApplication } from '../../domain/applications/index.js';
import { formatDate } from '../../domain/format.js';
import type { GroupChoice, WardChoice } from '../../domain/reference-data.js';
import type { ListApplicationsQuery } from '../../http/schemas.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';
import { DataTable } from '../page-parts.js';
import { FilterChoice, PageSizeField, Pager, listPageHref } from './list-parts.js';

export interface ApplicationsPageData {
  query: ListApplicationsQuery;
  rows: ListedApplication[];
  total: number;
  wards: WardChoice[];
  groups: GroupChoice[];
}

const DEFAULT_PAGE_SIZE = 20;

/** The list's address for another page, keeping every filter given. */
const pageHref = (query: ListApplicationsQuery, page: number): string =>
  listPageHref(
    '/applications',
    { ward: query.ward, group: query.group, step: query.step, status: query.status, q: query.q },
    { page, pageSize: query.pageSize, defaultPageSize: DEFAULT_PAGE_SIZE },
  );

export function ApplicationsPage({ ctx, data }: { ctx: PageContext; data: ApplicationsPageData }) {
  const { t, lang } = ctx;
  const { query, rows, total } = data;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const all = t('listAll');
  return (
    <Layout ctx={ctx} title={t('listTitle')}>
      <h1>{t('listTitle')}</h1>
      <p class="lead">{t('listLead')}</p>
      <form
        method="get"
        action="/applications"
        class="filter list-filter"
        role="search"
        hx-get="/applications"
        hx-target="#results"
        hx-select="#results"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <div class="field search">
          <label for="f-q">{t('listSearch')}</label>
          <p class="hint" id="f-q-hint">
            {t('listSearchHint')}
          </p>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} aria-describedby="f-q-hint" />
        </div>
        <FilterChoice
          name="ward"
          label={t('listWard')}
          all={all}
          options={data.wards.map((ward) => ({ value: ward.code, label: ward.name }))}
          selected={query.ward}
        />
        <FilterChoice
          name="group"
          label={t('listGroup')}
          all={all}
          options={data.groups.map((group) => ({ value: group.code, label: `${group.name} (${group.village})` }))}
          selected={query.group}
        />
        <FilterChoice
          name="step"
          label={t('colStep')}
          all={all}
          options={STEP_NAMES.map((step) => ({ value: step, label: t(STEP_LABELS[step]) }))}
          selected={query.step}
        />
        <FilterChoice
          name="status"
          label={t('listStatus')}
          all={all}
          options={APPLICATION_STATUSES.map((status) => ({ value: status, label: t(STATUS_LABELS[status]) }))}
          selected={query.status}
        />
        <PageSizeField pageSize={query.pageSize} defaultPageSize={DEFAULT_PAGE_SIZE} />
        <button type="submit">{t('listApply')}</button>
      </form>
      <section id="results" aria-labelledby="results-title">
        <h2 id="results-title">
          {t('listCount')}: {total}
        </h2>
        {rows.length === 0 ? (
          <p class="empty">{t('listEmpty')}</p>
        ) : (
          <DataTable
            caption={t('listTitle')}
            rows={rows}
            rowKey={(row) => row.id}
            rowClass={(row) => (row.overdue ? 'overdue' : undefined)}
            columns={[
              {
                header: t('colApplication'),
                class: 'code',
                cell: (row) => <a href={`/applications/${encodeURIComponent(row.code)}`}>{row.code}</a>,
              },
              { header: t('colBorrower'), cell: (row) => row.borrowerName },
              { header: t('colProgramme'), cell: (row) => (lang === 'vi' ? row.program.nameVi : row.program.nameEn) },
              {
                header: t('colStep'),
                cell: (row) => (row.currentStep ? t(STEP_LABELS[row.currentStep as StepName]) : '—'),
              },
              { header: t('colStatus'), cell: (row) => t(STATUS_LABELS[row.status as ApplicationStatus]) },
              {
                header: t('colDueOn'),
                cell: (row) => (
                  <>
                    {row.dueOn ? formatDate(row.dueOn) : '—'}
                    {row.overdue ? <span class="tag tag-overdue">{t('overdue')}</span> : null}
                  </>
                ),
              },
            ]}
          />
        )}
        <Pager ctx={ctx} page={query.page} pages={pages} href={(page) => pageHref(query, page)} />
      </section>
    </Layout>
  );
}
