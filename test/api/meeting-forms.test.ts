/**
 * The review meeting's printed forms over HTTP: a meeting of group HOABINH-01 with three applications (two
 * approved, one rejected); minutes 10C/TD and list 03/TD as PDF, the list as XLSX. One borrower's name is stored
 * with combining marks, as a list imported from elsewhere may hold it: the forms print it composed.
 */
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextCitizenId, submit } from '../support/fixtures.js';
import { meetingDetails } from '../support/meetings.js';
import { expectAll, pageCount, pdfText, renderPages } from '../support/pdf.js';
import { startStack, type TestStack } from '../support/stack.js';

/** With UPDATE_DOCS=1 the first page of each form is copied to docs/forms/ for the README. */
const DOCS = (name: string): string | undefined =>
  process.env.UPDATE_DOCS ? fileURLToPath(new URL(`../../docs/forms/${name}.png`, import.meta.url)) : undefined;

const HUE = 'Đặng Thị Huệ';
let stack: TestStack;
let leader: string;
let meetingId: string;
const paths = ['minutes.pdf', 'list.pdf', 'list.xlsx'];

async function download(path: string, token: string) {
  const response = await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

beforeAll(async () => {
  stack = await startStack();
  leader = await stack.login('group.HOABINH-01');
  const members = (
    await stack.api<{ id: string }[]>('GET', '/api/admin/groups/HOABINH-01/members', {
      token: await stack.login('admin'),
    })
  ).body;
  const hue = await submit(stack, { amount: 40_000_000, purpose: 'Chăn nuôi lợn' });
  await stack.db.prisma.application.update({ where: { id: hue.id }, data: { borrowerName: HUE.normalize('NFD') } });
  const vinh = await submit(stack, {
    borrower: { fullName: 'Lương Thế Vinh', citizenId: nextCitizenId(), dateOfBirth: '1979-01-02' },
    amount: 55_000_000,
    termMonths: 60,
  });
  const refused = await submit(stack, { amount: 60_000_000 });
  const opened = await stack.api('POST', '/api/groups/HOABINH-01/meetings', {
    token: leader,
    body: { ...meetingDetails(), attendees: members.map((m) => m.id) },
  });
  expect(opened.status).toBe(201);
  meetingId = opened.body.id;
  const votes = (applicationId: string, vote: string) =>
    members.slice(0, 8).map((m) => ({ applicationId, memberId: m.id, vote }));
  const saved = await stack.api('PATCH', `/api/meetings/${meetingId}`, {
    token: leader,
    body: { ballots: [...votes(hue.id, 'FOR'), ...votes(vinh.id, 'FOR'), ...votes(refused.id, 'AGAINST')] },
  });
  expect(saved.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe("the review meeting's printed forms", () => {
  it('answer 409 MEETING_NOT_CLOSED before the close, and 404 outside the scope', async () => {
    for (const file of paths) {
      const early = await stack.api('GET', `/api/meetings/${meetingId}/${file}`, { token: leader });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('MEETING_NOT_CLOSED');
    }
    const closed = await stack.api('POST', `/api/meetings/${meetingId}/close`, { token: leader });
    expect(closed.status).toBe(200);
    const otherGroup = await stack.login('group.HOABINH-02');
    for (const file of paths) {
      expect((await download(`/api/meetings/${meetingId}/${file}`, otherGroup)).status).toBe(404);
    }
  });

  it('print minutes 10C/TD with the households, their amounts and the signatures', async () => {
    const pdf = await download(`/api/meetings/${meetingId}/minutes.pdf`, await stack.login('ward.HOABINH'));
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const date = meetingDetails().meetingDate;
    expect(pdf.disposition).toContain(`filename="Bien ban hop 10C-TD HOABINH-01 ${date}.pdf"`);
    expect(pdf.disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Biên bản họp 10C-TD HOABINH-01 ${date}.pdf`)}`,
    );
    const text = pdfText(pdf.bytes);
    expectAll(text, [
      'Mẫu số 10C/TD',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BIÊN BẢN HỌP TỔ TIẾT KIỆM VÀ VAY VỐN',
      HUE,
      'Lương Thế Vinh',
      '40.000.000 đ',
      '55.000.000 đ',
      '60.000.000 đ',
      'Lê Thị Minh Thư',
      'Phạm Văn Đức',
      'Nguyễn Văn Hùng',
      'TRƯỞNG THÔN',
    ]);
    expect(text).not.toContain(HUE.normalize('NFD'));
    expect(renderPages(pdf.bytes, 'minutes-10c-td', DOCS('10c-td'))).toHaveLength(pageCount(pdf.bytes));
  });

  it('print list 03/TD with the households proposed, the total and the ward certification', async () => {
    const pdf = await download(`/api/meetings/${meetingId}/list.pdf`, leader);
    expect(pdf.status).toBe(200);
    expect(pdf.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Danh sách 03-TD HOABINH-01')}`);
    const text = pdfText(pdf.bytes);
    expectAll(text, [
      'Mẫu số 03/TD',
      'DANH SÁCH HỘ GIA ĐÌNH ĐỀ NGHỊ VAY VỐN',
      HUE,
      'Lương Thế Vinh',
      '40.000.000 đ',
      '95.000.000 đ',
      'Cộng: 2 hộ',
      'Tổ không tán thành',
      'UBND PHƯỜNG/XÃ XÁC NHẬN',
    ]);
    expect(renderPages(pdf.bytes, 'list-03-td', DOCS('03-td'))).toHaveLength(pageCount(pdf.bytes));
  });

  it('give list 03/TD as a worksheet that reads back with the names and the total', async () => {
    const sheet = await download(`/api/meetings/${meetingId}/list.xlsx`, await stack.login('bank.officer'));
    expect(sheet.status).toBe(200);
    expect(sheet.type).toContain('spreadsheetml');
    expect(sheet.disposition).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.bytes.buffer as ArrayBuffer);
    const rows = workbook.getWorksheet('Danh sách 03-TD')!.getSheetValues().slice(2);
    const cells = rows.map((row) => (row as unknown[]).slice(3, 7));
    expect(cells).toEqual([
      [HUE, 'Hộ nghèo', 'POOR', 40_000_000],
      ['Lương Thế Vinh', 'Hộ nghèo', 'POOR', 55_000_000],
      ['Cộng: 2 hộ', undefined, undefined, 95_000_000],
    ]);
  });
});
