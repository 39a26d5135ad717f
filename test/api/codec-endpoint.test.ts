/**
 * The Temporal Web UI's codec server: an administrator (bearer token, or the web session cookie the UI sends
 * with credentials) gets an application's encrypted payloads back in clear; nobody else does; the browser's
 * CORS preflight is answered for the UI's origin only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../support/fixtures.js';
import { TEST_UI_ORIGIN, startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

interface JsonPayload {
  metadata: Record<string, string>;
  data: string;
}

/** The workflow input as the Temporal server stores it (and the UI receives it): encrypted, in protobuf JSON. */
async function storedInput(applicationId: string): Promise<JsonPayload> {
  const history = await (await stack.handleFor(applicationId)).fetchHistory();
  const payload = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    ),
    data: Buffer.from(payload.data ?? []).toString('base64'),
  };
}

const text = (base64: string | undefined) => Buffer.from(base64 ?? '', 'base64').toString('utf8');

describe('POST /api/codec/decode', () => {
  it('gives an administrator the stored workflow input in clear', async () => {
    const created = await submit(stack);
    const stored = await storedInput(created.id);

    const response = await stack.api('POST', '/api/codec/decode', {
      token: await stack.login('admin'),
      body: { payloads: [stored] },
    });

    expect(text(stored.metadata.encoding)).toBe('binary/encrypted');
    expect(text(stored.data)).not.toContain(created.citizenId);
    expect(response.status).toBe(200);
    expect(text(response.body.payloads[0].metadata.encoding)).toBe('json/plain');
    expect(text(response.body.payloads[0].data)).toContain(created.citizenId);
  });

  it('accepts the web session cookie the UI sends with credentials, and answers with CORS for the UI', async () => {
    const created = await submit(stack);
    const stored = await storedInput(created.id);
    const session = await stack.login('admin');

    const response = await fetch(`${stack.baseUrl}/api/codec/decode`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `sid=${session}`,
        origin: TEST_UI_ORIGIN,
        'x-namespace': 'default',
      },
      body: JSON.stringify({ payloads: [stored] }),
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_UI_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(text(((await response.json()) as { payloads: JsonPayload[] }).payloads[0]!.data)).toContain(
      created.citizenId,
    );
  });

  it('refuses a visitor (401) and an officer who is not an administrator (403)', async () => {
    const stored = await storedInput((await submit(stack)).id);

    const visitor = await stack.api('POST', '/api/codec/decode', { body: { payloads: [stored] } });
    const officer = await stack.api('POST', '/api/codec/decode', {
      token: await stack.login('bank.manager'),
      body: { payloads: [stored] },
    });
    const badCookie = await stack.api('POST', '/api/codec/decode', {
      headers: { cookie: 'sid=not-a-session-token-at-all-000' },
      body: { payloads: [stored] },
    });

    expect(visitor.status).toBe(401);
    expect(officer.status).toBe(403);
    expect(badCookie.status).toBe(401);
    expect(JSON.stringify([visitor.body, officer.body])).not.toContain(stored.data.slice(0, 12));
  });

  it('answers the preflight for the UI’s origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.baseUrl}/api/codec/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-namespace',
        },
      });

    const allowed = await preflight(TEST_UI_ORIGIN);
    const other = await preflight('https://evil.example');

    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(TEST_UI_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('X-Namespace');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('POST /api/codec/encode', () => {
  it('encrypts with the active key what decode reads back', async () => {
    const token = await stack.login('admin');
    const plain = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from('"x"').toString('base64'),
    };

    const encoded = await stack.api('POST', '/api/codec/encode', { token, body: { payloads: [plain] } });
    const decoded = await stack.api('POST', '/api/codec/decode', { token, body: encoded.body });

    expect(text(encoded.body.payloads[0].metadata['encryption-key-id'])).toBe('test-only-k1');
    expect(decoded.body.payloads).toEqual([plain]);
  });
});
