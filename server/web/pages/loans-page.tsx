/** The loans list: the filters as one GET form, the table, and paging links that keep the filters. */
import { formatDate, formatMoney } from '../../domain/format.js';
import type { LoanSummaryView } from '../../domain/loans/index.js';
import type { GroupChoice, WardChoice } from '../../domain/reference-data.js';
import type { ListLoansQuery } from '../../http/routes/loans.js';
import type { PageContext } from '../context.js';
import type { LabelKey } from '../labels.js';
import { Layout } from '../layout.js';
import { DataTable } from '../page-parts.js';

export type LoansQuery = ReturnType<typeof ListLoansQuery.parse>;

export interface LoansPageData {
  query: LoansQuery;
  items: LoanSummaryView[];
  total: number;
  wards: WardChoice[];
  groups: GroupChoice[];
  /** Programme code → its name in each language. */
  programmes: { code: string; nameVi: string; nameEn: string }[];
}

export const LOAN_STATUS_LABELS: Record<LoanSummaryView['status'], LabelKey> = {
  ACTIVE: 'loanStatusACTIVE',
  CLOSED: 'loanStatusCLOSED',
};

const DEFAULT_PAGE_SIZE = 50;

/** The list's address for another page, keeping every filter given. */
export function loansPageHref(query: LoansQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'wardCode', 'groupCode', 'programCode'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.overdue !== undefined) params.set('overdue', String(query.overdue));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/loans?${search}` : '/loans';
}

function Choice(props: {
  name: string;
  label: string;
  all: string;
  options: readonly { value: string; label: string }[];
  selected: string | undefined;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((option) => (
          <option value={option.value} key={option.value} selected={props.selected === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function programmeName(data: Pick<LoansPageData, 'programmes'>, code: string, lang: 'vi' | 'en'): string {
  const programme = data.programmes.find((p) => p.code === code);
  if (!programme) return code;
  return lang === 'vi' ? programme.nameVi : programme.nameEn;
}

export function LoansPage({ ctx, data }: { ctx: PageContext; data: LoansPageData }) {
  const { t, lang } = ctx;
  const { query, items, total } = data;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const all = t('listAll');
  return (
    <Layout ctx={ctx} title={t('loansTitle')}>
      <h1>{t('loansTitle')}</h1>
      <p class="lead">{t('loansLead')}</p>
      <form method="get" action="/loans" class="filter list-filter" role="search">
        <Choice
          name="status"
          label={t('listStatus')}
          all={all}
          options={(['ACTIVE', 'CLOSED'] as const).map((s) => ({ value: s, label: t(LOAN_STATUS_LABELS[s]) }))}
          selected={query.status}
        />
        <Choice
          name="overdue"
          label={t('loansFilterOverdue')}
          all={all}
          options={[
            { value: 'true', label: t('loansOverdueYes') },
            { value: 'false', label: t('loansOverdueNo') },
          ]}
          selected={query.overdue === undefined ? undefined : String(query.overdue)}
        />
        <Choice
          name="wardCode"
          label={t('listWard')}
          all={all}
          options={data.wards.map((ward) => ({ value: ward.code, label: ward.name }))}
          selected={query.wardCode}
        />
        <Choice
          name="groupCode"
          label={t('listGroup')}
          all={all}
          options={data.groups.map((group) => ({ value: group.code, label: `${group.name} (${group.village})` }))}
          selected={query.groupCode}
        />
        <Choice
          name="programCode"
          label={t('colProgramme')}
          all={all}
          options={data.programmes.map((p) => ({ value: p.code, label: lang === 'vi' ? p.nameVi : p.nameEn }))}
          selected={query.programCode}
        />
        {query.pageSize !== DEFAULT_PAGE_SIZE ? (
          <input type="hidden" name="pageSize" value={String(query.pageSize)} />
        ) : null}
        <button type="submit">{t('listApply')}</button>
      </form>
      <section id="results" aria-labelledby="results-title">
        <h2 id="results-title">
          {t('loansCount')}: {total}
        </h2>
        {items.length === 0 ? (
          <p class="empty">{t('loansEmpty')}</p>
        ) : (
          <DataTable
            caption={t('loansTitle')}
            rows={items}
            rowKey={(loan) => loan.id}
            rowClass={(loan) => (loan.overduePrincipal > 0 ? 'overdue' : undefined)}
            columns={[
              {
                header: t('colLoan'),
                class: 'code',
                cell: (loan) => <a href={`/loans/${encodeURIComponent(loan.id)}`}>{loan.code}</a>,
              },
              { header: t('colBorrower'), cell: (loan) => loan.borrowerName },
              { header: t('colProgramme'), cell: (loan) => programmeName(data, loan.programCode, lang) },
              {
                header: t('colLoanAmount'),
                class: 'num',
                headerClass: 'num',
                cell: (loan) => formatMoney(loan.amount, lang),
              },
              {
                header: t('colOutstanding'),
                class: 'num',
                headerClass: 'num',
                cell: (loan) => formatMoney(loan.outstandingPrincipal, lang),
              },
              {
                header: t('colOverdue'),
                class: 'num',
                headerClass: 'num',
                cell: (loan) =>
                  loan.overduePrincipal > 0 ? (
                    <>
                      {formatMoney(loan.overduePrincipal, lang)}
                      <span class="tag tag-overdue">{t('overdue')}</span>
                    </>
                  ) : (
                    '—'
                  ),
              },
              { header: t('colNextDue'), cell: (loan) => (loan.nextDueOn ? formatDate(loan.nextDueOn) : '—') },
              { header: t('colStatus'), cell: (loan) => t(LOAN_STATUS_LABELS[loan.status]) },
            ]}
          />
        )}
        {pages > 1 ? (
          <nav class="pager" aria-label={t('pagination')}>
            {query.page > 1 ? <a href={loansPageHref(query, query.page - 1)}>{t('pagePrevious')}</a> : null}
            <span>
              {t('pageOf')} {query.page}/{pages}
            </span>
            {query.page < pages ? <a href={loansPageHref(query, query.page + 1)}>{t('pageNext')}</a> : null}
          </nav>
        ) : null}
      </section>
    </Layout>
  );
}
