import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password rules: at least 12 characters (NIST SP 800-63B asks for at least 8 and no composition
 * rules), at most 256, and not one of the commonest passwords. The list is zxcvbn-ts's
 * `passwords-common` (about 49,000 passwords from published breach corpora), compared without case.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;
const commonPasswords = (): Set<string> => {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()));
  return common;
};

/** Why a password is refused, or undefined when it may be used. */
export function passwordProblem(password: string, person: { email?: string; name?: string } = {}): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'is one of the most common passwords; choose another';
  const own = [person.email, person.email?.split('@')[0], person.name].filter(
    (word): word is string => typeof word === 'string' && word.length >= 4,
  );
  if (own.some((word) => lower === word.toLowerCase())) return 'must not be your email address or name';
  return undefined;
}
