import type { RequestHandler } from 'express';
import { AppError } from '../../domain/errors.js';

export interface RateLimitRule {
  windowMs: number;
  max: number;
}

/**
 * A fixed-window limit per client address, kept in this process. Behind a proxy set TRUST_PROXY so the
 * address is the client's; with several API processes each keeps its own count (the limit per process).
 */
export function rateLimit(rule: RateLimitRule): RequestHandler {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return (req, res, next) => {
    const now = Date.now();
    if (windows.size > 10_000) {
      for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
    }
    const key = req.ip ?? 'unknown';
    const window = windows.get(key);
    const current = window && window.resetAt > now ? window : { count: 0, resetAt: now + rule.windowMs };
    current.count += 1;
    windows.set(key, current);
    if (current.count > rule.max) {
      res.setHeader('Retry-After', String(Math.ceil((current.resetAt - now) / 1000)));
      throw new AppError('RATE_LIMITED', 'Too many requests; try again later');
    }
    next();
  };
}
