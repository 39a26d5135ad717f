/**
 * Who saw what: each read of a citizen's file is recorded before it is answered (fail closed), and the
 * administrator lists the record by application, officer and time.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

interface Entry {
  at: string;
  officer: string;
  role: string;
  view: string;
  applicationCode: string | null;
  wardCode: string | null;
}

async function accessLog(query: string): Promise<{ status: number; items: Entry[]; total: number }> {
  const response = await stack.api('GET', `/api/admin/access-log?${query}`, { token: await stack.login('admin') });
  return { status: response.status, items: response.body.items, total: response.body.total };
}

describe('the access log', () => {
  it('records every read of an application’s file, through the API and the web page, with who and which view', async () => {
    const created = await submit(stack);
    const ward = await stack.login('ward.HOABINH');
    const manager = await stack.login('bank.manager');

    expect((await stack.api('GET', `/api/applications/${created.id}`, { token: ward })).status).toBe(200);
    expect((await stack.api('GET', `/api/applications/${created.id}/audit`, { token: manager })).status).toBe(200);
    expect((await stack.api('GET', `/api/applications/${created.id}/audit?format=csv`, { token: ward })).status).toBe(
      200,
    );
    expect((await stack.api('GET', `/api/applications/${created.id}/registry-check`, { token: ward })).status).toBe(
      200,
    );
    const page = await fetch(`${stack.baseUrl}/applications/${created.code}`, { headers: { cookie: `sid=${ward}` } });
    expect(page.status).toBe(200);
    const csv = await fetch(`${stack.baseUrl}/applications/${created.code}/audit.csv`, {
      headers: { cookie: `sid=${manager}` },
    });
    expect(csv.status).toBe(200);

    const log = await accessLog(`application=${created.code}`);

    expect(log.status).toBe(200);
    expect(log.total).toBe(6);
    expect(log.items.map((e) => [e.officer, e.view]).reverse()).toEqual([
      ['ward.HOABINH', 'application'],
      ['bank.manager', 'audit-json'],
      ['ward.HOABINH', 'audit-csv'],
      ['ward.HOABINH', 'registry-check'],
      ['ward.HOABINH', 'application-page'],
      ['bank.manager', 'audit-page-csv'],
    ]);
    expect(log.items.every((e) => e.applicationCode === created.code && !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('records a registry lookup and export by ward, and not a read that was refused', async () => {
    const ward = await stack.login('ward.HOABINH');
    const before = (await accessLog('officer=ward.HOABINH')).total;

    const lookup = await stack.api('GET', '/api/wards/HOABINH/registry/households?citizenId=034070000900', {
      token: ward,
    });
    const exported = await stack.api('GET', '/api/wards/HOABINH/registry/export?format=csv', { token: ward });
    const refused = await stack.api('GET', '/api/wards/TANLAP/registry/export?format=csv', { token: ward });

    expect([lookup.status, exported.status, refused.status]).toEqual([200, 200, 403]);
    const log = await accessLog('officer=ward.HOABINH&pageSize=2');
    expect(log.total).toBe(before + 2);
    expect(log.items.map((e) => [e.view, e.wardCode])).toEqual([
      ['registry-export', 'HOABINH'],
      ['registry-lookup', 'HOABINH'],
    ]);
  });

  it('filters by officer and time and pages newest first', async () => {
    const created = await submit(stack);
    const token = await stack.login('bank.officer');
    const since = new Date().toISOString();
    for (let i = 0; i < 3; i += 1) await stack.api('GET', `/api/applications/${created.id}`, { token });

    const first = await accessLog(`officer=bank.officer&from=${since}&pageSize=2&page=1`);
    const second = await accessLog(`officer=bank.officer&from=${since}&pageSize=2&page=2`);
    const none = await accessLog(`officer=bank.officer&to=${encodeURIComponent('2000-01-01')}`);

    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(first.items[0]!.at >= first.items[1]!.at && first.items[1]!.at >= second.items[0]!.at).toBe(true);
    expect(none.total).toBe(0);
    expect((await accessLog('from=not-a-date')).status).toBe(400);
  });

  it('shows the administrator the same log on the page /admin/access-log', async () => {
    const created = await submit(stack);
    const ward = await stack.login('ward.HOABINH');
    await fetch(`${stack.baseUrl}/applications/${created.code}`, { headers: { cookie: `sid=${ward}` } });

    const page = await fetch(`${stack.baseUrl}/admin/access-log?application=${created.code}`, {
      headers: { cookie: `sid=${await stack.login('admin')}` },
    });
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(html).toContain('Nhật ký truy cập hồ sơ');
    expect(html).toContain(created.code);
    expect(html).toContain('ward.HOABINH');
    expect(html).toContain('Trang hồ sơ');
    expect(html).toContain('1 lượt truy cập');
  });

  // Last: it removes the table and puts it back.
  it('refuses the read when it cannot be recorded (fail closed)', async () => {
    const created = await submit(stack);
    const token = await stack.login('ward.HOABINH');
    await stack.db.prisma.$executeRawUnsafe('DROP TABLE access_log');
    try {
      const refused = await stack.api('GET', `/api/applications/${created.id}`, { token });

      expect(refused.status).toBe(500);
      expect(JSON.stringify(refused.body)).not.toContain(created.citizenId);
    } finally {
      const sql = await readFile(
        new URL('../../prisma/migrations/0009_access_log/migration.sql', import.meta.url),
        'utf8',
      );
      await stack.db.exec(sql);
    }
    expect((await stack.api('GET', `/api/applications/${created.id}`, { token })).status).toBe(200);
  });
});
