/**
 * A ward's household list: the result of an import just sent (counts and every row error), the upload form
 * (a plain multipart form), the download links, and the list itself with its search box and pages.
 */
import { Fragment } from 'preact';
import { CATEGORY_LABELS, type Bilingual } from '../../../workflows/domain.js';
import type { RegistryRow } from '../../domain/registry/browse.js';
import { formatDate } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import type { LabelKey } from '../labels.js';
import { CsrfField, Layout } from '../layout.js';

export interface RegistryErrorView {
  /** null: a conflict with the ward's list rather than a row of the file. */
  row: number | null;
  sheet?: string | undefined;
  column?: string | undefined;
  householdId?: string | undefined;
  message: Bilingual;
}

export interface RegistryResultView {
  fileName: string;
  dataRows: number;
  created: number;
  updated: number;
  unchanged: number;
  missing: number;
  rejectedRows: number;
  errors: RegistryErrorView[];
}

export interface RegistryPageData {
  ward: string;
  today: string;
  query: { q: string; page: number; pageSize: number };
  rows: RegistryRow[];
  total: number;
  /** After an upload: what it changed, or (`refused`) why the whole file was not imported. */
  result?: RegistryResultView;
  refused?: RegistryErrorView[];
  /** A problem with the upload itself (no file, too large …), shown beside the file field. */
  uploadProblem?: LabelKey;
}

export const REGISTRY_PAGE_SIZE = 20;

const basePath = (ward: string) => `/wards/${encodeURIComponent(ward)}/registry`;

function pageHref(ward: string, q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${basePath(ward)}?${search}` : basePath(ward);
}

function ErrorTable({ ctx, errors }: { ctx: PageContext; errors: RegistryErrorView[] }) {
  const { t } = ctx;
  const withSheet = errors.some((e) => e.sheet !== undefined);
  return (
    <div class="table-wrap registry-table">
      <table>
        <caption class="visually-hidden">{t('regErrorsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('regErrRow')}</th>
            {withSheet ? <th scope="col">{t('regErrSheet')}</th> : null}
            <th scope="col">{t('regErrColumn')}</th>
            <th scope="col">{t('regErrHousehold')}</th>
            <th scope="col">{t('regErrMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={index}>
              <td class="num">{error.row ?? t('regErrRegistry')}</td>
              {withSheet ? <td>{error.sheet ?? ''}</td> : null}
              <td>{error.column ?? ''}</td>
              <td class="code">{error.householdId ?? ''}</td>
              <td>{t(error.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportResult({ ctx, result }: { ctx: PageContext; result: RegistryResultView }) {
  const { t } = ctx;
  const facts: [LabelKey, number][] = [
    ['regResultRows', result.dataRows],
    ['regResultCreated', result.created],
    ['regResultUpdated', result.updated],
    ['regResultUnchanged', result.unchanged],
    ['regResultRejected', result.rejectedRows],
    ['regResultMissing', result.missing],
  ];
  return (
    <section class="panel" aria-labelledby="result-title" id="result" tabIndex={-1}>
      <h2 id="result-title">{t('regResultTitle')}</h2>
      <dl class="facts">
        <dt>{t('regResultFile')}</dt>
        <dd>{result.fileName}</dd>
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h3>{t('regErrorsTitle')}</h3>
      {result.errors.length === 0 ? <p>{t('regNoErrors')}</p> : <ErrorTable ctx={ctx} errors={result.errors} />}
    </section>
  );
}

function UploadForm({ ctx, data }: { ctx: PageContext; data: RegistryPageData }) {
  const { t } = ctx;
  const problem = data.uploadProblem ? t(data.uploadProblem) : data.refused ? t('regFileRefused') : undefined;
  const errors: FieldMessages = problem ? { file: problem } : {};
  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">{t('regUploadTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      {data.refused ? <ErrorTable ctx={ctx} errors={data.refused} /> : null}
      <form method="post" action={basePath(data.ward)} enctype="multipart/form-data" class="narrow">
        {/* First, so that the token arrives before the file and is checked before the file is read. */}
        <CsrfField ctx={ctx} />
        <Field name="file" label={t('regUploadLabel')} hint={t('regUploadHint')} errors={errors}>
          {(attrs) => <input {...attrs} type="file" accept=".csv,.txt,.xlsx,text/csv" required />}
        </Field>
        <button type="submit">{t('regUploadButton')}</button>
      </form>
    </section>
  );
}

function HouseholdTable({ ctx, data }: { ctx: PageContext; data: RegistryPageData }) {
  const { t } = ctx;
  return (
    <div class="table-wrap registry-table">
      <table>
        <caption class="visually-hidden">{t('regTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('regColCode')}</th>
            <th scope="col">{t('regColHead')}</th>
            <th scope="col">{t('regColCitizenId')}</th>
            <th scope="col">{t('regColVillage')}</th>
            <th scope="col">{t('regColPeople')}</th>
            <th scope="col">{t('regColCategory')}</th>
            <th scope="col">{t('regColYear')}</th>
            <th scope="col">{t('regColListed')}</th>
            <th scope="col">{t('regColExpires')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.householdId}>
              <td class="code">{row.householdId}</td>
              <td>{row.headName}</td>
              <td class="code">{row.headCitizenId}</td>
              <td>{row.village ?? '—'}</td>
              <td class="num">{row.people}</td>
              <td>{t(CATEGORY_LABELS[row.category])}</td>
              <td class="num">{row.listedOn.slice(0, 4)}</td>
              <td>{formatDate(row.listedOn)}</td>
              <td>
                {formatDate(row.expiresOn)}
                {row.expiresOn < data.today ? <span class="tag tag-overdue">{t('regExpired')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RegistryPage({ ctx, data }: { ctx: PageContext; data: RegistryPageData }) {
  const { t } = ctx;
  const { ward, query, total } = data;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const exportHref = (format: string) => `${basePath(ward)}/export?format=${format}`;
  return (
    <Layout ctx={ctx} title={`${t('regTitle')} ${ward}`}>
      <h1>
        {t('regTitle')} <span class="code">{ward}</span>
      </h1>
      <p class="lead">{t('regLead')}</p>
      {data.result ? <ImportResult ctx={ctx} result={data.result} /> : null}
      <UploadForm ctx={ctx} data={data} />
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t('regExportTitle')}</h2>
        <ul>
          <li>
            <a href={exportHref('csv')} download>
              {t('regExportCsv')}
            </a>
          </li>
          <li>
            <a href={exportHref('xlsx')} download>
              {t('regExportXlsx')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="households-title">
        <h2 id="households-title">
          {t('regCount')}: {total}
        </h2>
        <form method="get" action={basePath(ward)} class="filter list-filter" role="search">
          <div class="field search">
            <label for="f-q">{t('regSearch')}</label>
            <p class="hint" id="f-q-hint">
              {t('regSearchHint')}
            </p>
            <input id="f-q" name="q" type="search" value={query.q} aria-describedby="f-q-hint" />
          </div>
          <button type="submit">{t('regSearchButton')}</button>
        </form>
        {data.rows.length === 0 ? <p class="empty">{t('regEmpty')}</p> : <HouseholdTable ctx={ctx} data={data} />}
        {pages > 1 ? (
          <nav class="pager" aria-label={t('pagination')}>
            {query.page > 1 ? <a href={pageHref(ward, query.q, query.page - 1)}>{t('pagePrevious')}</a> : null}
            <span>
              {t('pageOf')} {query.page}/{pages}
            </span>
            {query.page < pages ? <a href={pageHref(ward, query.q, query.page + 1)}>{t('pageNext')}</a> : null}
          </nav>
        ) : null}
      </section>
    </Layout>
  );
}
