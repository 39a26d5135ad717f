/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, a connection cut by the
 * server), as opposed to a fault of the query: the request is refused 503 DATABASE_UNAVAILABLE, and a client's
 * retry is right to come back later.
 */

/**
 * Prisma's codes for an unreachable server, a connection it closed, a pool exhausted waiting for one, and the
 * transaction API's error (P2028), which the soak saw for queries cut at the instant PostgreSQL stopped.
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2028']);
/** The driver adapter's kinds for the same. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** SQLSTATE: connection exceptions (08…), admin or crash shutdown (57P01, 57P02), cannot connect now (57P03). */
const SQLSTATE = /^(08\d{3}|57P0[123])$/;
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const MESSAGES =
  /terminating connection due to administrator command|Connection terminated|connection error and is not queryable|the database system is (shutting down|starting up|in recovery)|Can't reach database server|timeout exceeded when trying to connect|Client was closed and is not queryable/;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as {
      code?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || SQLSTATE.test(e.code) || NODE_CODES.has(e.code))) {
      return true;
    }
    if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.originalCode === 'string' && SQLSTATE.test(e.originalCode)) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    current = e.meta?.driverAdapterError ?? e.cause;
  }
  return false;
}
