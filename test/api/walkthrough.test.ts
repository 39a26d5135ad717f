/**
 * The README's walk-through, run as a reader runs it (bash, curl, Node) against the real stack: twice, since
 * a reader runs it again, and once against an address where nothing answers, where it must say so and stop.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.js';

const script = fileURLToPath(new URL('../../docs/walkthrough.sh', import.meta.url));
let stack: TestStack;

function walkThrough(api: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script], { env: { ...process.env, API: api }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

describe('the README walk-through', () => {
  it('carries a new application to DISBURSED on every run', async () => {
    const first = await walkThrough(stack.baseUrl);
    const second = await walkThrough(stack.baseUrl);

    for (const run of [first, second]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^DISBURSED$/m);
      expect(run.stdout).toContain("vi: 'Đã giải ngân'");
      expect(run.stdout).not.toContain('undefined');
    }
    const ids = [first, second].map((run) => /^application (\S+)/m.exec(run.stdout)?.[1]);
    expect(new Set(ids).size).toBe(2);
  });

  it('prints the refused call and stops at the first failure', async () => {
    const run = await walkThrough('http://127.0.0.1:9');

    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('GET /api/programs: no answer from http://127.0.0.1:9');
    expect(run.stdout).toBe('');
  });
});
