/**
 * Every route × every kind of caller × in or out of scope, generated from one table. A route the app
 * serves that the table does not list fails the first test, so no endpoint ships without a decided access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, applicationForm, approvalFor, runStep, startAs, submit } from '../support/fixtures.js';
import { batchOf } from '../support/batches.js';
import { closeOpenMeeting, closedMeeting, draftMeeting, meetingDetails } from '../support/meetings.js';
import { apiRoutes } from '../support/routes.js';
import { startStack, type ApiResponse, type TestStack } from '../support/stack.js';

const CALLERS = {
  anonymous: null,
  admin: 'admin',
  'ward-in': 'ward.HOABINH',
  'ward-out': 'ward.TANLAP',
  'assoc-in': 'assoc.FARMERS.HOABINH',
  'assoc-out': 'assoc.WOMEN.HOABINH',
  'group-in': 'group.HOABINH-01',
  'group-out': 'group.HOABINH-02',
  'credit-in': 'bank.officer',
  'manager-in': 'bank.manager',
  'bank-out': 'bank.tienhai',
} as const;
type Caller = keyof typeof CALLERS;
const OFFICERS_IN: Caller[] = ['ward-in', 'assoc-in', 'group-in', 'credit-in', 'manager-in'];
const OFFICERS_OUT: Caller[] = ['ward-out', 'assoc-out', 'group-out', 'bank-out'];
const ALL = Object.keys(CALLERS) as Caller[];

type Expected = Record<Caller, number>;
const each = (status: (caller: Caller) => number): Expected =>
  Object.fromEntries(ALL.map((caller) => [caller, status(caller)])) as Expected;

const publicRoute = (status: number) => each(() => status);
const officers = (status: number) => each((c) => (c === 'anonymous' ? 401 : status));
/** The bank's ledger of overdue debt: bank officers, within the wards their office serves (bank-out serves none). */
const bankOnly = (status: number, outOfOffice = status) =>
  each((c) =>
    c === 'anonymous' ? 401 : c === 'bank-out' ? outOfOffice : ['credit-in', 'manager-in'].includes(c) ? status : 403,
  );
const adminOnly = (status: number) => each((c) => (c === 'anonymous' ? 401 : c === 'admin' ? status : 403));
/** The ward's household list: its own ward officer only; every other officer 403 (ward codes are public). */
const ownWardOnly = (status: number) => each((c) => (c === 'anonymous' ? 401 : c === 'ward-in' ? status : 403));
/** Reads and acts on one application of ward HOABINH, group HOABINH-01 (FARMERS), bank office PGD-KIENXUONG. */
const scoped = (success: number, actors: Caller[] = OFFICERS_IN, anonymous = 401) =>
  each((c) => {
    if (c === 'anonymous') return anonymous;
    // Out of scope (and the administrator, who sees no loan files): 404, so ids cannot be probed.
    if (c === 'admin' || OFFICERS_OUT.includes(c)) return 404;
    return actors.includes(c) ? success : 403;
  });

interface Context {
  stack: TestStack;
  token(caller: Caller): Promise<string | undefined>;
  subject: { id: string; code: string; last4: string };
  throwaway(): Promise<string>;
}

interface Row {
  route: string;
  expected: Expected;
  call(ctx: Context, caller: Caller): Promise<ApiResponse>;
}

const as = async (ctx: Context, caller: Caller) => {
  const token = await ctx.token(caller);
  return token ? { token } : {};
};

/**
 * A one-household list of ward HOABINH, sent as the file itself (the stack's api() sends JSON only). A dry run,
 * so HOABINH keeps no list and the other rows can still file applications there.
 */
async function uploadList(ctx: Context, caller: Caller): Promise<ApiResponse> {
  const token = await ctx.token(caller);
  const csv =
    'Mã hộ;Họ và tên;Quan hệ với chủ hộ;Số CCCD;Ngày sinh;Thôn/Tổ dân phố;Phân loại hộ;Ngày vào danh sách;Ngày hết hạn\r\n' +
    'HB-900;Đỗ Văn Tâm;Chủ hộ;034070000900;01/01/1970;Thôn Đông;Hộ nghèo;15/01/2026;31/12/2026\r\n';
  const response = await fetch(`${ctx.stack.baseUrl}/api/wards/HOABINH/registry/import?fileName=ds.csv&dryRun=true`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: csv,
  });
  return { status: response.status, body: await response.text() };
}

const PROGRAM = {
  nameVi: 'Cho vay nước sạch và vệ sinh môi trường nông thôn',
  nameEn: 'Rural clean water and sanitation loans',
  ceilingVnd: 50_000_000,
  annualRatePercent: '9',
  maxTermMonths: 60,
  stepOrder: ['ward-verification', 'entrustment', 'group-vote', 'bank-approval', 'disbursement'],
  eligibleCategories: ['POOR', 'NEAR_POOR'],
  voteRules: { quorum: { numerator: 1, denominator: 2 }, approval: { numerator: 1, denominator: 2 } },
};

const suffix = () => Math.random().toString(36).slice(2, 8).toUpperCase();

/** A ward of its own (no bank office) where FARMERS operates, made by the administrator. */
async function throwawayWard(ctx: Context): Promise<string> {
  const code = `W-${suffix()}`;
  const created = await ctx.stack.api('POST', '/api/admin/wards', {
    token: await ctx.token('admin'),
    body: { code, ...WARD, associationCodes: ['FARMERS'] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return code;
}

async function throwawayGroup(ctx: Context): Promise<string> {
  const wardCode = await throwawayWard(ctx);
  const code = `${wardCode}-01`;
  const created = await ctx.stack.api('POST', '/api/admin/groups', {
    token: await ctx.token('admin'),
    body: { code, name: 'Tổ TK&VV thôn mới', village: 'Thôn Mới', wardCode, associationCode: 'FARMERS' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return code;
}

const citizen = () => `034${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

const WARD = {
  name: 'Xã Thử Nghiệm',
  kind: 'xa',
  district: 'Huyện Kiến Xương',
  province: 'Tỉnh Thái Bình',
  transactionPoint: 'Nhà văn hóa thôn',
  transactionDay: 12,
};

/** The review meetings of group HOABINH-01: every officer in scope reads them; only its leader holds them. */
const leaderOf = async (ctx: Context) => (await ctx.token('group-in')) ?? '';
const onMeeting = (method: string, path: (id: string) => string, closed = false, body?: unknown) =>
  async function call(ctx: Context, c: Caller): Promise<ApiResponse> {
    const leader = await leaderOf(ctx);
    const id = closed
      ? await closedMeeting(ctx.stack, 'HOABINH-01', leader)
      : await draftMeeting(ctx.stack, 'HOABINH-01', leader);
    return ctx.stack.api(method, path(id), { ...(body === undefined ? {} : { body }), ...(await as(ctx, c)) });
  };
const MEETING_ROWS: Row[] = [
  {
    route: 'GET /api/groups/:group/meetings',
    expected: scoped(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/groups/HOABINH-01/meetings', await as(ctx, c)),
  },
  {
    route: 'POST /api/groups/:group/meetings',
    expected: scoped(201, ['group-in']),
    call: async (ctx, c) => {
      if (c === 'group-in') await closeOpenMeeting(ctx.stack, 'HOABINH-01', await leaderOf(ctx));
      return ctx.stack.api('POST', '/api/groups/HOABINH-01/meetings', {
        body: meetingDetails(),
        ...(await as(ctx, c)),
      });
    },
  },
  { route: 'GET /api/meetings/:id', expected: scoped(200), call: onMeeting('GET', (id) => `/api/meetings/${id}`) },
  {
    route: 'PATCH /api/meetings/:id',
    expected: scoped(200, ['group-in']),
    call: onMeeting('PATCH', (id) => `/api/meetings/${id}`, false, { place: 'Hội trường thôn' }),
  },
  {
    route: 'POST /api/meetings/:id/agenda',
    expected: scoped(200, ['group-in']),
    call: onMeeting('POST', (id) => `/api/meetings/${id}/agenda`),
  },
  {
    route: 'POST /api/meetings/:id/close',
    expected: scoped(200, ['group-in']),
    call: onMeeting('POST', (id) => `/api/meetings/${id}/close`),
  },
  {
    route: 'GET /api/meetings/:id/minutes',
    expected: scoped(200),
    call: onMeeting('GET', (id) => `/api/meetings/${id}/minutes`, true),
  },
  {
    route: 'GET /api/meetings/:id/list',
    expected: scoped(200),
    call: onMeeting('GET', (id) => `/api/meetings/${id}/list`, true),
  },
  ...['minutes.pdf', 'list.pdf', 'list.xlsx'].map((file): Row => ({
    route: `GET /api/meetings/:id/${file}`,
    expected: scoped(200),
    call: onMeeting('GET', (id) => `/api/meetings/${id}/${file}`, true),
  })),
];

/** The batches of group HOABINH-01: every officer in scope reads them; the step's officers hold them. */
const onBatch = (
  method: string,
  path: (id: string) => string,
  stage: Parameters<typeof batchOf>[1] = 'ward-draft',
  body?: unknown,
) =>
  async function call(ctx: Context, c: Caller): Promise<ApiResponse> {
    const id = await batchOf(ctx.stack, stage);
    return ctx.stack.api(method, path(id), { ...(body === undefined ? {} : { body }), ...(await as(ctx, c)) });
  };
const BATCH_ROWS: Row[] = [
  {
    route: 'GET /api/groups/:group/batches',
    expected: scoped(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/groups/HOABINH-01/batches', await as(ctx, c)),
  },
  {
    route: 'POST /api/groups/:group/batches',
    expected: scoped(201, ['ward-in']),
    call: async (ctx, c) => {
      await submit(ctx.stack, { programCode: 'JOB_CREATION' });
      return ctx.stack.api('POST', '/api/groups/HOABINH-01/batches', {
        body: { step: 'ward-verification' },
        ...(await as(ctx, c)),
      });
    },
  },
  { route: 'GET /api/batches/:id', expected: scoped(200), call: onBatch('GET', (id) => `/api/batches/${id}`) },
  {
    route: 'PATCH /api/batches/:id',
    expected: scoped(200, ['ward-in']),
    call: onBatch('PATCH', (id) => `/api/batches/${id}`, 'ward-draft', { rows: [] }),
  },
  {
    route: 'POST /api/batches/:id/submit',
    expected: scoped(200, ['ward-in']),
    call: onBatch('POST', (id) => `/api/batches/${id}/submit`),
  },
  {
    route: 'POST /api/batches/:id/confirm',
    expected: scoped(200, ['manager-in']),
    call: onBatch('POST', (id) => `/api/batches/${id}/confirm`, 'bank-submitted'),
  },
  {
    route: 'GET /api/batches/:id/notice',
    expected: scoped(200),
    call: onBatch('GET', (id) => `/api/batches/${id}/notice`, 'bank-confirmed'),
  },
  {
    route: 'GET /api/batches/:id/notice.pdf',
    expected: scoped(200),
    call: onBatch('GET', (id) => `/api/batches/${id}/notice.pdf`, 'bank-confirmed'),
  },
  {
    route: 'GET /api/batches/:id/notice.xlsx',
    expected: scoped(200),
    call: onBatch('GET', (id) => `/api/batches/${id}/notice.xlsx`, 'bank-confirmed'),
  },
];

const REFERENCE_ROWS: Row[] = [
  {
    route: 'GET /api/admin/bank-offices',
    expected: adminOnly(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/admin/bank-offices', await as(ctx, c)),
  },
  {
    route: 'POST /api/admin/bank-offices',
    expected: adminOnly(201),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/admin/bank-offices', {
        body: { code: `PGD-${suffix()}`, name: 'Phòng giao dịch mới' },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'PATCH /api/admin/bank-offices/:code',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('PATCH', '/api/admin/bank-offices/PGD-TIENHAI', {
        body: { name: 'Phòng giao dịch NHCSXH huyện Tiền Hải' },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'GET /api/admin/wards',
    expected: adminOnly(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/admin/wards', await as(ctx, c)),
  },
  {
    route: 'POST /api/admin/wards',
    expected: adminOnly(201),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/admin/wards', { body: { code: `W-${suffix()}`, ...WARD }, ...(await as(ctx, c)) }),
  },
  {
    route: 'PATCH /api/admin/wards/:code',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('PATCH', `/api/admin/wards/${await throwawayWard(ctx)}`, {
        body: { transactionDay: 20, bankOfficeCode: 'PGD-TIENHAI' },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'PUT /api/admin/wards/:code/associations',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('PUT', `/api/admin/wards/${await throwawayWard(ctx)}/associations`, {
        body: { associationCodes: ['FARMERS', 'WOMEN'] },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'POST /api/admin/groups',
    expected: adminOnly(201),
    call: async (ctx, c) => {
      const wardCode = await throwawayWard(ctx);
      return ctx.stack.api('POST', '/api/admin/groups', {
        body: { code: `${wardCode}-01`, name: 'Tổ mới', village: 'Thôn Mới', wardCode, associationCode: 'FARMERS' },
        ...(await as(ctx, c)),
      });
    },
  },
  {
    route: 'PATCH /api/admin/groups/:code',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('PATCH', `/api/admin/groups/${await throwawayGroup(ctx)}`, {
        body: { village: 'Thôn Mới 2' },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'GET /api/admin/groups/:code/members',
    expected: adminOnly(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/admin/groups/HOABINH-01/members', await as(ctx, c)),
  },
  {
    route: 'POST /api/admin/groups/:code/members',
    expected: adminOnly(201),
    call: async (ctx, c) =>
      ctx.stack.api('POST', `/api/admin/groups/${await throwawayGroup(ctx)}/members`, {
        body: { fullName: 'Lê Thị Mới', citizenId: citizen() },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'PATCH /api/admin/groups/:code/members/:memberId',
    expected: adminOnly(200),
    call: async (ctx, c) => {
      const group = await throwawayGroup(ctx);
      const member = await ctx.stack.api('POST', `/api/admin/groups/${group}/members`, {
        token: await ctx.token('admin'),
        body: { fullName: 'Lê Văn Rời', citizenId: citizen(), joinedOn: '2024-01-15' },
      });
      return ctx.stack.api('PATCH', `/api/admin/groups/${group}/members/${member.body.id}`, {
        body: { leftOn: '2026-11-30' },
        ...(await as(ctx, c)),
      });
    },
  },
];

/** One disbursed loan of group HOABINH-01 (FARMERS, bank office PGD-KIENXUONG), made once for every loan row. */
let disbursed: Promise<string> | undefined;
function loanOf(ctx: Context): Promise<string> {
  disbursed ??= (async () => {
    const created = await submit(ctx.stack);
    for (const step of PUBLISHED) await runStep(ctx.stack, created.id, step);
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const opened = await ctx.stack.db.prisma.loanEvent.count({
        where: { loanId: created.id, type: 'INTEREST_MONTH_OPENED' },
      });
      if (opened > 0) return created.id;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the loan never opened');
  })();
  return disbursed;
}
const onLoan = (method: string, path: (id: string) => string, body?: (id: string) => unknown) =>
  async function call(ctx: Context, c: Caller): Promise<ApiResponse> {
    const id = await loanOf(ctx);
    return ctx.stack.api(method, path(id), { ...(body ? { body: body(id) } : {}), ...(await as(ctx, c)) });
  };
/** The group's monthly interest: its own leader, and (to read) the bank officers of its office; group codes are public. */
const groupInterest = (status: number, readers: Caller[]) =>
  each((c) => (c === 'anonymous' ? 401 : readers.includes(c) ? status : 403));
const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
// The writes are refused by the loan's own rules (amounts beyond what is due, a date in the past), so the one
// loan stays as it is for every caller: reaching the rule is what shows the caller was let through.
const LOAN_ROWS: Row[] = [
  {
    route: 'GET /api/loans',
    expected: officers(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/loans', await as(ctx, c)),
  },
  { route: 'GET /api/loans/:id', expected: scoped(200), call: onLoan('GET', (id) => `/api/loans/${id}`) },
  {
    route: 'POST /api/loans/:id/principal-payments',
    expected: scoped(422, ['credit-in']),
    call: onLoan(
      'POST',
      (id) => `/api/loans/${id}/principal-payments`,
      () => ({ amount: 999_000_000_000 }),
    ),
  },
  {
    route: 'POST /api/loans/:id/early-repayment',
    expected: scoped(422, ['credit-in']),
    call: onLoan(
      'POST',
      (id) => `/api/loans/${id}/early-repayment`,
      () => ({ amount: 1 }),
    ),
  },
  {
    route: 'POST /api/loans/:id/extensions',
    expected: scoped(422, ['manager-in']),
    call: onLoan(
      'POST',
      (id) => `/api/loans/${id}/extensions`,
      () => ({
        instalmentNo: 1,
        newDueOn: '2000-01-01',
        wardChairComment: 'Đồng ý',
        bankDecision: 'QĐ 1',
      }),
    ),
  },
  {
    route: 'POST /api/loans/:id/use-check',
    expected: scoped(200, ['assoc-in']),
    call: onLoan(
      'POST',
      (id) => `/api/loans/${id}/use-check`,
      () => ({ outcome: 'as-planned', note: 'Đúng mục đích' }),
    ),
  },
  {
    route: 'GET /api/groups/:group/interest-collections',
    expected: groupInterest(200, ['group-in', 'credit-in', 'manager-in']),
    call: onLoan('GET', () => `/api/groups/HOABINH-01/interest-collections?month=${thisMonth()}`),
  },
  {
    route: 'POST /api/groups/:group/interest-collections',
    expected: groupInterest(422, ['group-in']),
    call: onLoan(
      'POST',
      () => '/api/groups/HOABINH-01/interest-collections',
      (id) => ({ month: '2000-01', collections: [{ loanId: id, amount: 1 }] }),
    ),
  },
];

/** The demo district's capital: officers of its wards and its bank office read it; bank-out serves no ward. */
const DEMO_DISTRICT = 'Huyện Kiến Xương (dữ liệu mẫu)';
const capitalReaders = (status: number) => each((c) => (c === 'anonymous' ? 401 : c === 'bank-out' ? 404 : status));
/** The bank manager of the district's office and the administrator manage its sources; every other role 403. */
const capitalManagers = (status: number) =>
  each((c) => (c === 'anonymous' ? 401 : c === 'admin' || c === 'manager-in' ? status : 403));
const CAPITAL_ROWS: Row[] = [
  {
    route: 'GET /api/capital-sources',
    expected: officers(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/capital-sources', await as(ctx, c)),
  },
  {
    route: 'POST /api/capital-sources',
    expected: capitalManagers(201),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/capital-sources', {
        body: { code: `NSDP-${suffix()}`, name: 'Vốn ngân sách xã', kind: 'local', district: DEMO_DISTRICT },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'GET /api/capital-sources/:code',
    expected: capitalReaders(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/capital-sources/NSDP-KIENXUONG', await as(ctx, c)),
  },
  {
    // The portfolio report reads like the capital: the district's officers; a district not served answers 404.
    route: 'GET /api/reports',
    expected: capitalReaders(200),
    call: async (ctx, c) =>
      ctx.stack.api('GET', `/api/reports?district=${encodeURIComponent(DEMO_DISTRICT)}`, await as(ctx, c)),
  },
  {
    route: 'GET /api/reports.xlsx',
    expected: capitalReaders(200),
    call: async (ctx, c) =>
      ctx.stack.api('GET', `/api/reports.xlsx?district=${encodeURIComponent(DEMO_DISTRICT)}`, await as(ctx, c)),
  },
  {
    route: 'POST /api/capital-sources/:code/entrustments',
    expected: capitalManagers(201),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/capital-sources/NSDP-KIENXUONG/entrustments', {
        body: { kind: 'top-up', amount: 1_000_000, on: '2026-11-02', decisionNumber: '9/QĐ-UBND' },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'POST /api/capital-sources/:code/recalls',
    expected: capitalManagers(201),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/capital-sources/NSDP-KIENXUONG/recalls', {
        body: { amount: 1_000, on: '2026-11-02', decisionNumber: '10/QĐ-UBND' },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'PUT /api/capital-sources/:code/plans/:year',
    expected: capitalManagers(200),
    call: async (ctx, c) =>
      ctx.stack.api('PUT', '/api/capital-sources/TW-KIENXUONG-POOR/plans/2027', {
        body: { amount: 30_000_000_000 },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'GET /api/programs/:code/capital-priority',
    expected: officers(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/programs/POOR/capital-priority', await as(ctx, c)),
  },
  {
    route: 'PUT /api/programs/:code/capital-priority',
    expected: capitalManagers(200),
    call: async (ctx, c) =>
      ctx.stack.api('PUT', '/api/programs/POOR/capital-priority', {
        body: { sourceCodes: ['NSDP-KIENXUONG', 'TW-KIENXUONG-POOR'] },
        ...(await as(ctx, c)),
      }),
  },
];

const TABLE: Row[] = [
  ...LOAN_ROWS,
  { route: 'GET /health', expected: publicRoute(200), call: (ctx) => ctx.stack.api('GET', '/health') },
  { route: 'GET /openapi.json', expected: publicRoute(200), call: (ctx) => ctx.stack.api('GET', '/openapi.json') },
  // Operations: open to every caller on the test stack (no METRICS_TOKEN, a loopback caller; see observability.test.ts).
  { route: 'GET /health/live', expected: publicRoute(200), call: (ctx) => ctx.stack.api('GET', '/health/live') },
  { route: 'GET /health/ready', expected: publicRoute(200), call: (ctx) => ctx.stack.api('GET', '/health/ready') },
  { route: 'GET /metrics', expected: publicRoute(200), call: (ctx) => ctx.stack.api('GET', '/metrics') },
  {
    route: 'POST /api/auth/login',
    expected: each((c) => (c === 'anonymous' ? 401 : 200)),
    call: (ctx, c) =>
      ctx.stack.api('POST', '/api/auth/login', {
        body: {
          username: CALLERS[c] ?? 'nobody',
          password: CALLERS[c] === 'bank.tienhai' ? 'mat-khau-tienhai' : 'demo1234',
        },
      }),
  },
  {
    route: 'POST /api/auth/logout',
    expected: officers(204),
    call: async (ctx, c) => {
      // A fresh session, so the shared token of the caller stays valid for the other rows.
      const username = CALLERS[c];
      const password = username === 'bank.tienhai' ? 'mat-khau-tienhai' : 'demo1234';
      const fresh = username ? await ctx.stack.api('POST', '/api/auth/login', { body: { username, password } }) : null;
      return ctx.stack.api('POST', '/api/auth/logout', fresh ? { token: fresh.body.token } : {});
    },
  },
  {
    route: 'GET /api/auth/me',
    expected: officers(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/auth/me', await as(ctx, c)),
  },
  ...['programs', 'wards', 'associations', 'groups'].map((name): Row => ({
    route: `GET /api/${name}`,
    expected: publicRoute(200),
    call: (ctx) => ctx.stack.api('GET', `/api/${name}`),
  })),
  {
    route: 'GET /api/calendar',
    expected: publicRoute(200),
    call: (ctx) => ctx.stack.api('GET', '/api/calendar?year=2027'),
  },
  {
    route: 'POST /api/admin/programs',
    expected: adminOnly(201),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/admin/programs', {
        body: { ...PROGRAM, code: `TEST_${Math.random().toString(36).slice(2, 8).toUpperCase()}` },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'PUT /api/admin/programs/:code',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('PUT', '/api/admin/programs/CLEAN_WATER', { body: PROGRAM, ...(await as(ctx, c)) }),
  },
  {
    route: 'GET /api/admin/programs/:code/versions',
    expected: adminOnly(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/admin/programs/POOR/versions', await as(ctx, c)),
  },
  {
    route: 'GET /api/overdue-debts',
    expected: bankOnly(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/overdue-debts?citizenId=034172009999', await as(ctx, c)),
  },
  {
    // Ward codes are public: a ward outside the office is refused with 403.
    route: 'POST /api/overdue-debts',
    expected: bankOnly(201, 403),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/overdue-debts', {
        body: { citizenId: '034172009999', wardCode: 'HOABINH', amountVnd: 1_000_000, since: '2026-10-17' },
        ...(await as(ctx, c)),
      }),
  },
  {
    // The first call requests the clear (a second officer confirms it); outside the office the debt is a 404.
    route: 'POST /api/overdue-debts/:id/clear',
    expected: bankOnly(200, 404),
    call: async (ctx, c) => {
      const bank = await ctx.token('credit-in');
      const debt = await ctx.stack.api('POST', '/api/overdue-debts', {
        token: bank,
        body: { citizenId: '034172009998', wardCode: 'HOABINH', amountVnd: 1_000_000, since: '2026-10-17' },
      });
      return ctx.stack.api('POST', `/api/overdue-debts/${debt.body.id}/clear`, {
        body: { reason: 'Đã trả đủ' },
        ...(await as(ctx, c)),
      });
    },
  },
  {
    route: 'PUT /api/admin/calendar/:year',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('PUT', '/api/admin/calendar/2030', {
        body: { days: [{ date: '2030-01-01', working: false, nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" }] },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'POST /api/applications',
    expected: each((c) => (c === 'anonymous' || OFFICERS_IN.includes(c) ? 201 : 403)),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/applications', { body: applicationForm(), ...(await as(ctx, c)) }),
  },
  {
    route: 'GET /api/applications',
    expected: officers(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/applications', await as(ctx, c)),
  },
  {
    route: 'GET /api/inbox',
    expected: officers(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/inbox', await as(ctx, c)),
  },
  {
    route: 'GET /api/applications/:id',
    expected: scoped(200),
    call: async (ctx, c) => ctx.stack.api('GET', `/api/applications/${ctx.subject.id}`, await as(ctx, c)),
  },
  {
    route: 'GET /api/applications/:id/audit',
    expected: scoped(200),
    call: async (ctx, c) => ctx.stack.api('GET', `/api/applications/${ctx.subject.id}/audit`, await as(ctx, c)),
  },
  {
    route: 'GET /api/applications/:id/forms/01-td.pdf',
    expected: scoped(200),
    call: async (ctx, c) =>
      ctx.stack.api('GET', `/api/applications/${ctx.subject.id}/forms/01-td.pdf`, await as(ctx, c)),
  },
  {
    // A transaction point's list is the bank's: its office's officers only (ward codes are public: 403).
    route: 'GET /api/transaction-days',
    expected: bankOnly(200, 403),
    call: async (ctx, c) =>
      ctx.stack.api('GET', '/api/transaction-days?ward=HOABINH&date=2026-12-17', await as(ctx, c)),
  },
  {
    // In the office, the request reaches the workflow, which refuses it: the application is not at disbursement.
    route: 'POST /api/transaction-days/carry-overs',
    expected: bankOnly(409, 403),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/transaction-days/carry-overs', {
        ...(await as(ctx, c)),
        body: { ward: 'HOABINH', date: '2026-12-17', applicationId: ctx.subject.id, reason: 'Hộ vay vắng mặt' },
      }),
  },
  {
    route: 'POST /api/transaction-days/close',
    expected: bankOnly(200, 403),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/transaction-days/close', {
        ...(await as(ctx, c)),
        body: { ward: 'HOABINH', date: '2026-12-17', reason: 'Hết ngày giao dịch' },
      }),
  },
  {
    route: 'GET /api/transaction-days/posting-list.pdf',
    expected: bankOnly(200, 403),
    call: async (ctx, c) =>
      ctx.stack.api('GET', '/api/transaction-days/posting-list.pdf?ward=HOABINH&date=2026-12-17', await as(ctx, c)),
  },
  {
    // Officers amend only on the applicant's behalf, and no bank role amends (403). In scope, the request reaches
    // the workflow, which refuses it: the application is not returned (409). Without a session and without the
    // borrower's citizen ID the caller learns nothing, not even that the application exists (404).
    route: 'PATCH /api/applications/:id',
    expected: scoped(409, ['ward-in', 'assoc-in', 'group-in'], 404),
    call: async (ctx, c) =>
      ctx.stack.api('PATCH', `/api/applications/${ctx.subject.id}`, {
        body: { purpose: 'Chăn nuôi lợn', reason: 'Hộ vay nhờ sửa mục đích vay' },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'POST /api/applications/:id/withdraw',
    expected: scoped(200, OFFICERS_IN, 404),
    call: async (ctx, c) => {
      const fresh = await submit(ctx.stack);
      return ctx.stack.api('POST', `/api/applications/${fresh.id}/withdraw`, {
        body: { reason: 'Hộ vay xin rút hồ sơ' },
        ...(await as(ctx, c)),
      });
    },
  },
  {
    route: 'POST /api/applications/:id/steps/:step/start',
    expected: scoped(200, ['group-in']),
    call: async (ctx, c) => {
      const fresh = await submit(ctx.stack);
      return ctx.stack.api('POST', `/api/applications/${fresh.id}/steps/group-vote/start`, await as(ctx, c));
    },
  },
  {
    route: 'POST /api/applications/:id/steps/:step/decision',
    expected: scoped(200, ['group-in']),
    call: async (ctx, c) => {
      const fresh = await submit(ctx.stack);
      await startAs(ctx.stack, 'group.HOABINH-01', fresh.id, 'group-vote');
      return ctx.stack.api('POST', `/api/applications/${fresh.id}/steps/group-vote/decision`, {
        body: approvalFor('group-vote'),
        ...(await as(ctx, c)),
      });
    },
  },
  {
    route: 'GET /api/status/:code',
    expected: publicRoute(200),
    call: (ctx) => ctx.stack.api('GET', `/api/status/${ctx.subject.code}?citizenIdLast4=${ctx.subject.last4}`),
  },
  {
    route: 'GET /api/applications/:id/registry-check',
    expected: scoped(200),
    call: async (ctx, c) =>
      ctx.stack.api('GET', `/api/applications/${ctx.subject.id}/registry-check`, await as(ctx, c)),
  },
  {
    route: 'POST /api/wards/:ward/registry/import',
    expected: ownWardOnly(200),
    call: uploadList,
  },
  {
    route: 'GET /api/wards/:ward/registry/export',
    expected: ownWardOnly(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/wards/HOABINH/registry/export?format=csv', await as(ctx, c)),
  },
  {
    route: 'GET /api/wards/:ward/registry/households',
    expected: ownWardOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('GET', '/api/wards/HOABINH/registry/households?citizenId=034070000900', await as(ctx, c)),
  },
  {
    route: 'GET /api/admin/access-log',
    expected: adminOnly(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/admin/access-log?pageSize=5', await as(ctx, c)),
  },
  {
    route: 'POST /api/codec/decode',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/codec/decode', { ...(await as(ctx, c)), body: { payloads: [] } }),
  },
  {
    route: 'POST /api/codec/encode',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/codec/encode', { ...(await as(ctx, c)), body: { payloads: [] } }),
  },
  {
    route: 'GET /api/admin/officers',
    expected: adminOnly(200),
    call: async (ctx, c) => ctx.stack.api('GET', '/api/admin/officers', await as(ctx, c)),
  },
  {
    route: 'POST /api/admin/officers',
    expected: adminOnly(201),
    call: async (ctx, c) =>
      ctx.stack.api('POST', '/api/admin/officers', {
        body: {
          username: `ward.moi.${Math.random().toString(36).slice(2, 8)}`,
          displayName: 'Cán bộ phường mới',
          role: 'ward_officer',
          wardCode: 'DONGHUNG',
          password: 'mat-khau-moi-2026',
        },
        ...(await as(ctx, c)),
      }),
  },
  {
    route: 'PATCH /api/admin/officers/:username',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('PATCH', `/api/admin/officers/${await ctx.throwaway()}`, {
        body: { displayName: 'Cán bộ đã đổi tên' },
        ...(await as(ctx, c)),
      }),
  },
  ...['disable', 'enable'].map((action): Row => ({
    route: `POST /api/admin/officers/:username/${action}`,
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('POST', `/api/admin/officers/${await ctx.throwaway()}/${action}`, await as(ctx, c)),
  })),
  {
    route: 'POST /api/admin/officers/:username/reset-password',
    expected: adminOnly(200),
    call: async (ctx, c) =>
      ctx.stack.api('POST', `/api/admin/officers/${await ctx.throwaway()}/reset-password`, {
        body: { password: 'mat-khau-dat-lai-2026' },
        ...(await as(ctx, c)),
      }),
  },
  ...REFERENCE_ROWS,
  ...MEETING_ROWS,
  ...BATCH_ROWS,
  ...CAPITAL_ROWS,
];

let stack: TestStack;
let ctx: Context;

beforeAll(async () => {
  stack = await startStack();
  const admin = await stack.login('admin');
  const created = await stack.api('POST', '/api/admin/officers', {
    token: admin,
    body: {
      username: 'bank.tienhai',
      displayName: 'Cán bộ tín dụng PGD Tiền Hải',
      role: 'bank_credit_officer',
      bankOfficeCode: 'PGD-TIENHAI',
      password: 'mat-khau-tienhai',
    },
  });
  expect(created.status).toBe(201);
  const subject = await submit(stack);
  let serial = 0;
  ctx = {
    stack,
    subject,
    token: async (caller) => {
      const username = CALLERS[caller];
      if (!username) return undefined;
      return stack.login(username, username === 'bank.tienhai' ? 'mat-khau-tienhai' : 'demo1234');
    },
    throwaway: async () => {
      serial += 1;
      const username = `tam.thoi.${serial}`;
      const response = await stack.api('POST', '/api/admin/officers', {
        token: admin,
        body: {
          username,
          displayName: 'Tài khoản tạm',
          role: 'ward_officer',
          wardCode: 'TANLAP',
          password: 'tam-thoi-2026',
        },
      });
      expect(response.status).toBe(201);
      return username;
    },
  };
});

afterAll(async () => {
  await stack?.close();
});

describe('the access matrix', () => {
  it('covers every route the app serves, and nothing it does not', () => {
    expect(apiRoutes(stack.app)).toEqual(TABLE.map((row) => row.route).sort());
  });

  it.each(TABLE.map((row) => [row.route, row] as const))(
    '%s answers each caller as the table says',
    async (_route, row) => {
      const answers = {} as Expected;
      for (const caller of ALL) answers[caller] = (await row.call(ctx, caller)).status;
      expect(answers).toEqual(row.expected);
    },
  );
});
