import { randomBytes } from 'node:crypto';
import { model, Schema } from 'mongoose';
import type { Actor } from '../domain/actor';
import type { Role } from './apikeys';
import { insertOnce, isDuplicateKey } from './insert-once';

export const userStatuses = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const notificationPreferences = ['immediate', 'daily', 'off'] as const;
export type NotificationPreference = (typeof notificationPreferences)[number];

export interface UserDoc {
  /** `usr_…`, random: it tells nothing about the person. */
  _id: string;
  /** Lower-cased; unique through `useremails`. */
  email: string;
  name: string;
  role: Role;
  resellerId?: string;
  distributorId?: string;
  /** A `sales` person's vendor seller. */
  sellerId?: string;
  /** A reseller or distributor user who may invite and disable its own organisation's users. */
  orgAdmin?: boolean;
  status: UserStatus;
  /** argon2id, PHC string; absent until the invitation is accepted. */
  passwordHash?: string;
  /** IANA time zone for daily digests. */
  timeZone: string;
  /**
   * Per event type; a type not listed is `immediate`. A list, not a map keyed by type: event types hold
   * dots, which field names on FerretDB (and in MongoDB updates) cannot.
   */
  notifications: NotificationSetting[];
  createdAt: Date;
  createdBy: Actor;
  updatedAt: Date;
  updatedBy: Actor;
}

const actorSchema = { kind: { type: String, required: true }, id: String };

const userSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    resellerId: String,
    distributorId: String,
    sellerId: String,
    orgAdmin: Boolean,
    status: { type: String, required: true },
    passwordHash: String,
    timeZone: { type: String, required: true, default: 'UTC' },
    notifications: { type: [{ type: { type: String }, preference: String }], required: true, default: [], _id: false },
    createdAt: { type: Date, required: true },
    createdBy: { type: actorSchema, required: true, _id: false },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: actorSchema, required: true, _id: false },
  },
  { versionKey: false, minimize: false },
);
// Who gets a partner's email: equality lookups, which every server serves from an index.
userSchema.index({ resellerId: 1 });
userSchema.index({ distributorId: 1 });
userSchema.index({ sellerId: 1 });
userSchema.index({ role: 1 });

export const User = model<UserDoc>('User', userSchema, 'users');

/**
 * One document per address, `_id` the lower-cased address: a unique insert is the one write every
 * server (FerretDB v1 included) applies atomically, so two invitations of one address cannot both win.
 */
interface UserEmailDoc {
  _id: string;
  userId: string;
}
const UserEmail = model<UserEmailDoc>(
  'UserEmail',
  new Schema<UserEmailDoc>({ _id: String, userId: { type: String, required: true } }, { versionKey: false }),
  'useremails',
);

export interface NotificationSetting {
  type: string;
  preference: NotificationPreference;
}

/** How a person gets one kind of email. */
export const preferenceOf = (user: Pick<UserDoc, 'notifications'>, type: string): NotificationPreference =>
  user.notifications?.find((setting) => setting.type === type)?.preference ?? 'immediate';

/** The person's settings with some kinds changed (the others kept). */
export function withPreferences(
  user: Pick<UserDoc, 'notifications'>,
  changes: Record<string, NotificationPreference>,
): NotificationSetting[] {
  const kept = (user.notifications ?? []).filter((setting) => !(setting.type in changes));
  return [...kept, ...Object.entries(changes).map(([type, preference]) => ({ type, preference }))];
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export class EmailTaken extends Error {}

export type NewUser = Pick<
  UserDoc,
  'email' | 'name' | 'role' | 'resellerId' | 'distributorId' | 'sellerId' | 'orgAdmin'
> & {
  by: Actor;
};

/** Stores an invited user; throws EmailTaken when the address belongs to another user. */
export async function createUser(input: NewUser): Promise<UserDoc> {
  const email = normalizeEmail(input.email);
  const id = `usr_${randomBytes(8).toString('hex')}`;
  if (!(await insertOnce(UserEmail, { _id: email, userId: id }))) throw new EmailTaken(email);
  const now = new Date();
  const doc: UserDoc = {
    _id: id,
    email,
    name: input.name,
    role: input.role,
    ...(input.resellerId ? { resellerId: input.resellerId } : {}),
    ...(input.distributorId ? { distributorId: input.distributorId } : {}),
    ...(input.sellerId ? { sellerId: input.sellerId } : {}),
    ...(input.orgAdmin ? { orgAdmin: true } : {}),
    status: 'invited',
    timeZone: 'UTC',
    notifications: [],
    createdAt: now,
    createdBy: input.by,
    updatedAt: now,
    updatedBy: input.by,
  };
  try {
    await User.create(doc);
  } catch (error) {
    // The address stays free for another try.
    await UserEmail.deleteOne({ _id: email, userId: id }).exec();
    if (isDuplicateKey(error)) throw new EmailTaken(email);
    throw error;
  }
  return doc;
}

export const findUser = (id: string) => User.findById(id).lean<UserDoc>().exec();

export async function findUserByEmail(email: string): Promise<UserDoc | null> {
  const claim = await UserEmail.findById(normalizeEmail(email)).lean<UserEmailDoc>().exec();
  return claim ? findUser(claim.userId) : null;
}

/** Users of one organisation (or every user when no scope is given). Users grow with people, not deals. */
export function listUsers(scope: { resellerId?: string; distributorId?: string } = {}): Promise<UserDoc[]> {
  const filter = scope.resellerId
    ? { resellerId: scope.resellerId }
    : scope.distributorId
      ? { distributorId: scope.distributorId }
      : {};
  return User.find(filter).sort({ createdAt: 1 }).lean<UserDoc[]>().exec();
}

export type UserChange = Partial<
  Pick<
    UserDoc,
    | 'name'
    | 'role'
    | 'resellerId'
    | 'distributorId'
    | 'sellerId'
    | 'orgAdmin'
    | 'status'
    | 'passwordHash'
    | 'timeZone'
    | 'notifications'
  >
>;

/** Applies a change (a field set to undefined is removed) and records who made it. */
export async function updateUser(id: string, change: UserChange, by: Actor): Promise<UserDoc | null> {
  peopleList = undefined; // this process mails by the change at once
  const set: Record<string, unknown> = { updatedAt: new Date(), updatedBy: by };
  const unset: Record<string, ''> = {};
  for (const [field, value] of Object.entries(change)) {
    if (value === undefined) unset[field] = '';
    else set[field] = value;
  }
  return User.findByIdAndUpdate(
    id,
    { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
    { new: true },
  )
    .lean<UserDoc>()
    .exec();
}

type Audience = { kind: 'reseller' | 'distributor' | 'vendor' | 'seller'; id: string };
const audienceKey = (audience: Audience) => `${audience.kind}:${audience.id}`;

/**
 * Which audiences have any active person, read at most every few seconds per process: every decision
 * asks for two partners, most of which may have no people, and people change far less often than
 * decisions are made (a person activated through another process is mailed from its next refresh, 5 s).
 */
const PEOPLE_LIST_MS = 5_000;
let peopleList: { audiences: Promise<Set<string>>; until: number } | undefined;

function audiencesWithPeople(): Promise<Set<string>> {
  if (!peopleList || peopleList.until <= Date.now()) {
    const audiences = User.find({ status: 'active' }, { resellerId: 1, distributorId: 1, sellerId: 1, role: 1 })
      .lean<UserDoc[]>()
      .exec()
      .then(
        (users) =>
          new Set(
            users.flatMap((user) => [
              ...(user.resellerId ? [`reseller:${user.resellerId}`] : []),
              ...(user.distributorId ? [`distributor:${user.distributorId}`] : []),
              ...(user.sellerId ? [`seller:${user.sellerId}`] : []),
              ...(user.role === 'channel-manager' ? ['vendor:channel-managers'] : []),
            ]),
          ),
      );
    peopleList = { audiences, until: Date.now() + PEOPLE_LIST_MS };
    audiences.catch(() => {
      peopleList = undefined;
    });
  }
  return peopleList.audiences;
}

/** The people who should hear of a partner's or the vendor's event: active users only. */
export async function recipientsOf(audience: Audience): Promise<UserDoc[]> {
  if (!(await audiencesWithPeople()).has(audienceKey(audience))) return [];
  const filter =
    audience.kind === 'reseller'
      ? { resellerId: audience.id }
      : audience.kind === 'distributor'
        ? { distributorId: audience.id }
        : audience.kind === 'seller'
          ? { sellerId: audience.id }
          : { role: 'channel-manager' };
  const users = await User.find(filter).lean<UserDoc[]>().exec();
  return users.filter((user) => user.status === 'active');
}
