/**
 * Batches (đợt): the ward certifies a group's list, the association forwards it, the bank proposes and its
 * manager confirms; each row is decided through the application's own Updates, exactly once, however often a
 * submit or a confirm is sent. In the published order (POOR: group vote first) the ward's batch is made from the
 * meeting's list 03/TD; in the brief's order (JOB_CREATION: ward first) from the applications waiting, and the
 * bank's batch from the meeting. Notice 04/TD is issued as data and mailed to the officers and each borrower.
 */
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit, todayInVietnam } from '../support/fixtures.js';
import { meetingDetails } from '../support/meetings.js';
import { pdfText } from '../support/pdf.js';
import { startStack, type ApiResponse, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: string;

interface Row {
  applicationId: string;
  applicationCode: string;
  included: boolean;
  decided: { outcome: string; seq: number | null } | null;
  failure: { code: string; message: string } | null;
  confirmed: { outcome: string; seq: number | null } | null;
  confirmFailure: { code: string; message: string } | null;
  registryCheck?: { code: string; prefill: { outcome: string } };
}

const token = (username: string, password?: string) => stack.login(username, password);

async function as(username: string, method: string, path: string, body?: unknown): Promise<ApiResponse> {
  return stack.api(method, path, { token: await token(username), ...(body === undefined ? {} : { body }) });
}

function ok(response: ApiResponse, status = 200): ApiResponse {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response;
}

const rowOf = (body: { rows: Row[] }, applicationId: string): Row => {
  const row = body.rows.find((r) => r.applicationId === applicationId);
  if (!row) throw new Error(`no row for ${applicationId}`);
  return row;
};

/** The leader holds the group's meeting: 8 of its members present, 7 for on every item; closes it. */
async function holdMeeting(group: string): Promise<string> {
  const leader = `group.${group}`;
  const members = ok(await stack.api('GET', `/api/admin/groups/${group}/members`, { token: admin })).body as {
    id: string;
  }[];
  const attendees = members.slice(0, 8).map((m) => m.id);
  const opened = ok(await as(leader, 'POST', `/api/groups/${group}/meetings`, { ...meetingDetails(), attendees }), 201);
  const items = opened.body.items as { applicationId: string }[];
  const ballots = items.flatMap((item) =>
    attendees.slice(0, 7).map((memberId) => ({ applicationId: item.applicationId, memberId, vote: 'FOR' })),
  );
  ok(await as(leader, 'PATCH', `/api/meetings/${opened.body.id}`, { ballots }));
  const closed = ok(await as(leader, 'POST', `/api/meetings/${opened.body.id}/close`));
  expect(closed.body.status).toBe('CLOSED');
  return opened.body.id as string;
}

/** Each application's audit: how many times each step was decided, proposed or sent back. */
async function decisionCounts(applicationId: string): Promise<Record<string, number>> {
  const audit = ok(await as('bank.manager', 'GET', `/api/applications/${applicationId}/audit`));
  const counts: Record<string, number> = {};
  for (const entry of audit.body.entries as { type: string; step: string | null }[]) {
    if (!['STEP_DECIDED', 'APPROVAL_PROPOSED', 'PROPOSAL_SENT_BACK'].includes(entry.type)) continue;
    const key = `${entry.type}:${entry.step}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function noticeMails(batchId: string) {
  await stack.client.workflow.getHandle(`batch-notice-${batchId}`).result();
  const ours = stack.smtp.messages.filter((m) => m.raw.includes(`batch-${batchId}.notice.`));
  return Promise.all(ours.map(async (m) => ({ to: m.to, mail: await simpleParser(m.raw) })));
}

beforeAll(async () => {
  stack = await startStack();
  admin = await token('admin');
});

afterAll(async () => {
  await stack?.close();
});

describe('the batch path in the published order (group vote first)', () => {
  const apps: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', { id: string; code: string; citizenId: string }> = {} as never;
  let meetingId: string;
  let wardBatch: string;
  let bankBatch: string;

  beforeAll(async () => {
    const amounts = { a: 50_000_000, b: 40_000_000, c: 30_000_000, d: 20_000_000, e: 25_000_000, f: 35_000_000 };
    for (const [key, amount] of Object.entries(amounts) as [keyof typeof apps, number][]) {
      apps[key] = await submit(stack, { amount, termMonths: 36 });
    }
    meetingId = await holdMeeting('HOABINH-01');
  });

  it("makes the ward's batch from the meeting's list 03/TD, with the registry check beside every row", async () => {
    const opened = ok(
      await as('ward.HOABINH', 'POST', '/api/groups/HOABINH-01/batches', { step: 'ward-verification', meetingId }),
      201,
    );
    wardBatch = opened.body.id;
    expect(opened.body.status).toBe('DRAFT');
    expect(opened.body.meetingId).toBe(meetingId);
    const rows = opened.body.rows as Row[];
    expect(rows.map((r) => r.applicationId)).toEqual(Object.values(apps).map((a) => a.id));
    for (const row of rows) expect(row.registryCheck?.code).toBe(row.applicationCode);
    // The bank's officers read the batch, but not the ward's household list.
    const asBank = ok(await as('bank.officer', 'GET', `/api/batches/${wardBatch}`));
    expect((asBank.body.rows as Row[]).every((r) => r.registryCheck === undefined)).toBe(true);
  });

  it('hides the batch outside the scope and keeps it to the step’s officers', async () => {
    expect((await as('assoc.WOMEN.HOABINH', 'GET', `/api/batches/${wardBatch}`)).status).toBe(404);
    expect((await as('assoc.WOMEN.HOABINH', 'GET', '/api/groups/HOABINH-01/batches')).status).toBe(404);
    const byLeader = await as('group.HOABINH-01', 'POST', `/api/batches/${wardBatch}/submit`);
    expect(byLeader.status).toBe(403);
    const early = await as('ward.HOABINH', 'GET', `/api/batches/${wardBatch}/notice`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('BATCH_NOT_CONFIRMED');
  });

  it('certifies the list with one row excluded (rejected with its reason), each row once however often sent', async () => {
    const noReason = await as('ward.HOABINH', 'PATCH', `/api/batches/${wardBatch}`, {
      rows: [{ applicationId: apps.d.id, included: false, outcome: 'reject' }],
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('REASON_REQUIRED');
    ok(
      await as('ward.HOABINH', 'PATCH', `/api/batches/${wardBatch}`, {
        rows: [{ applicationId: apps.d.id, included: false, outcome: 'reject', reason: 'Hộ đã chuyển khỏi phường' }],
      }),
    );
    const [first, second] = await Promise.all([
      as('ward.HOABINH', 'POST', `/api/batches/${wardBatch}/submit`),
      as('ward.HOABINH', 'POST', `/api/batches/${wardBatch}/submit`),
    ]);
    ok(first!);
    ok(second!);
    const again = ok(await as('ward.HOABINH', 'POST', `/api/batches/${wardBatch}/submit`));
    expect(again.body.status).toBe('SUBMITTED');
    for (const key of ['a', 'b', 'c', 'e', 'f'] as const) {
      expect(rowOf(again.body, apps[key].id).decided?.outcome).toBe('approve');
    }
    expect(rowOf(again.body, apps.d.id).decided?.outcome).toBe('reject');
    const edit = await as('ward.HOABINH', 'PATCH', `/api/batches/${wardBatch}`, {
      rows: [{ applicationId: apps.a.id, included: false, outcome: 'return', reason: 'Muộn' }],
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('BATCH_NOT_DRAFT');
    for (const app of Object.values(apps)) {
      expect((await decisionCounts(app.id))['STEP_DECIDED:ward-verification']).toBe(1);
    }
  });

  it('recovers from a crash between the decisions and their markers without deciding again', async () => {
    // As if the submit had died right after the Updates: the markers are gone and the batch is still submitting.
    await stack.db.prisma.batchRow.updateMany({
      where: { batchId: wardBatch },
      data: { decidedOutcome: null, decidedSeq: null, failureCode: null, failureMessage: null },
    });
    await stack.db.prisma.batch.update({ where: { id: wardBatch }, data: { status: 'SUBMITTING', submittedAt: null } });
    const resumed = ok(await as('ward.HOABINH', 'POST', `/api/batches/${wardBatch}/submit`));
    expect(resumed.body.status).toBe('SUBMITTED');
    expect((resumed.body.rows as Row[]).map((r) => r.decided?.outcome)).toEqual([
      'approve',
      'approve',
      'approve',
      'reject',
      'approve',
      'approve',
    ]);
    for (const app of Object.values(apps)) {
      expect((await decisionCounts(app.id))['STEP_DECIDED:ward-verification']).toBe(1);
    }
  });

  it('forwards the list after the dossier check; a row withdrawn meanwhile is listed with its refusal', async () => {
    const opened = ok(
      await as('assoc.FARMERS.HOABINH', 'POST', '/api/groups/HOABINH-01/batches', { step: 'entrustment' }),
      201,
    );
    const batchId = opened.body.id as string;
    expect((opened.body.rows as Row[]).map((r) => r.applicationId)).toEqual(
      [apps.a, apps.b, apps.c, apps.e, apps.f].map((a) => a.id),
    );
    ok(
      await as('assoc.FARMERS.HOABINH', 'PATCH', `/api/batches/${batchId}`, {
        rows: [apps.a, apps.b, apps.c, apps.e, apps.f].map((a) => ({
          applicationId: a.id,
          fields: { dossierComplete: true, comment: 'Đủ giấy đề nghị vay vốn 01/TD và danh sách 03/TD' },
        })),
      }),
    );
    ok(
      await as('group.HOABINH-01', 'POST', `/api/applications/${apps.e.id}/withdraw`, {
        reason: 'Hộ vay xin rút hồ sơ tại buổi họp tổ',
      }),
    );
    const submitted = ok(await as('assoc.FARMERS.HOABINH', 'POST', `/api/batches/${batchId}/submit`));
    expect(rowOf(submitted.body, apps.e.id).failure?.code).toBe('APPLICATION_ENDED');
    for (const key of ['a', 'b', 'c', 'f'] as const) {
      expect(rowOf(submitted.body, apps[key].id).decided?.outcome).toBe('approve');
    }
    ok(await as('assoc.FARMERS.HOABINH', 'POST', `/api/batches/${batchId}/submit`));
    for (const key of ['a', 'b', 'c', 'f'] as const) {
      expect((await decisionCounts(apps[key].id))['STEP_DECIDED:entrustment']).toBe(1);
    }
  });

  it('confirms the proposals row by row: the proposer cannot confirm their own, the others are decided', async () => {
    // Row c was proposed on its own page by a second credit officer, who is then made a manager.
    ok(
      await stack.api('POST', '/api/admin/officers', {
        token: admin,
        body: {
          username: 'bank.officer2',
          displayName: 'Cán bộ tín dụng 2',
          role: 'bank_credit_officer',
          bankOfficeCode: 'PGD-KIENXUONG',
          password: 'Batch-Officer-2026',
        },
      }),
      201,
    );
    const officer2 = await token('bank.officer2', 'Batch-Officer-2026');
    ok(await stack.api('POST', `/api/applications/${apps.c.id}/steps/bank-approval/start`, { token: officer2 }));
    ok(
      await stack.api('POST', `/api/applications/${apps.c.id}/steps/bank-approval/decision`, {
        token: officer2,
        body: { outcome: 'approve', approvedAmount: 30_000_000, termMonths: 36 },
      }),
    );

    const opened = ok(
      await as('bank.officer', 'POST', '/api/groups/HOABINH-01/batches', { step: 'bank-approval' }),
      201,
    );
    bankBatch = opened.body.id;
    ok(
      await as('bank.officer', 'PATCH', `/api/batches/${bankBatch}`, {
        rows: [
          { applicationId: apps.a.id, fields: { approvedAmount: 45_000_000, termMonths: 24 } },
          { applicationId: apps.f.id, included: false, outcome: 'return', reason: 'Bổ sung phương án sử dụng vốn' },
        ],
      }),
    );
    const notYet = await as('bank.manager', 'POST', `/api/batches/${bankBatch}/confirm`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('BATCH_NOT_SUBMITTED');
    const proposed = ok(await as('bank.officer', 'POST', `/api/batches/${bankBatch}/submit`));
    expect(rowOf(proposed.body, apps.a.id).decided?.outcome).toBe('approve');
    expect(rowOf(proposed.body, apps.b.id).decided?.outcome).toBe('approve');
    expect(rowOf(proposed.body, apps.c.id)).toMatchObject({
      decided: { outcome: 'approve' },
      proposedBy: 'bank.officer2',
    });
    expect(rowOf(proposed.body, apps.f.id).decided?.outcome).toBe('return');

    ok(await stack.api('PATCH', '/api/admin/officers/bank.officer2', { token: admin, body: { role: 'bank_manager' } }));
    const manager = await token('bank.officer2', 'Batch-Officer-2026');
    const confirm = () => stack.api('POST', `/api/batches/${bankBatch}/confirm`, { token: manager });
    const [first, second] = await Promise.all([confirm(), confirm()]);
    ok(first!);
    ok(second!);
    const confirmed = ok(await confirm());
    expect(confirmed.body.status).toBe('CONFIRMED');
    expect(rowOf(confirmed.body, apps.a.id).confirmed?.outcome).toBe('approve');
    expect(rowOf(confirmed.body, apps.b.id).confirmed?.outcome).toBe('approve');
    expect(rowOf(confirmed.body, apps.c.id).confirmFailure?.code).toBe('SAME_OFFICER');
    for (const key of ['a', 'b'] as const) {
      expect(await decisionCounts(apps[key].id)).toEqual({
        'STEP_DECIDED:group-vote': 1,
        'STEP_DECIDED:ward-verification': 1,
        'STEP_DECIDED:entrustment': 1,
        'APPROVAL_PROPOSED:bank-approval': 1,
        'STEP_DECIDED:bank-approval': 1,
      });
    }
    expect((await decisionCounts(apps.c.id))['STEP_DECIDED:bank-approval']).toBeUndefined();
    expect((await decisionCounts(apps.f.id))['STEP_DECIDED:bank-approval']).toBe(1);
  });

  it('resumes a confirmation that died before its markers without confirming twice', async () => {
    await stack.db.prisma.batchRow.updateMany({
      where: { batchId: bankBatch },
      data: { confirmedOutcome: null, confirmedSeq: null, confirmFailureCode: null, confirmFailureMessage: null },
    });
    await stack.db.prisma.batch.update({ where: { id: bankBatch }, data: { status: 'CONFIRMING', confirmedAt: null } });
    const manager = await token('bank.officer2', 'Batch-Officer-2026');
    const resumed = ok(await stack.api('POST', `/api/batches/${bankBatch}/confirm`, { token: manager }));
    expect(resumed.body.status).toBe('CONFIRMED');
    expect(rowOf(resumed.body, apps.a.id).confirmed?.outcome).toBe('approve');
    expect(rowOf(resumed.body, apps.b.id).confirmed?.outcome).toBe('approve');
    expect(rowOf(resumed.body, apps.c.id).confirmFailure?.code).toBe('SAME_OFFICER');
    for (const key of ['a', 'b'] as const) {
      expect((await decisionCounts(apps[key].id))['STEP_DECIDED:bank-approval']).toBe(1);
    }
  });

  it('issues notice 04/TD for the batch: the loans approved, the row returned, the row not decided', async () => {
    const notice = ok(await as('ward.HOABINH', 'GET', `/api/batches/${bankBatch}/notice`)).body;
    expect(notice).toMatchObject({
      form: '04/TD',
      batchId: bankBatch,
      issuedOn: todayInVietnam(),
      ward: { code: 'HOABINH' },
      group: { code: 'HOABINH-01', leaderName: 'Nguyễn Văn Hùng' },
      association: { code: 'FARMERS' },
      total: { households: 2, amount: 85_000_000 },
      managerName: 'Cán bộ tín dụng 2',
    });
    expect(notice.approved).toEqual([
      expect.objectContaining({ no: 1, applicationCode: apps.a.code, amount: 45_000_000, termMonths: 24 }),
      expect.objectContaining({ no: 2, applicationCode: apps.b.code, amount: 40_000_000, termMonths: 36 }),
    ]);
    expect(notice.approved[0].annualRatePercent).toBe('6.6');
    expect(notice.transactionDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(notice.transactionPoint).toBeTruthy();
    expect(notice.refused).toEqual([
      {
        no: 1,
        applicationCode: apps.f.code,
        borrowerName: expect.any(String),
        outcome: 'return',
        reason: 'Bổ sung phương án sử dụng vốn',
      },
    ]);
    expect(notice.notDecided).toEqual([
      expect.objectContaining({ applicationCode: apps.c.code, code: 'SAME_OFFICER' }),
    ]);
  });

  it('prints notice 04/TD as PDF and as a workbook, with the borrowers and the amounts', async () => {
    const notice = ok(await as('ward.HOABINH', 'GET', `/api/batches/${bankBatch}/notice`)).body;
    const download = async (form: string) => {
      const response = await fetch(`${stack.baseUrl}/api/batches/${bankBatch}/${form}`, {
        headers: { authorization: `Bearer ${await token('ward.HOABINH')}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain('04-TD');
      return new Uint8Array(await response.arrayBuffer());
    };
    const text = pdfText(await download('notice.pdf'));
    expect(text).toContain('Mẫu số 04/TD');
    for (const row of notice.approved) expect(text).toContain(row.borrowerName);
    expect(text).toContain('45.000.000');
    expect(text).toContain('85.000.000');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('notice.xlsx')).buffer as ArrayBuffer);
    const approved = workbook.worksheets[0]!.getSheetValues()
      .flat()
      .filter((cell) => cell !== undefined);
    for (const row of notice.approved) expect(approved).toContain(row.borrowerName);
    expect(approved).toContain(85_000_000);

    const unconfirmed = await fetch(`${stack.baseUrl}/api/batches/${wardBatch}/notice.pdf`, {
      headers: { authorization: `Bearer ${await token('ward.HOABINH')}` },
    });
    expect(unconfirmed.status).toBe(409);
  });

  it('mails the notice once to the ward, the association and the group leader, and each borrower their own', async () => {
    const mails = await noticeMails(bankBatch);
    const to = (address: string) => mails.filter((m) => m.to.includes(address));
    for (const officer of ['ward.HOABINH', 'assoc.FARMERS.HOABINH', 'group.HOABINH-01']) {
      const theirs = to(`${officer}@demo.invalid`);
      expect(theirs, officer).toHaveLength(1);
      expect(theirs[0]!.mail.text).toContain(apps.a.code);
      expect(theirs[0]!.mail.text).toContain('45.000.000 đ');
    }
    const borrowers = mails.filter((m) => m.to.includes('anh.nguyen@example.vn'));
    expect(borrowers).toHaveLength(3);
    for (const app of [apps.a, apps.b, apps.f]) {
      const own = borrowers.filter((m) => m.mail.text?.includes(`/status?code=${app.code}`));
      expect(own, app.code).toHaveLength(1);
      expect(own[0]!.mail.text).not.toContain(app.citizenId);
    }
    // A retried confirm sends nothing again.
    const manager = await token('bank.officer2', 'Batch-Officer-2026');
    ok(await stack.api('POST', `/api/batches/${bankBatch}/confirm`, { token: manager }));
    expect(await noticeMails(bankBatch)).toHaveLength(mails.length);
  });
});

describe("the batch path in the brief's order (ward first)", () => {
  const apps: { id: string; code: string }[] = [];

  beforeAll(async () => {
    for (const amount of [60_000_000, 70_000_000, 80_000_000, 50_000_000]) {
      apps.push(await submit(stack, { programCode: 'JOB_CREATION', groupCode: 'HOABINH-02', amount, termMonths: 48 }));
    }
  });

  it('certifies the waiting applications, forwards them, votes, then proposes and confirms the meeting’s list', async () => {
    const [g, h, i, j] = apps as [(typeof apps)[0], (typeof apps)[0], (typeof apps)[0], (typeof apps)[0]];
    const ward = ok(
      await as('ward.HOABINH', 'POST', '/api/groups/HOABINH-02/batches', { step: 'ward-verification' }),
      201,
    );
    expect(ward.body.meetingId).toBeNull();
    expect((ward.body.rows as Row[]).map((r) => r.applicationId)).toEqual([g.id, h.id, i.id, j.id]);
    ok(
      await as('ward.HOABINH', 'PATCH', `/api/batches/${ward.body.id}`, {
        rows: [{ applicationId: i.id, included: false, outcome: 'return', reason: 'Sai tên thôn' }],
      }),
    );
    const certified = ok(await as('ward.HOABINH', 'POST', `/api/batches/${ward.body.id}/submit`));
    expect(rowOf(certified.body, i.id).decided?.outcome).toBe('return');

    const entrusted = ok(
      await as('assoc.WOMEN.HOABINH', 'POST', '/api/groups/HOABINH-02/batches', { step: 'entrustment' }),
      201,
    );
    expect((entrusted.body.rows as Row[]).map((r) => r.applicationId)).toEqual([g.id, h.id, j.id]);
    ok(
      await as('assoc.WOMEN.HOABINH', 'PATCH', `/api/batches/${entrusted.body.id}`, {
        rows: [g, h, j].map((a) => ({ applicationId: a.id, fields: { dossierComplete: true } })),
      }),
    );
    ok(await as('assoc.WOMEN.HOABINH', 'POST', `/api/batches/${entrusted.body.id}/submit`));

    const meetingId = await holdMeeting('HOABINH-02');
    const bank = ok(
      await as('bank.officer', 'POST', '/api/groups/HOABINH-02/batches', { step: 'bank-approval', meetingId }),
      201,
    );
    expect((bank.body.rows as Row[]).map((r) => r.applicationId)).toEqual([g.id, h.id, j.id]);
    ok(await as('bank.officer', 'POST', `/api/batches/${bank.body.id}/submit`));
    ok(await as('bank.officer', 'POST', `/api/batches/${bank.body.id}/submit`));
    ok(
      await as('bank.manager', 'PATCH', `/api/batches/${bank.body.id}`, {
        confirmations: [{ applicationId: j.id, confirmation: 'send-back', reason: 'Xem lại thời hạn vay' }],
      }),
    );
    const confirmed = ok(await as('bank.manager', 'POST', `/api/batches/${bank.body.id}/confirm`));
    expect((confirmed.body.rows as Row[]).map((r) => r.confirmed?.outcome)).toEqual([
      'approve',
      'approve',
      'send-back',
    ]);
    ok(await as('bank.manager', 'POST', `/api/batches/${bank.body.id}/confirm`));

    const notice = ok(await as('assoc.WOMEN.HOABINH', 'GET', `/api/batches/${bank.body.id}/notice`)).body;
    expect(notice.total).toEqual({ households: 2, amount: 130_000_000 });
    expect(notice.approved.map((r: { annualRatePercent: string }) => r.annualRatePercent)).toEqual(['8.382', '8.382']);
    expect(notice.creditOfficerName).toMatch(/Cán bộ tín dụng/);
    expect(notice.notDecided).toEqual([
      expect.objectContaining({ applicationCode: j.code, code: 'SENT_BACK', reason: 'Xem lại thời hạn vay' }),
    ]);
    expect(await decisionCounts(j.id)).toEqual({
      'STEP_DECIDED:ward-verification': 1,
      'STEP_DECIDED:entrustment': 1,
      'STEP_DECIDED:group-vote': 1,
      'APPROVAL_PROPOSED:bank-approval': 1,
      'PROPOSAL_SENT_BACK:bank-approval': 1,
    });
    for (const app of [g, h]) {
      expect(await decisionCounts(app.id)).toEqual({
        'STEP_DECIDED:ward-verification': 1,
        'STEP_DECIDED:entrustment': 1,
        'STEP_DECIDED:group-vote': 1,
        'APPROVAL_PROPOSED:bank-approval': 1,
        'STEP_DECIDED:bank-approval': 1,
      });
    }
    const mails = await noticeMails(bank.body.id);
    for (const officer of ['ward.HOABINH', 'assoc.WOMEN.HOABINH', 'group.HOABINH-02']) {
      expect(
        mails.filter((m) => m.to.includes(`${officer}@demo.invalid`)),
        officer,
      ).toHaveLength(1);
    }
    expect(mails.filter((m) => m.to.includes('anh.nguyen@example.vn'))).toHaveLength(2);
  });
});
