import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request } from 'express';

/** The session cookie: HttpOnly (no script reads it), SameSite=Lax, Secure whenever the API is reached over https. */
export const SESSION_COOKIE = 'dealreg_session';

export function sessionToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const token = parseCookie(header)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

/** Behind https (directly, or a trusted proxy saying so, or a public URL that is https). */
const isSecure = (req: Request, publicUrl: string) => req.secure || publicUrl.startsWith('https:');

export function sessionCookie(req: Request, publicUrl: string, token: string, expiresAt: Date): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(req, publicUrl),
    path: '/',
    expires: expiresAt,
  });
}

export function clearedSessionCookie(req: Request, publicUrl: string): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: '',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(req, publicUrl),
    path: '/',
    expires: new Date(0),
  });
}
