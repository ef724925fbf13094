import { randomBytes } from 'node:crypto';
import { deriveAuditKeys } from '../../../config/audit-key';
import { isSealed, openWebhookSecret, sealWebhookSecret } from '../../../db/webhook-secrets';

const keys = deriveAuditKeys(randomBytes(32));
const secret = `whsec_${randomBytes(32).toString('base64url')}`;

test('a sealed secret holds nothing of the secret and opens only for its webhook and key', () => {
  const sealed = sealWebhookSecret(secret, 'reseller:value-var', keys);
  expect(isSealed(sealed)).toBe(true);
  expect(sealed).not.toContain(secret.slice(6, 20));
  expect(openWebhookSecret(sealed, 'reseller:value-var', keys)).toBe(secret);
  expect(() => openWebhookSecret(sealed, 'reseller:small-boutique', keys)).toThrow();
  expect(() => openWebhookSecret(sealed, 'reseller:value-var', deriveAuditKeys(randomBytes(32)))).toThrow();
  expect(sealWebhookSecret(secret, 'reseller:value-var', keys)).not.toBe(sealed); // a fresh IV each time
});

test('a secret stored in the clear before sealing still reads', () => {
  expect(openWebhookSecret(secret, 'reseller:value-var', keys)).toBe(secret);
});
