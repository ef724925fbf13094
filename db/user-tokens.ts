import { createHash, randomBytes } from 'node:crypto';
import { model, Schema } from 'mongoose';

/**
 * One-time links mailed to people: an invitation (valid 7 days) and a password reset (valid 1 hour).
 * Only the token's hash is stored; the token is spent by deleting its document, which one caller only
 * can do (a delete by `_id` is atomic on every server), so a link works once.
 */
export type UserTokenKind = 'invitation' | 'password-reset';

export const tokenLifetimeMs: Record<UserTokenKind, number> = {
  invitation: 7 * 24 * 3600 * 1000,
  'password-reset': 3600 * 1000,
};

interface UserTokenDoc {
  _id: string;
  kind: UserTokenKind;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

const schema = new Schema<UserTokenDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ userId: 1 });

const UserToken = model<UserTokenDoc>('UserToken', schema, 'usertokens');

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new token for the user; answers the token itself, which only its mail will carry. */
export async function issueUserToken(kind: UserTokenKind, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await UserToken.create({
    _id: hashToken(token),
    kind,
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + tokenLifetimeMs[kind]),
  });
  return token;
}

export type TokenCheck = { userId: string } | { refused: 'unknown' | 'expired' };

/** Whether a token of this kind is valid now, without spending it (the request may still be refused). */
export async function checkUserToken(kind: UserTokenKind, token: string, now = new Date()): Promise<TokenCheck> {
  const doc = await UserToken.findById(hashToken(token)).lean<UserTokenDoc>().exec();
  if (!doc || doc.kind !== kind) return { refused: 'unknown' };
  if (doc.expiresAt.getTime() <= now.getTime()) return { refused: 'expired' };
  return { userId: doc.userId };
}

/** Spends a token: true for the one caller that deleted it. */
export async function spendUserToken(token: string): Promise<boolean> {
  const { deletedCount } = await UserToken.deleteOne({ _id: hashToken(token) }).exec();
  return deletedCount === 1;
}

/** Ends every outstanding token of a user (a disabled user's invitation, older reset links). */
export async function revokeUserTokens(userId: string, kind?: UserTokenKind): Promise<void> {
  const docs = await UserToken.find({ userId }, { _id: 1, kind: 1 }).lean<UserTokenDoc[]>().exec();
  await Promise.all(
    docs.filter((doc) => !kind || doc.kind === kind).map((doc) => UserToken.deleteOne({ _id: doc._id }).exec()),
  );
}
