import argon2 from 'argon2';

/**
 * Password hashes: argon2id (RFC 9106) through the `argon2` package, with its defaults (64 MiB, 3
 * passes, 4 lanes), stored as the PHC string so that parameters can change later without breaking
 * older hashes.
 */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash; with no hash (no such person, or not yet activated) it
 * checks against a decoy hash, so that a wrong address takes as long as a wrong password.
 */
export async function passwordMatches(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoy ??= hashPassword('decoy password that matches nothing');
    await argon2.verify(await decoy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
