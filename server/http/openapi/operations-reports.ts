/** The OpenAPI entries of the portfolio report (server/http/routes/reports.ts). */
import { PortfolioReportView, ReportQuerySchema } from '../report-schemas.js';
import { XLSX_TYPE } from '../routes/forms.js';
import type { Operation } from './operations.js';

export const REPORT_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/reports',
    summary:
      'Portfolio report of a district of yours (or a ward, programme or source of it): capital, outstanding, ' +
      'available, reserved, overdue and borrowers on a date; disbursed, repaid and interest over a period; ' +
      'per ward, month and source (officers in scope); format=xlsx for the workbook',
    auth: 'officer',
    query: ReportQuerySchema,
    response: PortfolioReportView,
    download: [XLSX_TYPE],
  },
  {
    method: 'get',
    path: '/api/reports.xlsx',
    summary: 'The portfolio report as a workbook: summary, per ward, per month, per source (officers in scope)',
    auth: 'officer',
    query: ReportQuerySchema,
    download: [XLSX_TYPE],
  },
];
