import type { Express } from 'express';
import request from 'supertest';
import type { ApiTest, CallerName } from '../integration/api-support';
import { linkIn, uniqueAddress, waitForMail } from './mail';

export const PASSWORD = 'violet harbour engine 42';

/** The session of a signed-in person, as a browser holds it: the cookie, and the CSRF token for changes. */
export interface PersonSession {
  cookie: string;
  csrfToken: string;
  userId: string;
}

/** The invitation or reset token of a mailed link (the last path segment). */
export const tokenOf = (link: string) => decodeURIComponent(link.split('/').pop() as string);

/** Invites a person through the API, reads the invitation mail, and activates the account with PASSWORD. */
export async function invitePerson(
  api: ApiTest,
  person: {
    name: string;
    role: string;
    resellerId?: string;
    distributorId?: string;
    sellerId?: string;
    orgAdmin?: boolean;
  },
  as: CallerName = 'admin',
): Promise<{ id: string; email: string }> {
  const email = uniqueAddress(person.name.split(' ')[0]!.toLowerCase());
  const invited = await api.call({ as, method: 'post', path: '/api/v1/users', body: { email, ...person } });
  if (invited.status !== 201) throw new Error(`invitation answered ${invited.status}: ${invited.text}`);
  const [mail] = await waitForMail(email);
  const token = tokenOf(linkIn(mail!, 'http://dealreg.test/console/invitation/'));
  const activated = await request(api.app).post(`/api/v1/auth/invitations/${token}`).send({ password: PASSWORD });
  if (activated.status !== 200) throw new Error(`activation answered ${activated.status}: ${activated.text}`);
  return { id: invited.body.id, email };
}

/** The session cookie a Set-Cookie header carries (`name=value`). */
export const cookieOf = (setCookie: string[] | string | undefined) =>
  String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0] as string;

export async function signIn(app: Express, email: string, password = PASSWORD): Promise<PersonSession> {
  const signedIn = await request(app).post('/api/v1/auth/sign-in').send({ email, password });
  if (signedIn.status !== 204) throw new Error(`sign-in answered ${signedIn.status}: ${signedIn.text}`);
  const cookie = cookieOf(signedIn.headers['set-cookie']);
  const session = await request(app).get('/api/v1/auth/session').set('Cookie', cookie);
  return { cookie, csrfToken: session.body.csrfToken, userId: session.body.user?.id };
}

/** A request made with a session, carrying its CSRF token unless told not to. */
export function withSession(
  app: Express,
  session: PersonSession,
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  options: { csrf?: boolean; body?: unknown } = {},
) {
  let pending = request(app)[method](path).set('Cookie', session.cookie);
  if (options.csrf !== false) pending = pending.set('X-CSRF-Token', session.csrfToken);
  return options.body === undefined ? pending : pending.send(options.body as object);
}
