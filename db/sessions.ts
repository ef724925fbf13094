import { createHash, randomBytes } from 'node:crypto';
import { model, Schema } from 'mongoose';

/**
 * Sessions of people signed in to the console or the API, kept on the server so that one can be ended
 * at once (sign-out, a disabled user, a revoked key). The cookie holds a random token; only its hash is
 * stored. A session ends after 12 hours unused or 7 days in all, whichever comes first.
 */
export const SESSION_IDLE_MS = 12 * 3600 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600 * 1000;
/** Last use is written at most this often: a session's requests are not each a write. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionDoc {
  _id: string;
  /** The person, or, for a staff key exchanged for a session, absent. */
  userId?: string;
  /** A staff key exchanged for this session: its stored hash (`apikeys._id`), rechecked on every request. */
  apiKeyHash?: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

const schema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: String,
    apiKeyHash: String,
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ userId: 1 });
schema.index({ apiKeyHash: 1 });

const Session = model<SessionDoc>('Session', schema, 'sessions');

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface OpenedSession {
  /** The cookie's value: shown to the browser once, never stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(
  who: { userId: string } | { apiKeyHash: string },
  now = new Date(),
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await Session.create({ _id: hashToken(token), ...who, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** When an open session ends if it is not used again. */
export const sessionEndsAt = (session: Pick<SessionDoc, 'lastSeenAt' | 'expiresAt'>): Date =>
  new Date(Math.min(session.lastSeenAt.getTime() + SESSION_IDLE_MS, session.expiresAt.getTime()));

/** The live session of a cookie token, its last use noted; an ended one is deleted and answers undefined. */
export async function useSession(token: string, now = new Date()): Promise<SessionDoc | undefined> {
  const id = hashToken(token);
  const doc = await Session.findById(id).lean<SessionDoc>().exec();
  if (!doc) return undefined;
  if (sessionEndsAt(doc).getTime() <= now.getTime()) {
    await Session.deleteOne({ _id: id }).exec();
    return undefined;
  }
  if (now.getTime() - doc.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await Session.updateOne({ _id: id }, { $set: { lastSeenAt: now } }).exec();
    return { ...doc, lastSeenAt: now };
  }
  return doc;
}

export async function endSession(token: string): Promise<void> {
  await Session.deleteOne({ _id: hashToken(token) }).exec();
}

/** Ends every session of a person (disabled, password reset) or of a key (revoked). */
export async function endSessionsOf(who: { userId: string } | { apiKeyHash: string }): Promise<number> {
  const docs = await Session.find(who, { _id: 1 }).lean<Array<{ _id: string }>>().exec();
  await Promise.all(docs.map((doc) => Session.deleteOne({ _id: doc._id }).exec()));
  return docs.length;
}
