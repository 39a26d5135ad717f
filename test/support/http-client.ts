/** The API over HTTP only, as an outside client sees it: for a system running in other processes. */
import type { ApiResponse, TestStack } from './stack.js';

export interface HttpClient {
  api: TestStack['api'];
  login(username: string, password?: string): Promise<string>;
}

export function httpClient(baseUrl: string): HttpClient {
  async function api<T>(
    method: string,
    route: string,
    opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string>; baseUrl?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${opts.baseUrl ?? baseUrl}${route}`, {
      method,
      headers,
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, body: (json && text ? JSON.parse(text) : text) as T };
  }
  const tokens = new Map<string, string>();
  async function login(username: string, password = 'demo1234'): Promise<string> {
    const cached = tokens.get(username);
    if (cached && password === 'demo1234') return cached;
    const response = await api<{ token: string }>('POST', '/api/auth/login', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status}`);
    tokens.set(username, response.body.token);
    return response.body.token;
  }
  return { api, login };
}
