/** One JSON request to the API, as the outside callers (the demo and the soak) send it: no retry, no judgement. */

export interface Answer<T = any> {
  status: number;
  body: T;
}

export interface JsonRequest {
  token?: string;
  body?: unknown;
  /** Sent as `Idempotency-Key`. */
  key?: string;
}

/** The answer's body is parsed when the server says it is JSON; otherwise it is the text. */
export async function requestJson(
  baseUrl: string,
  method: string,
  route: string,
  { token, body, key }: JsonRequest = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['idempotency-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json');
  return { status: response.status, body: json && text ? JSON.parse(text) : text };
}
