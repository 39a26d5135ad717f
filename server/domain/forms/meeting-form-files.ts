/**
 * The review meeting's printed forms as files: minutes 10C/TD as PDF, list 03/TD as PDF and XLSX. Read through the
 * same use cases as the JSON views, so the same access (404 outside the scope) and 409 MEETING_NOT_CLOSED before
 * the close; the API and the web application's download links both serve these.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { renderPdf } from '../../infra/pdf.js';
import { readList03, readMinutes } from '../batches/index.js';
import type { Officer } from '../sessions.js';
import { list03Td } from './list-03-td.js';
import { writeList03Xlsx } from './list-03-td-xlsx.js';
import { minutes10cTd } from './minutes-10c-td.js';

export const MEETING_FORMS = ['minutes.pdf', 'list.pdf', 'list.xlsx'] as const;
export type MeetingForm = (typeof MEETING_FORMS)[number];

export interface FormFile {
  kind: 'pdf' | 'xlsx';
  fileName: string;
  bytes: Uint8Array;
}

/** "Biên bản họp 10C-TD HOABINH-01 2026-12-17.pdf": the form (a slash cannot stand in a file name), group, day. */
export const meetingFileName = (form: string, meeting: { group: { code: string }; meetingDate: string }, ext: string) =>
  `${form} ${meeting.group.code} ${meeting.meetingDate}.${ext}`;

export async function meetingFormFile(
  prisma: PrismaClient,
  id: string,
  officer: Officer,
  form: MeetingForm,
): Promise<FormFile> {
  if (form === 'minutes.pdf') {
    const minutes = await readMinutes(prisma, id, officer);
    const bytes = await renderPdf(minutes10cTd(minutes));
    return { kind: 'pdf', fileName: meetingFileName('Biên bản họp 10C-TD', minutes, 'pdf'), bytes };
  }
  const list = await readList03(prisma, id, officer);
  return form === 'list.pdf'
    ? { kind: 'pdf', fileName: meetingFileName('Danh sách 03-TD', list, 'pdf'), bytes: await renderPdf(list03Td(list)) }
    : { kind: 'xlsx', fileName: meetingFileName('Danh sách 03-TD', list, 'xlsx'), bytes: await writeList03Xlsx(list) };
}
