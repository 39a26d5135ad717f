/**
 * Notice 04/TD of a confirmed bank batch as files: PDF and XLSX, read through the same use case as the JSON notice
 * (404 outside the scope, 409 BATCH_NOT_CONFIRMED before the manager's confirmation).
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { renderPdf } from '../../infra/pdf.js';
import { readNotice04 } from '../batches/index.js';
import type { Officer } from '../sessions.js';
import type { FormFile } from './meeting-form-files.js';
import { notice04Td } from './notice-04-td.js';
import { writeNotice04Xlsx } from './notice-04-td-xlsx.js';

export const NOTICE_FORMS = ['notice.pdf', 'notice.xlsx'] as const;
export type NoticeForm = (typeof NOTICE_FORMS)[number];

/** "Thông báo 04-TD HOABINH-01 2026-12-17.pdf": the form, the group, the day the manager confirmed. */
export async function noticeFormFile(
  prisma: PrismaClient,
  id: string,
  officer: Officer,
  form: NoticeForm,
): Promise<FormFile> {
  const notice = await readNotice04(prisma, id, officer);
  const name = `Thông báo 04-TD ${notice.group.code} ${notice.issuedOn}`;
  return form === 'notice.pdf'
    ? { kind: 'pdf', fileName: `${name}.pdf`, bytes: await renderPdf(notice04Td(notice)) }
    : { kind: 'xlsx', fileName: `${name}.xlsx`, bytes: await writeNotice04Xlsx(notice) };
}
