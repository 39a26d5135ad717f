/**
 * The review meeting's printed forms: minutes 10C/TD as PDF, list 03/TD as PDF and XLSX (server/domain/forms/
 * meeting-form-files.ts builds them; the web application's download links serve the same files).
 */
import { Router, type Response } from 'express';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { meetingFormFile, type FormFile, type MeetingForm } from '../../domain/forms/meeting-form-files.js';
import { attachmentDisposition } from '../content-disposition.js';
import { MeetingParams } from '../meeting-schemas.js';
import { requireOfficer } from '../middleware/auth.js';
import { PDF_TYPE, XLSX_TYPE } from './forms.js';

/** Sends a form with its Vietnamese file name (RFC 5987, with an ASCII fallback). */
export function sendFormFile(res: Response, file: FormFile): void {
  res
    .type(file.kind === 'pdf' ? PDF_TYPE : XLSX_TYPE)
    .set('Content-Disposition', attachmentDisposition(file.fileName))
    .send(Buffer.from(file.bytes));
}

export function meetingFormRoutes(prisma: PrismaClient): Router {
  const router = Router();
  const serve = (form: MeetingForm) =>
    router.get(`/meetings/:id/${form}`, async (req, res) => {
      const { id } = MeetingParams.parse(req.params);
      sendFormFile(res, await meetingFormFile(prisma, id, requireOfficer(res), form));
    });
  serve('minutes.pdf');
  serve('list.pdf');
  serve('list.xlsx');
  return router;
}
