/** Printed forms and the transaction day: PDFs and worksheets built from the same use cases as the pages. */
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { findApplication } from '../../domain/applications/index.js';
import { form01Td } from '../../domain/forms/form-01-td.js';
import { readForm01Data } from '../../domain/forms/form-01-td-data.js';
import { postingList } from '../../domain/forms/posting-list.js';
import { transactionDayList } from '../../domain/forms/transaction-day-list.js';
import { readTransactionDay, writeTransactionDayXlsx } from '../../domain/transaction-days/index.js';
import { renderPdf } from '../../infra/pdf.js';
import { requireOfficer } from '../middleware/auth.js';
import { ApplicationParams, IsoDate, WardParams } from '../schemas.js';

export const PDF_TYPE = 'application/pdf';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const TransactionDayQuery = z.object({ ward: WardParams.shape.ward, date: IsoDate });
export const TransactionDayListQuery = TransactionDayQuery.extend({
  format: z.enum(['json', 'pdf', 'xlsx']).default('json'),
});

export const TransactionDayView = z.object({
  ward: z.object({
    code: z.string(),
    name: z.string(),
    transactionPoint: z.string(),
    transactionDay: z.number().int(),
    district: z.string(),
    province: z.string(),
    bankOfficeName: z.string(),
  }),
  date: z.string(),
  rows: z.array(
    z.object({
      applicationId: z.string(),
      code: z.string(),
      borrowerName: z.string(),
      village: z.string().nullable(),
      groupName: z.string(),
      amount: z.number().int(),
      termMonths: z.number().int(),
      annualRatePercent: z.string(),
      finalDueOn: z.string(),
      disbursedOn: z.string().nullable(),
    }),
  ),
  totals: z.object({
    count: z.number().int(),
    amount: z.number().int(),
    disbursedCount: z.number().int(),
    disbursedAmount: z.number().int(),
  }),
});

/** Sends a file for download; the name says what it is and for which ward and day. */
export function sendFile(res: Response, type: string, fileName: string, bytes: Uint8Array): void {
  res.type(type).attachment(fileName).send(Buffer.from(bytes));
}

export const form01FileName = (code: string): string => `01-TD-${code}.pdf`;
export const dayFileName = (kind: string, ward: string, date: string, ext: string): string =>
  `${kind}-${ward}-${date}.${ext}`;

export function formRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.get('/applications/:id/forms/01-td.pdf', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = ApplicationParams.parse(req.params);
    const app = await findApplication(prisma, id, officer);
    const pdf = await renderPdf(form01Td(await readForm01Data(prisma, app.id)));
    sendFile(res, PDF_TYPE, form01FileName(app.code), pdf);
  });

  router.get('/transaction-days', async (req, res) => {
    const { format, ...query } = TransactionDayListQuery.parse(req.query);
    const day = await readTransactionDay(prisma, requireOfficer(res), query);
    if (format === 'pdf') {
      sendFile(
        res,
        PDF_TYPE,
        dayFileName('giai-ngan', query.ward, query.date, 'pdf'),
        await renderPdf(transactionDayList(day)),
      );
    } else if (format === 'xlsx') {
      sendFile(
        res,
        XLSX_TYPE,
        dayFileName('giai-ngan', query.ward, query.date, 'xlsx'),
        await writeTransactionDayXlsx(day),
      );
    } else {
      res.json(TransactionDayView.parse(day));
    }
  });

  router.get('/transaction-days/posting-list.pdf', async (req, res) => {
    const query = TransactionDayQuery.parse(req.query);
    const day = await readTransactionDay(prisma, requireOfficer(res), query);
    sendFile(res, PDF_TYPE, dayFileName('cong-khai', query.ward, query.date, 'pdf'), await renderPdf(postingList(day)));
  });

  return router;
}
