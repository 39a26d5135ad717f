/**
 * The soak's HTTP client, which behaves as a careful real client: every POST carries an Idempotency-Key and is
 * retried with it after a lost connection, a 5xx or a 429; a retry told the first attempt is still in flight
 * (409 IDEMPOTENCY_IN_FLIGHT) after a lost connection or a 5xx asks the application whether the action took effect,
 * and only then tries once more under a fresh key. Every 5xx answer is noted with the time it came.
 */
import { randomUUID } from 'node:crypto';
import { requestJson, type Answer } from '../../tools/json-request.js';

export interface ServerErrorSeen {
  at: number;
  status: number;
  code: string | undefined;
  route: string;
}

export interface SoakClientOptions {
  baseUrl: string;
  /** Gives up on one request after this long (the soak's time bound). */
  requestDeadlineMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SoakClient {
  readonly serverErrors: ServerErrorSeen[] = [];
  retries = 0;
  freshKeys = 0;
  private readonly tokens = new Map<string, string>();

  constructor(private readonly options: SoakClientOptions) {}

  private async once(method: string, route: string, token?: string, body?: unknown, key?: string): Promise<Answer> {
    const answer = await requestJson(this.options.baseUrl, method, route, { token, body, key });
    if (answer.status >= 500) {
      this.serverErrors.push({ at: Date.now(), status: answer.status, code: answer.body?.error?.code, route });
    }
    return answer;
  }

  async login(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const answer = await this.retrying('POST', '/api/auth/login', undefined, { username, password: 'demo1234' });
    if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.tokens.set(username, answer.body.token as string);
    return answer.body.token as string;
  }

  get(route: string, token: string): Promise<Answer> {
    return this.retrying('GET', route, token);
  }

  /**
   * A POST until it has a final answer. `tookEffect` tells whether the action has happened (asked only after a
   * lost connection, when a retry finds the first attempt in flight or a refusal that a completed first
   * attempt would explain).
   */
  async post(
    route: string,
    token: string | undefined,
    body: unknown,
    tookEffect: () => Promise<boolean>,
  ): Promise<Answer> {
    let key = randomUUID();
    let connectionLost = false;
    let inFlightSince: number | undefined;
    const deadline = Date.now() + this.options.requestDeadlineMs;
    for (let attempt = 0; ; attempt += 1) {
      if (Date.now() > deadline) throw new Error(`POST ${route}: no final answer in time`);
      if (attempt > 0) {
        this.retries += 1;
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)));
      }
      let answer: Answer;
      try {
        answer = await this.once('POST', route, token, body, key);
      } catch {
        connectionLost = true;
        continue;
      }
      // After a 5xx the first attempt's fate is unknown too: the server may not have freed the key (its database
      // was gone), and it stays "in flight" for minutes.
      if (answer.status >= 500) connectionLost = true;
      if (answer.status >= 500 || answer.status === 429) continue;
      const code = answer.body?.error?.code as string | undefined;
      if (answer.status === 409 && code === 'IDEMPOTENCY_IN_FLIGHT') {
        inFlightSince ??= Date.now();
        // Its process died holding the key, or could not free it (it frees itself only after minutes): did the
        // action happen?
        if (connectionLost && Date.now() - inFlightSince > 3_000) {
          if (await tookEffect()) return { status: 200, body: { reconciled: true } };
          if (Date.now() - inFlightSince > 15_000) {
            key = randomUUID();
            this.freshKeys += 1;
            inFlightSince = undefined;
          }
        }
        continue;
      }
      if (answer.status >= 400 && connectionLost && (await tookEffect())) {
        return { status: 200, body: { reconciled: true } };
      }
      return answer;
    }
  }

  private async retrying(method: string, route: string, token?: string, body?: unknown): Promise<Answer> {
    const deadline = Date.now() + this.options.requestDeadlineMs;
    for (let attempt = 0; ; attempt += 1) {
      if (Date.now() > deadline) throw new Error(`${method} ${route}: no answer in time`);
      if (attempt > 0) {
        this.retries += 1;
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)));
      }
      try {
        const answer = await this.once(method, route, token, body);
        if (answer.status >= 500 || answer.status === 429) continue;
        return answer;
      } catch {
        continue;
      }
    }
  }
}
