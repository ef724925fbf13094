import type { UserDoc } from '../../db/users';
import { actorViews } from './actors';
import { withoutEmpty } from './clean';

/** People as shown (never a password hash), with the names of who created and changed them looked up now. */
export async function userViews(users: UserDoc[]) {
  const names = await actorViews(users.flatMap((user) => [user.createdBy, user.updatedBy]));
  return users.map((user) =>
    withoutEmpty({
      id: user._id,
      email: user.email,
      name: user.name,
      role: user.role,
      resellerId: user.resellerId,
      distributorId: user.distributorId,
      sellerId: user.sellerId,
      orgAdmin: user.orgAdmin,
      status: user.status,
      timeZone: user.timeZone,
      createdAt: new Date(user.createdAt).toISOString(),
      createdBy: names(user.createdBy),
      updatedAt: new Date(user.updatedAt).toISOString(),
      updatedBy: names(user.updatedBy),
    }),
  );
}

export const userView = async (user: UserDoc) => (await userViews([user]))[0]!;
