/**
 * The portfolio report (Directive 40 figures) as JSON or as a workbook: stocks on a date and flows over a period,
 * for a district of the officer's, narrowed to a ward, a programme or a capital source.
 */
import { Router, type Request, type Response } from 'express';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import {
  defaultReportDistrict,
  readPortfolioReport,
  reportFileName,
  reportWorkbook,
  type ReportQuery,
} from '../../domain/reports/index.js';
import type { Officer } from '../../domain/sessions.js';
import { attachmentDisposition } from '../content-disposition.js';
import { requireOfficer } from '../middleware/auth.js';
import { PortfolioReportView, ReportQuerySchema } from '../report-schemas.js';
import { XLSX_TYPE } from './forms.js';

export function reportRoutes(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  async function reportQuery(
    officer: Officer,
    asked: ReturnType<typeof ReportQuerySchema.parse>,
  ): Promise<ReportQuery> {
    const { format: _format, ...scope } = asked;
    const on = scope.on ?? today();
    const from = scope.from ?? `${on.slice(0, 4)}-01-01`;
    return {
      ...scope,
      district: scope.district ?? (await defaultReportDistrict(prisma, officer)),
      on,
      from,
      to: scope.to ?? (from > on ? from : on),
    };
  }

  async function sendReport(req: Request, res: Response, format: 'json' | 'xlsx'): Promise<void> {
    const asked = ReportQuerySchema.parse(req.query);
    const officer = requireOfficer(res);
    const report = await readPortfolioReport(prisma, officer, await reportQuery(officer, asked));
    if (format === 'xlsx' || asked.format === 'xlsx') {
      res
        .type(XLSX_TYPE)
        .set('Content-Disposition', attachmentDisposition(reportFileName(report)))
        .send(Buffer.from(await reportWorkbook(report)));
    } else {
      res.json(PortfolioReportView.parse(report));
    }
  }

  router.get('/reports', (req, res) => sendReport(req, res, 'json'));
  router.get('/reports.xlsx', (req, res) => sendReport(req, res, 'xlsx'));
  return router;
}
