/**
 * The reports page and its workbook: the same use case (readPortfolioReport) and workbook (reportWorkbook) as
 * GET /api/reports and its XLSX. The form is a GET: its dates are typed as 31/12/2026; a date that is not one is
 * refused beside its field, with everything typed kept.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { AppError } from '../../domain/errors.js';
import { formatDate } from '../../domain/format.js';
import { parseDateText } from '../../domain/registry/dates.js';
import { listReportChoices } from '../../domain/report-choices.js';
import {
  defaultReportDistrict,
  readPortfolioReport,
  reportFileName,
  reportWorkbook,
  type PortfolioReport,
  type ReportQuery,
} from '../../domain/reports/index.js';
import { XLSX_TYPE, sendFile } from '../../http/routes/forms.js';
import { pageContext } from '../context.js';
import { refusalMessages, requireSignIn } from '../error-pages.js';
import type { FieldMessages } from '../form-parts.js';
import { formText } from '../form-values.js';
import { ReportsPage, type ReportFormValues } from '../pages/reports-page.js';
import { sendPage } from '../render.js';

const FIELDS = ['district', 'ward', 'program', 'source', 'on', 'from', 'to'] as const;
const DATES = ['on', 'from', 'to'] as const;

interface ReadQuery {
  values: ReportFormValues;
  errors: FieldMessages;
  general: string[];
  query: ReportQuery | null;
}

/**
 * The form as typed, and the report's query when every date is one. Left empty, the figures are as of today and
 * the period is the year so far; the district is the officer's (the first of theirs).
 */
async function readQuery(
  prisma: PrismaClient,
  res: Response,
  source: Record<string, unknown>,
  today: string,
): Promise<ReadQuery> {
  const { t, officer } = pageContext(res);
  const [district, ward, program, sourceCode, on, from, to] = FIELDS.map((field) => formText(source[field]));
  const values: ReportFormValues = {
    district: district!,
    ward: ward!,
    program: program!,
    source: sourceCode!,
    on: on!,
    from: from!,
    to: to!,
  };
  values.on ||= formatDate(today);
  values.to ||= values.on;
  const errors: FieldMessages = {};
  const dates = Object.fromEntries(
    DATES.map((field) => {
      const iso = values[field] ? parseDateText(values[field]) : null;
      if (values[field] && iso === null) errors[field] = t('reportsDateInvalid');
      return [field, iso];
    }),
  ) as Record<(typeof DATES)[number], string | null>;
  if (!values.from && dates.on) {
    dates.from = `${dates.on.slice(0, 4)}-01-01`;
    values.from = formatDate(dates.from);
  }
  const general: string[] = [];
  if (dates.from && dates.to && dates.from > dates.to) general.push(t('reportsPeriodReversed'));
  values.district ||= await defaultReportDistrict(prisma, officer!);
  if (Object.keys(errors).length > 0 || general.length > 0 || !dates.on || !dates.from || !dates.to) {
    return { values, errors, general, query: null };
  }
  const query: ReportQuery = {
    district: values.district,
    on: dates.on,
    from: dates.from,
    to: dates.to,
    ...(values.ward ? { wardCode: values.ward } : {}),
    ...(values.program ? { programCode: values.program } : {}),
    ...(values.source ? { sourceCode: values.source } : {}),
  };
  return { values, errors, general, query };
}

/** The report's own address with the same query, for the workbook of what the page shows. */
function downloadHref(values: ReportFormValues): string {
  const params = new URLSearchParams(FIELDS.flatMap((field) => (values[field] ? [[field, values[field]]] : [])));
  return `/reports/report.xlsx?${params.toString()}`;
}

/** A scope the domain refuses (a ward of another district, kept from before the district changed) is a message. */
async function readOrRefuse(
  read: () => Promise<PortfolioReport>,
  res: Response,
): Promise<{ report: PortfolioReport | null; refusal: string[] }> {
  try {
    return { report: await read(), refusal: [] };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { report: null, refusal: refusalMessages(pageContext(res), error) };
  }
}

export function reportHandlers(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  router.get('/reports', requireSignIn, async (req, res) => {
    const ctx = pageContext(res);
    const officer = ctx.officer!;
    const [read, choices] = await Promise.all([
      readQuery(prisma, res, req.query, today()),
      listReportChoices(prisma, officer),
    ]);
    const { query } = read;
    const { report, refusal } = query
      ? await readOrRefuse(() => readPortfolioReport(prisma, officer, query), res)
      : { report: null, refusal: [] };
    const general = [...read.general, ...refusal];
    const status = general.length > 0 || Object.keys(read.errors).length > 0 ? 400 : 200;
    sendPage(
      res,
      h(ReportsPage, {
        ctx,
        data: {
          choices,
          values: read.values,
          errors: read.errors,
          general,
          report,
          downloadHref: downloadHref(read.values),
        },
      }),
      status,
    );
  });

  router.get('/reports/report.xlsx', requireSignIn, async (req, res) => {
    const { query, errors, general } = await readQuery(prisma, res, req.query, today());
    if (!query) {
      const messages = [...general, ...Object.values(errors)].join(' ');
      throw new AppError('VALIDATION_FAILED', messages);
    }
    const report = await readPortfolioReport(prisma, pageContext(res).officer!, query);
    sendFile(res, XLSX_TYPE, reportFileName(report), await reportWorkbook(report));
  });

  return router;
}
