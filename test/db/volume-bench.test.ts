/**
 * The volume benchmark at a tiny scale, so its generator, its queries and its plan printing cannot rot: on the
 * default PGlite, or in a fresh schema of DATABASE_URL. Checks what it printed, never how fast.
 */
import { randomBytes } from 'node:crypto';

import { afterAll, describe, expect, it } from 'vitest';

import { openDatabase } from '../../server/infra/database.js';
import { runVolumeBench } from '../bench/volume-run.js';

const baseUrl = process.env.DATABASE_URL;
const schema = `bench_${process.pid}_${randomBytes(4).toString('hex')}`;
const databaseUrl = baseUrl ? `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}schema=${schema}` : undefined;

afterAll(async () => {
  if (!baseUrl) return;
  const db = await openDatabase({ databaseUrl: baseUrl });
  try {
    await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await db.close();
  }
});

describe('npm run bench:volume at a tiny scale', () => {
  it('generates the data, prints p50/p95/p99 of every query, and their plans with the indexes they use', async () => {
    const lines: string[] = [];

    const result = await runVolumeBench({
      databaseUrl,
      applications: 2_000,
      fresh: false,
      runs: 3,
      print: (line) => lines.push(line),
    });

    const output = lines.join('\n');
    expect(result.generated).toBe(true);
    expect(output).toMatch(/Stored: 2,000 applications, [\d,]+ audit events/);
    const [, events] = /Stored: 2,000 applications, ([\d,]+) audit events/.exec(output)!;
    expect(Number(events!.replaceAll(',', ''))).toBeGreaterThan(15_000);
    const names = result.figures.map((figure) => figure.name);
    expect(names).toEqual(
      expect.arrayContaining(['inbox: ward officer', 'inbox: bank credit officer', 'status lookup']),
    );
    expect(names.filter((name) => name.startsWith('list: search'))).toHaveLength(6);
    for (const figure of result.figures) {
      expect(output).toMatch(
        new RegExp(`${escape(figure.name)}\\s+n=3\\s+p50\\s+[\\d.]+ ms\\s+p95\\s+[\\d.]+ ms\\s+p99\\s+[\\d.]+ ms`),
      );
      expect(figure.p50).toBeGreaterThan(0);
    }
    // The largest scopes are not empty: the figures measure real work.
    const rows = Object.fromEntries(result.figures.map((figure) => [figure.name, figure.rows]));
    expect(rows['inbox: bank credit officer']).toBeGreaterThan(0);
    expect(rows['list: bank office, page 1']).toBeGreaterThan(100);
    expect(rows['list: search code (ward)']).toBe(1);
    expect(rows['list: search citizen ID (bank)']).toBe(1);
    expect(rows['status lookup']).toBeGreaterThan(1);
    for (const plan of result.plans) {
      expect(plan.statements.length).toBeGreaterThan(0);
      expect(output).toContain(`=== ${plan.name}: `);
      for (const statement of plan.statements) expect(statement.plan).toMatch(/Execution Time: [\d.]+ ms/);
    }
    expect(output).toMatch(/Index (Only )?Scan using applications_code_key/);
    expect(output).toContain('Buffers: shared');
    expect(output).toMatch(/status lookup\s+sql p50\s+[\d.]+ ms\s+p99\s+[\d.]+ ms\s+database\s+[\d.]+ ms/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
