import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../support/fixtures.js';
import { apiRoutes } from '../support/routes.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

describe('reference data, health and the API description', () => {
  it('reports Temporal and the database as reachable', async () => {
    const health = await stack.api('GET', '/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', database: 'up', temporal: 'up' } });
  });

  it('lists the seeded programmes with both step orders', async () => {
    const programs = await stack.api('GET', '/api/programs');
    const byCode = Object.fromEntries(programs.body.map((p: { code: string }) => [p.code, p]));
    expect(Object.keys(byCode).sort()).toEqual([
      'CLEAN_WATER',
      'JOB_CREATION',
      'NEAR_POOR',
      'NEWLY_ESCAPED',
      'POOR',
      'STUDENT',
    ]);
    expect(byCode.POOR).toMatchObject({
      ceilingVnd: 100_000_000,
      annualRatePercent: '6.6',
      maxTermMonths: 120,
      deadlines: { 'group-vote': 15, 'ward-verification': 5, entrustment: 5, 'bank-approval': 3 },
      graceWorkingDays: 5,
    });
    expect(byCode.POOR.stepOrder[0]).toBe('group-vote');
    expect(byCode.JOB_CREATION.stepOrder[0]).toBe('ward-verification');
    expect(byCode.POOR.name.vi).toBe('Cho vay hộ nghèo');
  });

  it('lists wards, associations and the groups of a ward with member counts', async () => {
    const wards = await stack.api('GET', '/api/wards');
    expect(wards.body.map((w: { code: string }) => w.code)).toEqual(['DONGHUNG', 'HOABINH', 'TANLAP']);
    const associations = await stack.api('GET', '/api/associations');
    expect(associations.body.map((a: { code: string }) => a.code)).toEqual(['FARMERS', 'VETERANS', 'WOMEN', 'YOUTH']);
    const groups = await stack.api('GET', '/api/groups?ward=HOABINH');
    expect(groups.body).toHaveLength(2);
    expect(groups.body[0]).toMatchObject({ code: 'HOABINH-01', associationCode: 'FARMERS', memberCount: 10 });
    expect(groups.body[0].associationName.vi).toBe('Hội Nông dân');
  });

  it('logs in every demo account and refuses a wrong password the same way as an unknown user', async () => {
    for (const username of [
      'admin',
      'ward.HOABINH',
      'assoc.WOMEN.TANLAP',
      'group.DONGHUNG-02',
      'bank.officer',
      'bank.manager',
    ]) {
      const response = await stack.api('POST', '/api/auth/login', { body: { username, password: 'demo1234' } });
      expect(response.status, username).toBe(200);
    }
    const wrong = await stack.api('POST', '/api/auth/login', { body: { username: 'admin', password: 'nope' } });
    const unknown = await stack.api('POST', '/api/auth/login', { body: { username: 'nobody', password: 'nope' } });
    expect(wrong).toEqual(unknown);
    expect(wrong.status).toBe(401);
  });

  it('stops honouring a token after logout', async () => {
    const fresh = await stack.api('POST', '/api/auth/login', {
      body: { username: 'bank.manager', password: 'demo1234' },
    });
    const token = fresh.body.token as string;
    expect((await stack.api('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await stack.api('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await stack.api('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('pages and filters the application list', async () => {
    const created = await Promise.all([
      submit(stack),
      submit(stack),
      submit(stack, { wardCode: 'TANLAP', groupCode: 'TANLAP-01' }),
    ]);
    const token = await stack.login('bank.manager');
    const hoabinh = await stack.api('GET', '/api/applications?ward=HOABINH&pageSize=1&page=2', { token });
    expect(hoabinh.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(hoabinh.body.items).toHaveLength(1);
    const byStep = await stack.api('GET', '/api/applications?step=group-vote&status=IN_PROGRESS', { token });
    expect(byStep.body.total).toBe(3);
    const bad = await stack.api('GET', '/api/applications?status=DONE', { token });
    expect(bad.status).toBe(400);
    expect(created).toHaveLength(3);
  });

  it('shows the applicant only their status, in Vietnamese and English, with no officer names', async () => {
    const created = await submit(stack);
    const status = await stack.api('GET', `/api/status/${created.code}?citizenIdLast4=${created.last4}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      code: created.code,
      status: 'IN_PROGRESS',
      currentStep: 'group-vote',
      currentStepLabel: { vi: 'Tổ TK&VV bình xét', en: 'Savings-and-loan group review vote' },
    });
    expect(status.body.nextAction.vi).toContain('Tổ TK&VV bình xét');
    expect(JSON.stringify(status.body)).not.toMatch(/citizenId|username|group\.HOABINH/);
    expect((await stack.api('GET', `/api/status/KHONGCO-2026-XXXXXX?citizenIdLast4=${created.last4}`)).status).toBe(
      404,
    );
  });

  it('describes every route in the OpenAPI document from the zod schemas', async () => {
    const doc = await stack.api('GET', '/openapi.json');
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    // Pages are not API: they answer HTML to browsers (see test/support/routes.ts).
    const served = apiRoutes(stack.app).map((route) => route.replace(/steps\/:step/, 'steps/:step'));
    const undocumented = served.filter(
      (route) =>
        !documented.includes(route) && !documented.some((d) => d.replace(/steps\/[a-z-]+\//, 'steps/:step/') === route),
    );
    expect(undocumented).toEqual([]);
    expect(doc.body.openapi).toBe('3.0.3');
    const decision = doc.body.paths['/api/applications/{id}/steps/group-vote/decision'].post;
    expect(Object.keys(decision.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['membersTotal', 'membersPresent', 'votesFor']),
    );
    expect(doc.body.paths['/api/applications'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['programCode', 'borrower', 'amount']),
    );
  });

  it('serves the working-day calendar and lets an administrator load a year of holidays', async () => {
    const year2026 = await stack.api('GET', '/api/calendar?year=2026');
    const tet = year2026.body.find((d: { date: string }) => d.date === '2026-02-17');
    expect(tet).toMatchObject({ working: false, nameVi: expect.stringContaining('Tết') });
    expect(year2026.body.find((d: { date: string }) => d.date === '2026-01-10')).toMatchObject({ working: true });

    const days = [
      { date: '2028-01-01', working: false, nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" },
      { date: '2028-01-25', working: false, nameVi: 'Nghỉ Tết Nguyên đán', nameEn: 'Lunar New Year break' },
    ];
    const admin = await stack.login('admin');
    expect((await stack.api('PUT', '/api/admin/calendar/2028', { token: admin, body: { days } })).status).toBe(200);
    const loaded = await stack.api('GET', '/api/calendar?year=2028');
    expect(loaded.body.map((d: { date: string; source: string }) => `${d.date} ${d.source}`)).toEqual([
      '2028-01-01 admin',
      '2028-01-25 admin',
    ]);
    const wrongYear = await stack.api('PUT', '/api/admin/calendar/2028', {
      token: admin,
      body: { days: [{ ...days[0], date: '2029-01-01' }] },
    });
    expect(wrongYear.status).toBe(400);
    const officer = await stack.login('ward.HOABINH');
    expect((await stack.api('PUT', '/api/admin/calendar/2028', { token: officer, body: { days } })).status).toBe(403);
  });
});
