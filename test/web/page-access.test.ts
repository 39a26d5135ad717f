/**
 * The pages' access table: every page route the app serves × a visitor and a signed-in officer, with the
 * status each gets. A page route the table does not list fails the first test, as the API's access matrix
 * does for the API. Also: CSRF on every POST, refusals as HTML in Vietnamese, the idle timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchOf } from '../support/batches.js';
import { submit } from '../support/fixtures.js';
import { pageRoutes } from '../support/routes.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
/** An application of ward HOABINH, waiting on its group vote. */
let subject: { code: string };
/** A draft review meeting of group HOABINH-01, opened by its leader. */
let meetingId: string;
/** A draft ward batch of group HOABINH-01, opened by the ward officer. */
let batchId: string;

beforeAll(async () => {
  stack = await startStack();
  subject = await submit(stack);
  const details = {
    meetingDate: '2026-12-02',
    place: 'Nhà văn hóa',
    associationOfficerName: 'A',
    villageHeadName: 'B',
  };
  const token = await stack.login('group.HOABINH-01');
  meetingId = (await stack.api('POST', '/api/groups/HOABINH-01/meetings', { token, body: details })).body.id;
  batchId = await batchOf(stack, 'ward-draft');
});

afterAll(async () => {
  await stack?.close();
});

interface Browser {
  cookies: Map<string, string>;
  csrf: string;
}

interface Answer {
  status: number;
  type: string;
  location: string | null;
  text: string;
}

function remember(browser: Browser, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const [name = '', value = ''] = pair.split('=');
    if (/Expires=Thu, 01 Jan 1970/.test(line) || value === '') browser.cookies.delete(name);
    else browser.cookies.set(name, decodeURIComponent(value));
  }
}

async function request(
  browser: Browser,
  method: 'GET' | 'POST',
  path: string,
  form: Record<string, string> = {},
  baseUrl = stack.baseUrl,
): Promise<Answer> {
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      cookie,
      ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(method === 'POST' ? { body: new URLSearchParams({ _csrf: browser.csrf, ...form }).toString() } : {}),
  });
  remember(browser, response);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    location: response.headers.get('location'),
    text: await response.text(),
  };
}

async function visitor(baseUrl = stack.baseUrl): Promise<Browser> {
  const browser: Browser = { cookies: new Map(), csrf: '' };
  await request(browser, 'GET', '/', {}, baseUrl);
  browser.csrf = browser.cookies.get('csrf') ?? '';
  return browser;
}

async function officer(username = 'ward.HOABINH'): Promise<Browser> {
  const browser = await visitor();
  const answer = await request(browser, 'POST', '/login', { username, password: 'demo1234' });
  expect(answer.status).toBe(303);
  return browser;
}

type Caller = 'visitor' | 'officer';
interface Row {
  route: string;
  expected: Record<Caller, number>;
  /** What a 200 answers, when it is not a page. */
  type?: string;
  call(browser: Browser): Promise<Answer>;
}

const both = (status: number) => ({ visitor: status, officer: status });
const NO_SUCH_LOAN = '00000000-0000-4000-8000-000000000000';
/** Every loan form's fields, valid, so that only the loan's existence decides the answer. */
const LOAN_FORM = {
  amount: '1',
  confirm: 'true',
  instalmentNo: '1',
  newDueOn: '02/12/2027',
  wardChairComment: 'Ý kiến',
  bankDecision: 'QĐ 1',
  outcome: 'as-planned',
  note: 'Ghi chú',
};

const TABLE: Row[] = [
  { route: 'GET /', expected: both(200), call: (b) => request(b, 'GET', '/') },
  { route: 'GET /lang/:lang', expected: both(303), call: (b) => request(b, 'GET', '/lang/en?next=/status') },
  // A signed-in officer has nothing to do on the sign-in page: straight to the inbox.
  { route: 'GET /login', expected: { visitor: 200, officer: 303 }, call: (b) => request(b, 'GET', '/login') },
  {
    route: 'POST /login',
    expected: both(401),
    call: (b) => request(b, 'POST', '/login', { username: 'ward.HOABINH', password: 'wrong-password' }),
  },
  { route: 'GET /logout', expected: { visitor: 303, officer: 200 }, call: (b) => request(b, 'GET', '/logout') },
  { route: 'POST /logout', expected: both(303), call: (b) => request(b, 'POST', '/logout') },
  { route: 'GET /status', expected: both(200), call: (b) => request(b, 'GET', '/status?code=X') },
  {
    route: 'POST /status',
    expected: both(404),
    call: (b) => request(b, 'POST', '/status', { code: 'HOABINH-2026-NOSUCH', citizenIdLast4: '1234' }),
  },
  // Form 01/TD carries personal data: never by code alone, only within the status session a lookup opened.
  {
    route: 'GET /status/:code/forms/01-td.pdf',
    expected: both(404),
    call: (b) => request(b, 'GET', `/status/${subject.code}/forms/01-td.pdf`),
  },
  {
    route: 'POST /status/amend',
    expected: both(404),
    call: (b) =>
      request(b, 'POST', '/status/amend', { code: 'HOABINH-2026-NOSUCH', last4: '1234', citizenId: '034100000000' }),
  },
  {
    route: 'POST /status/withdraw',
    expected: both(404),
    call: (b) =>
      request(b, 'POST', '/status/withdraw', { code: 'HOABINH-2026-NOSUCH', last4: '1234', citizenId: '034100000000' }),
  },
  { route: 'GET /apply', expected: both(200), call: (b) => request(b, 'GET', '/apply') },
  { route: 'GET /apply/groups', expected: both(200), call: (b) => request(b, 'GET', '/apply/groups?wardCode=X') },
  { route: 'POST /apply', expected: both(400), call: (b) => request(b, 'POST', '/apply', {}) },
  {
    route: 'GET /apply/submitted',
    expected: both(200),
    call: (b) => request(b, 'GET', '/apply/submitted?code=HOABINH-2026-ABC234'),
  },
  // Officers only: a visitor is sent to sign in, and comes back here after.
  { route: 'GET /inbox', expected: { visitor: 303, officer: 200 }, call: (b) => request(b, 'GET', '/inbox') },
  {
    route: 'GET /applications',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', '/applications?q=Nguyen%20Van%20Anh&step=group-vote&page=2'),
  },
  {
    route: 'GET /applications/:code',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', `/applications/${subject.code}`),
  },
  {
    route: 'GET /applications/:code/audit.csv',
    expected: { visitor: 303, officer: 200 },
    type: 'text/csv',
    call: (b) => request(b, 'GET', `/applications/${subject.code}/audit.csv`),
  },
  {
    route: 'GET /applications/:code/forms/01-td.pdf',
    expected: { visitor: 303, officer: 200 },
    type: 'application/pdf',
    call: (b) => request(b, 'GET', `/applications/${subject.code}/forms/01-td.pdf`),
  },
  // Capital belongs to a district: the ward officer reads the sources of their ward's district.
  {
    route: 'GET /capital',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', '/capital'),
  },
  {
    route: 'GET /capital/:code',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', '/capital/NSDP-KIENXUONG'),
  },
  // The loan book: the loans in the officer's scope; a loan that does not exist (or is outside the scope) is the
  // 404 page, before any form is read. test/web/loan-pages.test.ts takes a real loan through every form.
  {
    route: 'GET /loans',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', '/loans?status=ACTIVE&overdue=true&wardCode=HOABINH&page=2'),
  },
  {
    route: 'GET /loans/:id',
    expected: { visitor: 303, officer: 404 },
    call: (b) => request(b, 'GET', `/loans/${NO_SUCH_LOAN}`),
  },
  ...['principal-payments', 'early-repayment', 'extensions', 'use-check'].map((form) => ({
    route: `POST /loans/:id/${form}`,
    expected: { visitor: 401, officer: 404 },
    call: (b: Browser) => request(b, 'POST', `/loans/${NO_SUCH_LOAN}/${form}`, LOAN_FORM),
  })),
  {
    route: 'GET /capital/priorities',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', '/capital/priorities'),
  },
  // Capital is managed by the bank manager and the administrator: a ward officer's form gets the 403 page.
  {
    route: 'POST /capital',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/capital', { code: 'NSDP-X', name: 'X' }),
  },
  {
    route: 'POST /capital/:code/entrustments',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/capital/NSDP-KIENXUONG/entrustments', { amount: '1.000' }),
  },
  {
    route: 'POST /capital/:code/recalls',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/capital/NSDP-KIENXUONG/recalls', { amount: '1.000' }),
  },
  {
    route: 'POST /capital/:code/plans',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/capital/NSDP-KIENXUONG/plans', { year: '2027', amount: '1.000' }),
  },
  {
    route: 'POST /capital/priorities/:program',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/capital/priorities/POOR', { 'rank.NSDP-KIENXUONG': '1' }),
  },
  // The portfolio report reads the officer's districts, as capital does: the ward officer sees their ward's district.
  {
    route: 'GET /reports',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', '/reports'),
  },
  {
    route: 'GET /reports/report.xlsx',
    expected: { visitor: 303, officer: 200 },
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    call: (b) => request(b, 'GET', '/reports/report.xlsx?on=02/12/2026'),
  },
  // The transaction day is the bank's: a ward officer gets the 403 page.
  {
    route: 'GET /transaction-days',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/transaction-days'),
  },
  {
    route: 'GET /transaction-days/list.pdf',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/transaction-days/list.pdf?ward=HOABINH&date=2026-12-17'),
  },
  {
    route: 'GET /transaction-days/list.xlsx',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/transaction-days/list.xlsx?ward=HOABINH&date=2026-12-17'),
  },
  {
    route: 'GET /transaction-days/posting-list.pdf',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/transaction-days/posting-list.pdf?ward=HOABINH&date=2026-12-17'),
  },
  {
    route: 'POST /transaction-days/disbursements',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/transaction-days/disbursements', { ward: 'HOABINH', date: '2026-12-17' }),
  },
  {
    route: 'POST /transaction-days/carry-overs',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/transaction-days/carry-overs', { ward: 'HOABINH', date: '2026-12-17' }),
  },
  {
    route: 'POST /transaction-days/close',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/transaction-days/close', { ward: 'HOABINH', date: '2026-12-17' }),
  },
  // The ward officer's step is not the current one (the group vote is): 409, as the API answers.
  {
    route: 'POST /applications/:code/steps/:step/start',
    expected: { visitor: 401, officer: 409 },
    call: (b) => request(b, 'POST', `/applications/${subject.code}/steps/ward-verification/start`),
  },
  {
    route: 'POST /applications/:code/steps/:step/decision',
    expected: { visitor: 401, officer: 400 },
    call: (b) => request(b, 'POST', `/applications/${subject.code}/steps/ward-verification/decision`),
  },
  // The group vote's outcome before recording it: the whole page without htmx, the tally kept.
  {
    route: 'POST /applications/:code/vote-preview',
    expected: { visitor: 401, officer: 200 },
    call: (b) => request(b, 'POST', `/applications/${subject.code}/vote-preview`, { membersTotal: '10' }),
  },
  // The group's review meetings: officers in scope read them; only the group's leader opens, saves and closes.
  {
    route: 'GET /groups/:group/meetings',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', '/groups/HOABINH-01/meetings'),
  },
  {
    route: 'POST /groups/:group/meetings',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/groups/HOABINH-01/meetings', { place: 'X' }),
  },
  // The month's interest is the group leader's to collect and the bank office's to read: a ward officer gets 403.
  {
    route: 'GET /groups/:group/interest-collections',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/groups/HOABINH-01/interest-collections?month=2027-01'),
  },
  {
    route: 'POST /groups/:group/interest-collections',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/groups/HOABINH-01/interest-collections', { month: '2027-01' }),
  },
  {
    route: 'GET /meetings/:id',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', `/meetings/${meetingId}`),
  },
  ...['minutes.pdf', 'list.pdf', 'list.xlsx'].map((form) => ({
    route: `GET /meetings/:id/${form}`,
    // The page-access meeting is a draft: its forms exist once it is closed.
    expected: { visitor: 303, officer: 409 },
    call: (b: Browser) => request(b, 'GET', `/meetings/${meetingId}/${form}`),
  })),
  {
    route: 'POST /meetings/:id',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', `/meetings/${meetingId}`, { action: 'close' }),
  },
  // Every item's outcome as the form stands, nothing saved: the whole page without htmx.
  {
    route: 'POST /meetings/:id/tally',
    expected: { visitor: 401, officer: 200 },
    call: (b) => request(b, 'POST', `/meetings/${meetingId}/tally`, { attendees: meetingId }),
  },
  // A group's batches: officers in scope read them; the step's officer opens, saves and sends; the manager confirms.
  {
    route: 'GET /groups/:group/batches',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', '/groups/HOABINH-01/batches'),
  },
  // A malformed meeting id: refused on the page, nothing opened.
  {
    route: 'POST /groups/:group/batches',
    expected: { visitor: 401, officer: 400 },
    call: (b) => request(b, 'POST', '/groups/HOABINH-01/batches', { meetingId: 'not-a-meeting' }),
  },
  {
    route: 'GET /batches/:id',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', `/batches/${batchId}`),
  },
  // Every row left out without a reason: refused beside each row, nothing saved or sent.
  {
    route: 'POST /batches/:id',
    expected: { visitor: 401, officer: 400 },
    call: (b) => request(b, 'POST', `/batches/${batchId}`),
  },
  {
    route: 'POST /batches/:id/submit',
    expected: { visitor: 401, officer: 400 },
    call: (b) => request(b, 'POST', `/batches/${batchId}/submit`),
  },
  {
    route: 'POST /batches/:id/confirm',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', `/batches/${batchId}/confirm`),
  },
  ...['notice.pdf', 'notice.xlsx'].map((form) => ({
    route: `GET /batches/:id/${form}`,
    // A ward batch is never confirmed: notice 04/TD is the bank's.
    expected: { visitor: 303, officer: 409 },
    call: (b: Browser) => request(b, 'GET', `/batches/${batchId}/${form}`),
  })),
  // The administrator's pages: every other role gets the 403 page.
  { route: 'GET /admin', expected: { visitor: 303, officer: 403 }, call: (b) => request(b, 'GET', '/admin') },
  {
    route: 'GET /admin/access-log',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/access-log'),
  },
  {
    route: 'GET /admin/officers',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/officers'),
  },
  {
    route: 'POST /admin/officers',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/officers', { username: 'someone.new' }),
  },
  {
    route: 'GET /admin/officers/:username',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/officers/ward.HOABINH'),
  },
  {
    route: 'POST /admin/officers/:username',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/officers/ward.HOABINH', { role: 'admin' }),
  },
  {
    route: 'POST /admin/officers/:username/disable',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/officers/ward.TANLAP/disable'),
  },
  {
    route: 'POST /admin/officers/:username/enable',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/officers/ward.TANLAP/enable'),
  },
  {
    route: 'POST /admin/officers/:username/reset-password',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/officers/ward.TANLAP/reset-password', { password: 'another-secret' }),
  },
  {
    route: 'GET /admin/programs',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/programs'),
  },
  {
    route: 'POST /admin/programs',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/programs', { code: 'NEW_PROGRAM' }),
  },
  {
    route: 'GET /admin/programs/:code',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/programs/POOR'),
  },
  {
    route: 'POST /admin/programs/:code',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/programs/POOR', { ceilingVnd: '1' }),
  },
  {
    route: 'GET /admin/calendar',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/calendar?year=2026'),
  },
  {
    route: 'GET /admin/wards',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/wards'),
  },
  {
    route: 'POST /admin/wards',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/wards', { code: 'NEWWARD' }),
  },
  {
    route: 'GET /admin/wards/:code/groups',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/wards/HOABINH/groups'),
  },
  {
    route: 'POST /admin/wards/:code/groups',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/wards/HOABINH/groups', { code: 'HOABINH-09' }),
  },
  {
    route: 'POST /admin/groups/:code/members',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/groups/HOABINH-01/members', { fullName: 'X' }),
  },
  {
    route: 'POST /admin/groups/:code/members/:memberId/left',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/groups/HOABINH-01/members/00000000-0000-4000-8000-000000000000/left'),
  },
  // The ward's household list: only the ward's own officer (the table's officer is ward.HOABINH's).
  {
    route: 'GET /wards/:ward/registry',
    expected: { visitor: 303, officer: 200 },
    call: (b) => request(b, 'GET', '/wards/HOABINH/registry?q=Nguyen%20Thi%20Hang&page=2'),
  },
  // A form sent without a file (urlencoded): the page says so beside the file field.
  {
    route: 'POST /wards/:ward/registry',
    expected: { visitor: 401, officer: 400 },
    call: (b) => request(b, 'POST', '/wards/HOABINH/registry'),
  },
  {
    route: 'GET /wards/:ward/registry/export',
    expected: { visitor: 303, officer: 200 },
    type: 'text/csv',
    call: (b) => request(b, 'GET', '/wards/HOABINH/registry/export?format=csv'),
  },
  {
    route: 'GET /admin/wards/:code',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/wards/HOABINH'),
  },
  {
    route: 'POST /admin/wards/:code',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/wards/HOABINH', { transactionDay: '5' }),
  },
  {
    route: 'POST /admin/wards/:code/associations',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/wards/HOABINH/associations', { associationCodes: 'YOUTH' }),
  },
  {
    route: 'GET /admin/groups/:code',
    expected: { visitor: 303, officer: 403 },
    call: (b) => request(b, 'GET', '/admin/groups/HOABINH-01'),
  },
  {
    route: 'POST /admin/groups/:code',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/groups/HOABINH-01', { name: 'X' }),
  },
  {
    route: 'POST /admin/groups/:code/leader',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/groups/HOABINH-01/leader', { memberId: 'x' }),
  },
  {
    route: 'POST /admin/calendar',
    expected: { visitor: 401, officer: 403 },
    call: (b) => request(b, 'POST', '/admin/calendar', { year: '2031' }),
  },
];

describe('the pages access table', () => {
  it('covers every page route the app serves, and nothing it does not', () => {
    expect(pageRoutes(stack.app)).toEqual(TABLE.map((row) => row.route).sort());
  });

  it.each(TABLE.flatMap((row) => (['visitor', 'officer'] as const).map((caller) => [row.route, caller, row] as const)))(
    '%s as %s',
    async (_route, caller, row) => {
      const browser = caller === 'officer' ? await officer() : await visitor();
      const answer = await row.call(browser);
      expect(answer.status).toBe(row.expected[caller]);
      if (answer.status !== 303)
        expect(answer.type).toContain(answer.status === 200 ? (row.type ?? 'text/html') : 'text/html');
      expect(answer.text).not.toMatch(/^\s*[{[]/);
    },
  );
});

describe('the form 01/TD download', () => {
  it('gives the application page a link to the PDF, which downloads as form 01/TD of that application', async () => {
    const browser = await officer();
    const page = await request(browser, 'GET', `/applications/${subject.code}`);
    expect(page.text).toContain(`href="/applications/${subject.code}/forms/01-td.pdf"`);
    const response = await fetch(`${stack.baseUrl}/applications/${subject.code}/forms/01-td.pdf`, {
      headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ') },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`01-TD-${subject.code}.pdf`);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const outside = await request(await officer('ward.TANLAP'), 'GET', `/applications/${subject.code}/forms/01-td.pdf`);
    expect(outside.status).toBe(404);
  });
});

describe('the audit trail download', () => {
  it('gives the application page a link to the CSV, which downloads with its header row and the events', async () => {
    const browser = await officer();
    const page = await request(browser, 'GET', `/applications/${subject.code}`);
    expect(page.text).toContain(`href="/applications/${subject.code}/audit.csv"`);
    const response = await fetch(`${stack.baseUrl}/applications/${subject.code}/audit.csv`, {
      headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ') },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`audit-${subject.code}.csv`);
    const [header, ...rows] = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toBe('at,seq,type,step,actor_username,actor_role,actor_scope,outcome,reason,details');
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses an officer of another ward as the application page does', async () => {
    const answer = await request(await officer('ward.TANLAP'), 'GET', `/applications/${subject.code}/audit.csv`);
    expect(answer.status).toBe(404);
    expect(answer.type).toContain('text/html');
  });
});

describe('the administrator', () => {
  it('lands on /admin after sign-in and may open every administration page', async () => {
    const browser = await visitor();
    const signedIn = await request(browser, 'POST', '/login', { username: 'admin', password: 'demo1234', next: '' });
    expect(signedIn.location).toBe('/admin');
    for (const path of [
      '/admin',
      '/admin/officers',
      '/admin/officers/ward.HOABINH',
      '/admin/wards',
      '/admin/wards/HOABINH/groups',
      '/admin/calendar',
      '/admin/wards/HOABINH',
      '/admin/groups/HOABINH-01',
      '/admin/programs',
      '/admin/programs/POOR',
    ]) {
      expect((await request(browser, 'GET', path)).status).toBe(200);
    }
    expect((await request(browser, 'GET', '/login')).location).toBe('/admin');
  });
});

describe('the household list upload (multipart)', () => {
  const list =
    'Mã hộ;Họ và tên;Quan hệ với chủ hộ;Số CCCD;Ngày sinh;Thôn/Tổ dân phố;Phân loại hộ;Ngày vào danh sách;Ngày hết hạn\r\nHB-009;Bùi Thị Lệ;Chủ hộ;034190009999;31/02/1990;Thôn Bắc;Hộ nghèo;15/01/2026;31/12/2026\r\n';

  /** A multipart form with its parts in the order given, as a browser sends them in document order. */
  async function upload(browser: Browser, path: string, parts: ('token' | 'file')[], token = browser.csrf) {
    const form = new FormData();
    for (const part of parts) {
      if (part === 'token') form.append('_csrf', token);
      else form.append('file', new Blob([list], { type: 'text/csv' }), 'ds.csv');
    }
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const response = await fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { cookie }, body: form });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  }

  it('reads the file when the CSRF token comes first, and shows the row errors as a page', async () => {
    const answer = await upload(await officer(), '/wards/HOABINH/registry', ['token', 'file']);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('text/html');
    expect(answer.text).toContain('Kết quả nhập danh sách');
    expect(answer.text).toContain('&quot;31/02/1990&quot; không phải ngày hợp lệ');
  });

  it('refuses a missing or wrong token, and a file sent before the token, without reading the file', async () => {
    const browser = await officer();
    const imports = () => stack.db.prisma.registryImport.count({ where: { wardCode: 'HOABINH' } });
    const before = await imports();
    for (const [parts, token] of [
      [['file'], browser.csrf],
      [['token', 'file'], 'x'.repeat(43)],
      [['file', 'token'], browser.csrf],
    ] as const) {
      const answer = await upload(browser, '/wards/HOABINH/registry', [...parts], token);
      expect(answer.status, parts.join(',')).toBe(403);
      expect(answer.text).toContain('Bạn không có quyền thực hiện việc này.');
    }
    expect(await imports()).toBe(before);
  });

  it('takes one file at a time, and says so on the page', async () => {
    const answer = await upload(await officer(), '/wards/HOABINH/registry', ['token', 'file', 'file']);
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('text/html');
    expect(answer.text).toContain('Chỉ gửi một tệp mỗi lần.');
  });

  it('refuses a multipart body anywhere else, and another ward answers not found', async () => {
    const browser = await officer();
    expect((await upload(browser, '/logout', ['token', 'file'])).status).toBe(403);
    expect(browser.cookies.has('sid')).toBe(true);
    expect((await request(browser, 'GET', '/inbox')).status).toBe(200);
    expect((await upload(await officer('ward.TANLAP'), '/wards/HOABINH/registry', ['token', 'file'])).status).toBe(404);
  });
});

describe('refusals and sessions', () => {
  it('refuses a form sent without its CSRF token, as a page in Vietnamese', async () => {
    const browser = await visitor();
    browser.csrf = 'x'.repeat(43);
    const answer = await request(browser, 'POST', '/login', { username: 'ward.HOABINH', password: 'demo1234' });
    expect(answer.status).toBe(403);
    expect(answer.type).toContain('text/html');
    expect(answer.text).toContain('Bạn không có quyền thực hiện việc này.');
    expect(browser.cookies.has('sid')).toBe(false);
  });

  it('sends a visitor to sign in and back to the page asked for', async () => {
    const answer = await request(await visitor(), 'GET', '/inbox?step=group-vote');
    expect(answer.location).toBe('/login?next=%2Finbox%3Fstep%3Dgroup-vote');
  });

  it('keeps the session cookie HttpOnly and SameSite=Lax, with the same token the API accepts', async () => {
    const browser = await visitor();
    const response = await fetch(`${stack.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: `csrf=${browser.csrf}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: browser.csrf, username: 'bank.officer', password: 'demo1234' }).toString(),
    });
    const sid = response.headers.getSetCookie().find((line) => line.startsWith('sid='));
    expect(sid).toMatch(/HttpOnly/);
    expect(sid).toMatch(/SameSite=Lax/);
    const token = decodeURIComponent(sid!.split(';')[0]!.slice(4));
    expect((await stack.api('GET', '/api/auth/me', { token })).body.username).toBe('bank.officer');
  });

  it('slides the session on each page and ends it after the idle time', async () => {
    const browser = await officer();
    const sessions = () => stack.db.prisma.authSession.findMany({ orderBy: { createdAt: 'desc' }, take: 1 });
    const [created] = await sessions();
    expect(created!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await request(browser, 'GET', '/inbox');
    const [slid] = await sessions();
    expect(slid!.expiresAt.getTime()).toBeGreaterThan(created!.expiresAt.getTime());

    await stack.db.prisma.authSession.update({
      where: { id: slid!.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const answer = await request(browser, 'GET', '/inbox');
    expect(answer.location).toBe('/login?next=%2Finbox&ended=1');
    const login = await request(browser, 'GET', answer.location!);
    expect(login.text).toContain('Phiên làm việc đã hết hạn.');
  });

  it('answers too many tries with a page, in English on the switch', async () => {
    const baseUrl = await stack.serve({
      rateLimits: { login: { windowMs: 60_000, max: 1 }, statusLookup: { windowMs: 60_000, max: 1 } },
    });
    const browser = await visitor(baseUrl);
    await request(browser, 'GET', '/lang/en', {}, baseUrl);
    const form = { code: 'HOABINH-2026-NOSUCH', citizenIdLast4: '1234' };
    expect((await request(browser, 'POST', '/status', form, baseUrl)).status).toBe(404);
    const limited = await request(browser, 'POST', '/status', form, baseUrl);
    expect(limited.status).toBe(429);
    expect(limited.type).toContain('text/html');
    expect(limited.text).toContain('Too many tries. Please wait a minute.');
  });

  it("answers another ward's application with the same 404 page as a missing one", async () => {
    const other = await request(await officer('ward.TANLAP'), 'GET', `/applications/${subject.code}`);
    const missing = await request(await officer('ward.TANLAP'), 'GET', '/applications/HOABINH-2026-NOSUCH');
    expect([other.status, missing.status]).toEqual([404, 404]);
    expect(other.text).toContain('Không tìm thấy nội dung bạn cần.');
  });

  it('leaves the API its JSON answers', async () => {
    const answer = await stack.api('GET', '/api/no-such-thing');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });
});
