import type { CookieOptions, Request, Response } from 'express';

/** The cookies of a request; a malformed pair is skipped (no cookie parser needed for three cookies). */
export function readCookies(req: Request): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (req.header('cookie') ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    try {
      cookies[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      // A value that is not valid percent-encoding is not one of ours.
    }
  }
  return cookies;
}

/** HttpOnly and SameSite=Lax always; Secure when the request came over HTTPS. */
export function setCookie(req: Request, res: Response, name: string, value: string, maxAgeMs?: number): void {
  const options: CookieOptions = { httpOnly: true, sameSite: 'lax', path: '/', secure: req.secure };
  res.cookie(name, value, maxAgeMs === undefined ? options : { ...options, maxAge: maxAgeMs });
}

export function clearCookie(req: Request, res: Response, name: string): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', path: '/', secure: req.secure });
}
