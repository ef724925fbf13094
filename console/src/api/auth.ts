import { getJson, request, sendJson } from './client';
import type { AnswerOf, NewUser, NotificationUpdate, UserUpdate } from './types';

/** Signing in needs no CSRF token (there is no session yet); a wrong combination answers 401. */
export async function signIn(email: string, password: string): Promise<void> {
  await request('', '/auth/sign-in', { method: 'POST', body: { email, password }, expectUnauthorized: true });
}

/** A staff key is exchanged for a session; the page keeps no key. */
export async function keySignIn(key: string): Promise<void> {
  await request('', '/auth/key-sign-in', { method: 'POST', body: { key }, expectUnauthorized: true });
}

export const currentSession = () => getJson<AnswerOf<'getSession'>>('', '/auth/session');

export async function signOut(csrf: string): Promise<void> {
  await request(csrf, '/auth/sign-out', { method: 'POST', expectUnauthorized: true });
}

export async function requestPasswordReset(email: string): Promise<void> {
  await request('', '/auth/password-reset', { method: 'POST', body: { email } });
}

export const acceptInvitation = (token: string, body: { password: string; name?: string; timeZone?: string }) =>
  sendJson<AnswerOf<'acceptInvitation'>>('', 'POST', `/auth/invitations/${encodeURIComponent(token)}`, body);

export async function resetPassword(token: string, password: string): Promise<void> {
  await request('', `/auth/password-reset/${encodeURIComponent(token)}`, { method: 'POST', body: { password } });
}

export const listUsers = async (csrf: string, signal?: AbortSignal) =>
  (await getJson<AnswerOf<'listUsers'>>(csrf, '/users', signal)).items;

export const inviteUser = (csrf: string, body: NewUser) =>
  sendJson<AnswerOf<'createUser'>>(csrf, 'POST', '/users', body);

export const updateUser = (csrf: string, id: string, body: UserUpdate) =>
  sendJson<AnswerOf<'updateUser'>>(csrf, 'PUT', `/users/${encodeURIComponent(id)}`, body);

export const notificationSettings = (csrf: string, signal?: AbortSignal) =>
  getJson<AnswerOf<'getNotificationSettings'>>(csrf, '/me/notifications', signal);

export const updateNotificationSettings = (csrf: string, body: NotificationUpdate) =>
  sendJson<AnswerOf<'updateNotificationSettings'>>(csrf, 'PUT', '/me/notifications', body);
