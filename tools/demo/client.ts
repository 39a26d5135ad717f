/**
 * The demo's HTTP client, a careful outside caller (after test/soak/soak-client.ts): every POST carries an
 * Idempotency-Key and is retried under the same key after a lost connection, a 5xx or a 429, so an action
 * is never taken twice; any other refusal stops the story with what the server said.
 */
import { randomUUID } from 'node:crypto';
import { requestJson, type Answer } from '../json-request.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ATTEMPTS = 8;

export class DemoClient {
  requests = 0;
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private async once(method: string, route: string, token?: string, body?: unknown, key?: string): Promise<Answer> {
    this.requests += 1;
    return requestJson(this.baseUrl, method, route, { token, body, key });
  }

  /** One request until it has a final answer (not a lost connection, a 5xx or a 429). */
  async send(method: string, route: string, token?: string, body?: unknown): Promise<Answer> {
    const key = method === 'GET' ? undefined : randomUUID();
    let last = 'no attempt';
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      if (attempt > 0) await sleep(Math.min(2_000, 100 * 2 ** attempt));
      try {
        const answer = await this.once(method, route, token, body, key);
        const inFlight = answer.status === 409 && answer.body?.error?.code === 'IDEMPOTENCY_IN_FLIGHT';
        if (answer.status < 500 && answer.status !== 429 && !inFlight) return answer;
        last = `${answer.status} ${JSON.stringify(answer.body)}`;
      } catch (error) {
        last = String(error);
      }
    }
    throw new Error(`${method} ${route}: no final answer after ${ATTEMPTS} attempts (${last})`);
  }

  async login(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const answer = await this.send('POST', '/api/auth/login', undefined, { username, password: 'demo1234' });
    if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.tokens.set(username, answer.body.token as string);
    return answer.body.token as string;
  }

  /** A request as `username` (or anonymous) that must succeed; a refusal is a defect of the story or the system. */
  async ok<T = any>(method: string, route: string, username: string | null, body?: unknown): Promise<T> {
    const token = username ? await this.login(username) : undefined;
    const answer = await this.send(method, route, token, body);
    if (answer.status >= 300) {
      throw new Error(
        `${method} ${route} as ${username ?? 'applicant'}: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    return answer.body as T;
  }
}
