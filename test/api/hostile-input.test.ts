/**
 * Generated hostile payloads against every endpoint that takes input: wrong types, huge strings, unicode
 * edge cases, negative and enormous numbers, extra fields, malformed JSON. None may produce a 500, and a
 * refused request changes neither the database nor any workflow.
 */
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationForm, approvalFor, nextCitizenId, runStep, submit } from '../support/fixtures.js';
import { settledFootprint } from '../support/observe.js';
import { startStack, type TestStack } from '../support/stack.js';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 300);

let stack: TestStack;
let token: string;
let admin: string;
let target: { id: string; code: string; last4: string };

beforeAll(async () => {
  stack = await startStack();
  token = await stack.login('bank.manager');
  admin = await stack.login('admin');
  target = await submit(stack);
  // The group vote is decided, so every decision on that step can only be refused.
  await runStep(stack, target.id, 'group-vote');
});

afterAll(async () => {
  await stack?.close();
});

async function databaseFootprint() {
  const prisma = stack.db.prisma;
  const [applications, audit, decisions, outbox, officers, programs] = await Promise.all([
    prisma.application.count(),
    // Mail delivery audits itself later, on its own: only what a request writes is compared.
    prisma.auditEvent.count({ where: { type: { not: 'EMAIL_SENT' } } }),
    prisma.stepDecision.count(),
    prisma.notificationOutbox.count(),
    prisma.officerAccount.count(),
    prisma.loanProgram.count(),
  ]);
  return { applications, audit, decisions, outbox, officers, programs };
}

/** Strings that break naive code: empty, huge, control characters, lone surrogates, RTL marks, emoji, SQL. */
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '\u202E',
    'Nguyễn\u0301',
    '👨‍👩‍👧',
    "'; DROP TABLE applications; --",
    '{{7*7}}',
    '__proto__',
  ),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'Đ'.repeat(n)),
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0.5),
);
const nastyValue = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.jsonValue(),
);

/** A valid body with one field replaced, removed, or an extra field added. */
function mutated(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc
      .record({ key: fc.constantFrom(...keys), value: nastyValue })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc
      .record({ key: fc.string({ minLength: 1, maxLength: 20 }), value: nastyValue })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.jsonValue(),
  );
}

const malformed = fc.oneof(
  fc.string().filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
  fc.constantFrom('{', '{"a":', '[1,2', '{"amount": 1e99999}', '\u0000{}', '{"__proto__": {"admin": true}}'),
);

interface Target {
  name: string;
  method: string;
  path: () => string;
  valid: () => Record<string, unknown>;
  auth: () => string | undefined;
}

const TARGETS: Target[] = [
  {
    name: 'submission',
    method: 'POST',
    path: () => '/api/applications',
    valid: () => applicationForm(),
    auth: () => undefined,
  },
  {
    name: 'group-vote decision',
    method: 'POST',
    path: () => `/api/applications/${target.id}/steps/group-vote/decision`,
    valid: () => approvalFor('group-vote'),
    auth: () => token,
  },
  {
    name: 'bank-approval decision',
    method: 'POST',
    path: () => `/api/applications/${target.id}/steps/bank-approval/decision`,
    valid: () => approvalFor('bank-approval'),
    auth: () => token,
  },
  {
    name: 'amendment',
    method: 'PATCH',
    path: () => `/api/applications/${target.id}`,
    valid: () => ({ amount: 1000, purpose: 'x' }),
    auth: () => token,
  },
  {
    name: 'withdrawal',
    method: 'POST',
    path: () => `/api/applications/${target.id}/withdraw`,
    valid: () => ({ citizenId: '000000000000' }),
    auth: () => undefined,
  },
  {
    name: 'login',
    method: 'POST',
    path: () => '/api/auth/login',
    valid: () => ({ username: 'admin', password: 'wrong-password' }),
    auth: () => undefined,
  },
  {
    name: 'officer creation',
    method: 'POST',
    path: () => '/api/admin/officers',
    valid: () => ({ username: 'x', displayName: 'x', role: 'ward_officer', wardCode: 'KHONGCO', password: 'short' }),
    auth: () => admin,
  },
  {
    name: 'programme version',
    method: 'PUT',
    path: () => '/api/admin/programs/POOR',
    valid: () => ({ nameVi: 'x', nameEn: 'x', ceilingVnd: -1, annualRatePercent: '6.6', maxTermMonths: 12 }),
    auth: () => admin,
  },
  {
    name: 'holiday calendar',
    method: 'PUT',
    path: () => '/api/admin/calendar/2031',
    valid: () => ({ days: [{ date: '2031-02-30', working: false, nameVi: 'x', nameEn: 'x' }] }),
    auth: () => admin,
  },
  {
    name: 'overdue debt',
    method: 'POST',
    path: () => '/api/overdue-debts',
    valid: () => ({ citizenId: '12345', amountVnd: 1000, since: '2026-01-01' }),
    auth: () => token,
  },
  {
    name: 'officer change',
    method: 'PATCH',
    path: () => '/api/admin/officers/ward.TANLAP',
    valid: () => ({ role: 'ward_officer', wardCode: 'KHONGCO' }),
    auth: () => admin,
  },
];

async function send(t: Target, body: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = t.auth();
  if (auth) headers.authorization = `Bearer ${auth}`;
  const response = await fetch(`${stack.baseUrl}${t.path()}`, { method: t.method, headers, body });
  await response.arrayBuffer();
  return response.status;
}

describe('hostile query strings and path segments never produce a 500', () => {
  // A lone surrogate cannot be percent-encoded as UTF-8: send the bytes of one (invalid UTF-8) instead.
  const encode = (text: string) =>
    encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '')) + (/[\uD800-\uDFFF]/.test(text) ? '%ED%A0%80' : '');
  const segment = fc.oneof(nastyString, fc.string({ unit: 'binary', maxLength: 50 })).map(encode);
  it.each([
    ['application list', (q: string) => `/api/applications?${q}`],
    ['inbox', (q: string) => `/api/inbox?${q}`],
    ['groups', (q: string) => `/api/groups?${q}`],
    ['calendar', (q: string) => `/api/calendar?${q}`],
    ['audit', (q: string) => `/api/applications/${target.id}/audit?${q}`],
  ] as const)('%s', async (_name, path) => {
    const query = fc
      .array(
        fc.tuple(
          fc.constantFrom('ward', 'group', 'step', 'status', 'page', 'pageSize', 'year', 'format', 'x'),
          segment,
        ),
        {
          maxLength: 4,
        },
      )
      .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&'));
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const response = await fetch(`${stack.baseUrl}${path(q)}`, { headers: { authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        return response.status < 500;
      }),
      { numRuns: RUNS },
    );
  });

  it('status lookups and application ids', async () => {
    await fc.assert(
      fc.asyncProperty(segment, segment, async (code, last4) => {
        const status = await fetch(`${stack.baseUrl}/api/status/${code || 'x'}?citizenIdLast4=${last4}`);
        const byId = await fetch(`${stack.baseUrl}/api/applications/${code || 'x'}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await Promise.all([status.arrayBuffer(), byId.arrayBuffer()]);
        return status.status < 500 && byId.status < 500;
      }),
      { numRuns: RUNS },
    );
  });
});

describe('hostile input never produces a 500 and leaves nothing behind', () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))('%s', async (_name, t) => {
    const history = (await (await stack.handleFor(target.id)).fetchHistory()).events?.length;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutated(t.valid()).map((body) => JSON.stringify(body) ?? 'null'),
          malformed,
        ),
        async (raw) => {
          const before = await databaseFootprint();
          const status = await send(t, raw);
          if (status < 400) {
            // A mutation that is still a valid request (another village name, say) may succeed.
            accepted += 1;
            return status < 300;
          }
          return status < 500 && JSON.stringify(await databaseFootprint()) === JSON.stringify(before);
        },
      ),
      { numRuns: RUNS },
    );
    // Every decision on the target is refused (its step is over), so its workflow history cannot have grown.
    if (t.path().includes(target.id)) {
      expect(accepted).toBe(0);
      expect((await (await stack.handleFor(target.id)).fetchHistory()).events?.length).toBe(history);
    }
  });
});

describe('deeply nested bodies', () => {
  const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}1${close.repeat(depth)}`;
  it.each([
    ['arrays', nested(5000, '[', ']')],
    ['objects', nested(5000, '{"a":', '}')],
    ['a field of a valid form', JSON.stringify(applicationForm()).replace(/}$/, `,"x":${nested(40, '[', ']')}}`)],
  ])('are refused with 400 when nested too deep: %s', async (_name, body) => {
    const before = await databaseFootprint();
    for (const t of TARGETS.filter((t) => ['submission', 'login', 'group-vote decision'].includes(t.name))) {
      const response = await fetch(`${stack.baseUrl}${t.path()}`, {
        method: t.method,
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `deep-${Math.random()}`,
          ...(t.auth() ? { authorization: `Bearer ${t.auth()}` } : {}),
        },
        body,
      });
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(response.status, t.name).toBe(400);
      expect(answer.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('32') });
    }
    expect(await databaseFootprint()).toEqual(before);
  });
});

describe('line breaks in single-line fields', () => {
  const INJECTED = 'Nguyễn Thị Hoa\r\nBcc: victim@example.vn\u2028To: x@example.vn\u0085\tX-Spam: 1';
  const ONE_LINE = 'Nguyễn Thị Hoa Bcc: victim@example.vn To: x@example.vn X-Spam: 1';

  it("keep a borrower's name on one line in the officer's mail; a plan keeps its lines as LF", async () => {
    const form = applicationForm({ village: ' Thôn\r\nĐông ', usePlan: 'Mua bò\r\nLàm chuồng\u2028Trả lãi\u0007' });
    const borrower = { ...(form.borrower as Record<string, unknown>), fullName: INJECTED, citizenId: nextCitizenId() };
    const created = await stack.api('POST', '/api/applications', { body: { ...form, borrower } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await settledFootprint(stack, created.body.id);

    const view = await stack.api('GET', `/api/applications/${created.body.id}`, { token });
    expect(view.body).toMatchObject({
      borrower: { fullName: ONE_LINE },
      village: 'Thôn Đông',
      usePlan: 'Mua bò\nLàm chuồng\nTrả lãi',
    });
    const outbox = await stack.db.prisma.notificationOutbox.findMany({ where: { applicationId: created.body.id } });
    const officerRow = outbox.find((row) => row.recipient === 'group.HOABINH-01@demo.invalid');
    const raw = stack.smtp.messages.find((m) => officerRow && m.raw.includes(officerRow.messageId))?.raw ?? '';
    const mail = await simpleParser(raw);
    const lines = (mail.text ?? '').split('\n');
    expect(lines.filter((l) => l.includes('Nguyễn Thị Hoa')).every((l) => l.includes(ONE_LINE))).toBe(true);
    expect(lines.filter((l) => l.includes('Nguyễn Thị Hoa')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => /^\s*(Bcc|To|X-Spam):/.test(l))).toEqual([]);
    expect(mail.bcc).toBeUndefined();
  });

  it('collapse whitespace in an officer display name', async () => {
    const username = `ward.line${Date.now() % 100000}`;
    const created = await stack.api('POST', '/api/admin/officers', {
      token: admin,
      body: { username, displayName: INJECTED, role: 'ward_officer', wardCode: 'HOABINH', password: 'mat-khau-2026' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.displayName).toBe(ONE_LINE);
  });
});
