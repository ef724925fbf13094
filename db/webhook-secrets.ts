import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type AuditKeys, auditKeys } from '../config/audit-key';

/**
 * Webhook signing secrets are stored sealed with AES-256-GCM under a key derived from the audit key
 * (config/audit-key.ts), which is not in the database: a copy of the database does not let anyone sign
 * deliveries as dealreg. Sealed text is `enc:v1:<iv>.<tag>.<ciphertext>` (base64url); the webhook's id
 * is bound in as associated data, so a sealed secret moved to another partner's webhook does not open.
 * A secret stored before sealing (plain `whsec_…`) still reads, and is sealed when the webhook is next written.
 */
const PREFIX = 'enc:v1:';

export function sealWebhookSecret(
  secret: string,
  webhookId: string,
  keys: Pick<AuditKeys, 'webhookSecretKey'> = auditKeys(),
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.webhookSecretKey, iv);
  cipher.setAAD(Buffer.from(webhookId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.')}`;
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/** The secret as partners know it; throws if the sealed text was altered or sealed under another key. */
export function openWebhookSecret(
  stored: string,
  webhookId: string,
  keys: Pick<AuditKeys, 'webhookSecretKey'> = auditKeys(),
): string {
  if (!isSealed(stored)) return stored;
  const [iv, tag, ciphertext] = stored
    .slice(PREFIX.length)
    .split('.')
    .map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext) throw new Error(`the secret of webhook ${webhookId} is not readable`);
  const decipher = createDecipheriv('aes-256-gcm', keys.webhookSecretKey, iv);
  decipher.setAAD(Buffer.from(webhookId));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}
