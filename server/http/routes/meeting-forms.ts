/**
 * The review meeting's printed forms: minutes 10C/TD as PDF, list 03/TD as PDF and XLSX. The same use cases as
 * the JSON routes, so the same access (404 outside the scope) and the same 409 MEETING_NOT_CLOSED before the close.
 */
import { Router, type Response } from 'express';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { readList03, readMinutes } from '../../domain/batches/index.js';
import { list03Td } from '../../domain/forms/list-03-td.js';
import { writeList03Xlsx } from '../../domain/forms/list-03-td-xlsx.js';
import { minutes10cTd } from '../../domain/forms/minutes-10c-td.js';
import { renderPdf } from '../../infra/pdf.js';
import { attachmentDisposition } from '../content-disposition.js';
import { MeetingParams } from '../meeting-schemas.js';
import { requireOfficer } from '../middleware/auth.js';
import { PDF_TYPE, XLSX_TYPE } from './forms.js';

/** "Biên bản họp 10C-TD HOABINH-01 2026-12-17.pdf": the form (a slash cannot stand in a file name), group, day. */
export const meetingFileName = (form: string, meeting: { group: { code: string }; meetingDate: string }, ext: string) =>
  `${form} ${meeting.group.code} ${meeting.meetingDate}.${ext}`;

function sendForm(res: Response, type: string, fileName: string, bytes: Uint8Array): void {
  res.type(type).set('Content-Disposition', attachmentDisposition(fileName)).send(Buffer.from(bytes));
}

export function meetingFormRoutes(prisma: PrismaClient): Router {
  const router = Router();

  router.get('/meetings/:id/minutes.pdf', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = MeetingParams.parse(req.params);
    const minutes = await readMinutes(prisma, id, officer);
    const pdf = await renderPdf(minutes10cTd(minutes));
    sendForm(res, PDF_TYPE, meetingFileName('Biên bản họp 10C-TD', minutes, 'pdf'), pdf);
  });

  router.get('/meetings/:id/list.pdf', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = MeetingParams.parse(req.params);
    const list = await readList03(prisma, id, officer);
    sendForm(res, PDF_TYPE, meetingFileName('Danh sách 03-TD', list, 'pdf'), await renderPdf(list03Td(list)));
  });

  router.get('/meetings/:id/list.xlsx', async (req, res) => {
    const officer = requireOfficer(res);
    const { id } = MeetingParams.parse(req.params);
    const list = await readList03(prisma, id, officer);
    sendForm(res, XLSX_TYPE, meetingFileName('Danh sách 03-TD', list, 'xlsx'), await writeList03Xlsx(list));
  });

  return router;
}
