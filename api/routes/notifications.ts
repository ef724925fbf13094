import { z } from 'zod';
import { auditKeys } from '../../config/audit-key';
import { roles } from '../../db/apikeys';
import { notificationTypes } from '../../db/outbox';
import {
  findUser,
  type NotificationPreference,
  preferenceOf,
  type UserDoc,
  updateUser,
  withPreferences,
} from '../../db/users';
import { eventLabel } from '../../domain/email/render';
import { readUnsubscribeToken } from '../../domain/email/unsubscribe-token';
import { HttpProblem } from '../problem';
import { type Caller, definePublicRoute, defineRoute } from '../route-spec';
import { notificationSettingsSchema, notificationUpdateSchema, unsubscribeParamsSchema } from '../schemas/users';

const tag = 'People and sessions';

const settingsOf = (user: UserDoc) => ({
  ...Object.fromEntries(notificationTypes.map((type) => [type, preferenceOf(user, type)])),
  timeZone: user.timeZone,
});

async function signedInPerson(caller: Caller): Promise<UserDoc> {
  const user = caller.userId ? await findUser(caller.userId) : null;
  if (!user) throw new HttpProblem(404, 'No person', 'email preferences belong to people; an API key has none');
  return user;
}

export const getNotificationsRoute = defineRoute({
  operationId: 'getNotificationSettings',
  method: 'get',
  path: '/me/notifications',
  tag,
  summary: 'How each kind of email reaches me: `immediate`, `daily` (a digest at 08:00 in my time zone) or `off`',
  access: roles,
  responses: { 200: { description: 'My settings', schema: notificationSettingsSchema } },
  refusals: { 404: 'the caller is an API key, not a person' },
  async handle({ caller }) {
    return { status: 200, body: settingsOf(await signedInPerson(caller)) };
  },
});

export const putNotificationsRoute = defineRoute({
  operationId: 'updateNotificationSettings',
  method: 'put',
  path: '/me/notifications',
  tag,
  summary: 'Change how some kinds of email reach me (and my time zone); kinds not named stay as they are',
  access: roles,
  request: { body: notificationUpdateSchema },
  responses: { 200: { description: 'My settings', schema: notificationSettingsSchema } },
  refusals: { 404: 'the caller is an API key, not a person' },
  async handle({ caller, body }) {
    const user = await signedInPerson(caller);
    const { timeZone, ...preferences } = body as Record<string, string | undefined>;
    const changes: Record<string, NotificationPreference> = {};
    for (const [type, preference] of Object.entries(preferences)) {
      if (preference) changes[type] = preference as NotificationPreference;
    }
    const notifications = withPreferences(user, changes);
    const updated = await updateUser(
      user._id,
      { notifications, ...(timeZone ? { timeZone } : {}) },
      { kind: 'user', id: user._id },
    );
    return { status: 200, body: settingsOf(updated ?? user) };
  },
});

const htmlPage = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>` +
  `<body style="font-family: sans-serif; max-width: 36rem; margin: 3rem auto; line-height: 1.5"><h1>${title}</h1>${body}</body></html>`;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const kindWords = (kind: string) => (kind === 'digest' ? 'the daily digest' : `emails about ${eventLabel(kind)}`);

function subjectOf(token: string) {
  const subject = readUnsubscribeToken(auditKeys().mailLinkKey, token);
  if (!subject) throw new HttpProblem(404, 'Link not valid', 'this unsubscribe link is not valid');
  return subject;
}

const htmlText = z.string().meta({ description: 'an HTML page' });

export const unsubscribePageRoute = definePublicRoute({
  operationId: 'unsubscribePage',
  method: 'get',
  path: '/unsubscribe/{token}',
  tag,
  summary: 'The page an email\'s "stop these emails" link opens: one button turns that kind of email off',
  description:
    "Opening the link changes nothing (mail scanners open links); the button, or a mail client's one-click unsubscribe (RFC 8058), does.",
  access: 'public',
  request: { params: unsubscribeParamsSchema },
  responses: { 200: { description: 'A small HTML page', media: { 'text/html': htmlText } } },
  refusals: { 404: 'a link that is not one of ours' },
  async handle({ params }) {
    const subject = subjectOf(params.token);
    const action = `/api/v1/unsubscribe/${encodeURIComponent(params.token)}`;
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: htmlPage(
        'Stop these emails?',
        `<p>You will no longer receive ${escapeHtml(kindWords(subject.kind))} from dealreg. You can turn them on again in your notification settings.</p>` +
          `<form method="post" action="${escapeHtml(action)}"><button type="submit">Stop these emails</button></form>`,
      ),
    };
  },
});

export const unsubscribeRoute = definePublicRoute({
  operationId: 'unsubscribe',
  method: 'post',
  path: '/unsubscribe/{token}',
  tag,
  summary: "Turn off the kind of email the link came with (the page's button and List-Unsubscribe-Post both land here)",
  description: 'For the daily digest, every kind set to `daily` is turned off. Any body is ignored.',
  access: 'public',
  request: { params: unsubscribeParamsSchema },
  responses: { 200: { description: 'Done (an HTML page)', media: { 'text/html': htmlText } } },
  refusals: { 404: 'a link that is not one of ours, or its person is gone' },
  async handle({ params }) {
    const subject = subjectOf(params.token);
    const user = await findUser(subject.userId);
    if (!user) throw new HttpProblem(404, 'Link not valid', 'this unsubscribe link is not valid');
    const changes: Record<string, NotificationPreference> =
      subject.kind === 'digest'
        ? Object.fromEntries(
            notificationTypes.filter((type) => preferenceOf(user, type) === 'daily').map((type) => [type, 'off']),
          )
        : { [subject.kind]: 'off' };
    const notifications = withPreferences(user, changes);
    await updateUser(user._id, { notifications }, { kind: 'user', id: user._id });
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: htmlPage('Done', `<p>You will no longer receive ${escapeHtml(kindWords(subject.kind))} from dealreg.</p>`),
    };
  },
});
