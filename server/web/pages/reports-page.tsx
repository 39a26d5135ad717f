/**
 * The portfolio report: the scope and dates as one GET form, the figures as of the date and over the period, the
 * wards as bars and the months as lines (each chart with its table), the sources, and the same report as XLSX.
 * The same use case as GET /api/reports.
 */
import type { ComponentChildren } from 'preact';
import type { ReportChoices } from '../../domain/report-choices.js';
import type { MonthRow, PortfolioReport, SourceRow, WardRow } from '../../domain/reports/types.js';
import { formatDate, formatMoney, formatMoneyCompact, formatPercent } from '../../domain/format.js';
import { BarChart } from '../charts/bar-chart.js';
import { LineChart } from '../charts/line-chart.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import type { LabelKey } from '../labels.js';
import { Layout } from '../layout.js';
import { DataTable, Facts } from '../page-parts.js';
import { fill } from './meeting-ballots.js';
import { KIND_LABEL } from './capital-page.js';

/**
 * The form's fields as typed (dates as dd/mm/yyyy), kept when a field is refused. Named as GET /api/reports's
 * query, so an address of the page and of the API read the same.
 */
export interface ReportFormValues {
  district: string;
  wardCode: string;
  programCode: string;
  sourceCode: string;
  on: string;
  from: string;
  to: string;
}

export interface ReportsPageData {
  choices: ReportChoices;
  values: ReportFormValues;
  errors: FieldMessages;
  general: string[];
  /** Null while a field is refused. */
  report: PortfolioReport | null;
  /** The workbook of the report shown. */
  downloadHref: string;
}

/** 2026-12 → 12/2026. */
const monthLabel = (month: string): string => month.split('-').reverse().join('/');

function Choice(props: {
  name: keyof ReportFormValues;
  label: string;
  all?: string;
  options: readonly { value: string; label: string }[];
  values: ReportFormValues;
  errors: FieldMessages;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      {(attrs) => (
        <select {...attrs}>
          {props.all ? <option value="">{props.all}</option> : null}
          {props.options.map((option) => (
            <option key={option.value} value={option.value} selected={props.values[props.name] === option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function DateField(props: { name: 'on' | 'from' | 'to'; label: string; ctx: PageContext; data: ReportsPageData }) {
  return (
    <Field name={props.name} label={props.label} hint={props.ctx.t('reportsDateHint')} errors={props.data.errors}>
      {(attrs) => (
        <input {...attrs} value={props.data.values[props.name]} inputMode="numeric" autoComplete="off" size={10} />
      )}
    </Field>
  );
}

function ReportForm({ ctx, data }: { ctx: PageContext; data: ReportsPageData }) {
  const { t, lang } = ctx;
  const { choices, values, errors } = data;
  const district = values.district || choices.districts[0] || '';
  const all = t('reportsAll');
  // The filters that narrow the district's figures, each with "all" as its first choice.
  const narrowing: { name: keyof ReportFormValues; label: string; options: { value: string; label: string }[] }[] = [
    {
      name: 'wardCode',
      label: t('reportsWard'),
      options: choices.wards.filter((w) => w.district === district).map((w) => ({ value: w.code, label: w.name })),
    },
    {
      name: 'programCode',
      label: t('reportsProgram'),
      options: choices.programs.map((p) => ({ value: p.code, label: lang === 'vi' ? p.nameVi : p.nameEn })),
    },
    {
      name: 'sourceCode',
      label: t('reportsSource'),
      options: choices.sources.filter((s) => s.district === district).map((s) => ({ value: s.code, label: s.name })),
    },
  ];
  return (
    <form method="get" action="/reports" class="report-filter" aria-labelledby="report-filter-title">
      <h2 id="report-filter-title" class="visually-hidden">
        {t('reportsFilters')}
      </h2>
      <div class="report-filter-row">
        {choices.districts.length > 1 ? (
          <Choice
            name="district"
            label={t('reportsDistrict')}
            options={choices.districts.map((name) => ({ value: name, label: name }))}
            values={values}
            errors={errors}
          />
        ) : null}
        {narrowing.map((choice) => (
          <Choice key={choice.name} {...choice} all={all} values={values} errors={errors} />
        ))}
      </div>
      <div class="report-filter-row">
        <DateField name="on" label={t('reportsOn')} ctx={ctx} data={data} />
        <DateField name="from" label={t('reportsFrom')} ctx={ctx} data={data} />
        <DateField name="to" label={t('reportsTo')} ctx={ctx} data={data} />
      </div>
      <button type="submit">{t('reportsShow')}</button>
    </form>
  );
}

/** A chart, then the same numbers as a table for screen readers, print and anyone who wants the full amounts. */
function ChartFigure(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <figure class="chart-figure" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>
        <h2>{props.title}</h2>
      </figcaption>
      {props.children}
    </figure>
  );
}

function Figures({ ctx, report }: { ctx: PageContext; report: PortfolioReport }) {
  const { t, lang } = ctx;
  const money = (amount: number) => formatMoney(amount, lang);
  const short = (amount: number) => formatMoneyCompact(amount, lang);
  const { asOf, period, query } = report;
  const wardColumns = [
    { header: t('reportsWardCol'), cell: (row: WardRow) => row.wardName },
    {
      header: t('reportsOutstanding'),
      class: 'num',
      headerClass: 'num',
      cell: (row: WardRow) => money(row.outstanding),
    },
    { header: t('reportsOverdue'), class: 'num', headerClass: 'num', cell: (row: WardRow) => money(row.overdue) },
    { header: t('reportsBorrowers'), class: 'num', headerClass: 'num', cell: (row: WardRow) => String(row.borrowers) },
  ];
  const monthColumns = [
    { header: t('reportsMonthCol'), cell: (row: MonthRow) => monthLabel(row.month) },
    {
      header: t('reportsOutstanding'),
      class: 'num',
      headerClass: 'num',
      cell: (row: MonthRow) => money(row.outstanding),
    },
    { header: t('reportsOverdue'), class: 'num', headerClass: 'num', cell: (row: MonthRow) => money(row.overdue) },
    {
      header: t('reportsDisbursedCol'),
      class: 'num',
      headerClass: 'num',
      cell: (row: MonthRow) => money(row.disbursed),
    },
    { header: t('reportsRepaidCol'), class: 'num', headerClass: 'num', cell: (row: MonthRow) => money(row.repaid) },
  ];
  const sourceMoney = (key: 'capital' | 'outstanding' | 'available' | 'reserved', label: LabelKey) => ({
    header: t(label),
    class: 'num',
    headerClass: 'num',
    cell: (row: SourceRow) => money(row[key]),
  });
  return (
    <>
      <section aria-labelledby="as-of-title">
        <h2 id="as-of-title">{fill(t('reportsAsOfHeading'), { on: formatDate(query.on) })}</h2>
        <Facts
          facts={[
            [t('reportsCapital'), money(asOf.capital)],
            [t('reportsCapitalOutstanding'), money(asOf.outstanding)],
            [t('reportsAvailable'), money(asOf.available)],
            [t('reportsReserved'), money(asOf.reserved)],
            [t('reportsLoanOutstanding'), money(asOf.loanOutstanding)],
            [t('reportsOverdue'), money(asOf.overdue)],
            [t('reportsOverdueRatio'), formatPercent(Math.round(asOf.overdueRatio * 10_000) / 100, lang)],
            [t('reportsBorrowers'), String(asOf.borrowers)],
          ]}
        />
      </section>
      <section aria-labelledby="period-title">
        <h2 id="period-title">
          {fill(t('reportsPeriodHeading'), { from: formatDate(query.from), to: formatDate(query.to) })}
        </h2>
        <Facts
          facts={[
            [t('reportsLoansDisbursed'), String(period.loansDisbursed)],
            [t('reportsAmountDisbursed'), money(period.amountDisbursed)],
            [t('reportsHouseholdsServed'), String(period.householdsServed)],
            [t('reportsPrincipalRepaid'), money(period.principalRepaid)],
            [t('reportsInterestCollected'), money(period.interestCollected)],
          ]}
        />
      </section>
      <p class="hint">{t('reportsShortUnits')}</p>
      <ChartFigure id="by-ward" title={t('reportsByWard')}>
        {report.wards.length === 0 ? (
          <p class="empty">{t('reportsNoWards')}</p>
        ) : (
          <>
            <div class="chart-wrap">
              <BarChart
                id="by-ward-chart"
                title={t('reportsByWard')}
                description={t('reportsByWardDesc')}
                categories={report.wards.map((row) => row.wardName)}
                series={[
                  { label: t('reportsOutstanding'), values: report.wards.map((row) => row.outstanding) },
                  { label: t('reportsOverdue'), values: report.wards.map((row) => row.overdue) },
                ]}
                format={short}
              />
            </div>
            <DataTable
              caption={t('reportsByWard')}
              columns={wardColumns}
              rows={report.wards}
              rowKey={(row) => row.wardCode}
            />
          </>
        )}
      </ChartFigure>
      <ChartFigure id="by-month" title={t('reportsByMonth')}>
        <div class="chart-wrap">
          <LineChart
            id="by-month-chart"
            title={t('reportsByMonth')}
            description={t('reportsByMonthDesc')}
            categories={report.months.map((row) => monthLabel(row.month))}
            series={[
              { label: t('reportsOutstanding'), values: report.months.map((row) => row.outstanding) },
              { label: t('reportsOverdue'), values: report.months.map((row) => row.overdue) },
            ]}
            format={short}
          />
        </div>
        <DataTable
          caption={t('reportsByMonth')}
          columns={monthColumns}
          rows={report.months}
          rowKey={(row) => row.month}
        />
      </ChartFigure>
      <section aria-labelledby="by-source-title">
        <h2 id="by-source-title">{t('reportsBySource')}</h2>
        {report.sources.length === 0 ? (
          <p class="empty">{t('reportsNoSources')}</p>
        ) : (
          <DataTable
            caption={t('reportsBySource')}
            rows={report.sources}
            rowKey={(row) => row.code}
            columns={[
              {
                header: t('reportsSourceCol'),
                cell: (row) => (
                  <>
                    <a href={`/capital/${encodeURIComponent(row.code)}`}>{row.name}</a>
                    <br />
                    <span class="hint">{t(KIND_LABEL[row.kind])}</span>
                  </>
                ),
              },
              sourceMoney('capital', 'reportsCapital'),
              sourceMoney('outstanding', 'reportsLentOut'),
              sourceMoney('available', 'reportsAvailable'),
              sourceMoney('reserved', 'reportsReserved'),
            ]}
          />
        )}
      </section>
    </>
  );
}

/** The heading's scope: "Huyện Kiến Xương – Phường Hòa Bình – …". */
const scopeLine = (report: PortfolioReport): string =>
  [report.scopeNames.district, report.scopeNames.ward, report.scopeNames.program, report.scopeNames.source]
    .filter(Boolean)
    .join(' – ');

export function ReportsPage({ ctx, data }: { ctx: PageContext; data: ReportsPageData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reportsTitle')}>
      <h1>{t('reportsTitle')}</h1>
      <p class="lead">{t('reportsLead')}</p>
      <ErrorSummary ctx={ctx} errors={data.errors} general={data.general} />
      <ReportForm ctx={ctx} data={data} />
      {data.report ? (
        <>
          <p class="report-scope">
            <strong>{scopeLine(data.report)}</strong>
          </p>
          <p>
            <a class="button secondary" href={data.downloadHref} download>
              {t('reportsDownload')}
            </a>
          </p>
          <Figures ctx={ctx} report={data.report} />
        </>
      ) : null}
    </Layout>
  );
}
