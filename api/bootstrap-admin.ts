import { ApiKey, BOOTSTRAP_CREATOR, createApiKey, hashApiKey, revokeOtherBootstrapKeys } from '../db/apikeys';
import { isDuplicateKey } from '../db/insert-once';

/**
 * Stores the bootstrap admin key from the environment unless its hash is stored already, and revokes
 * the bootstrap keys of earlier environments: whoever replaced DEALREG_ADMIN_KEY meant the old one to end.
 */
export async function bootstrapAdminKey(
  key: string | undefined,
): Promise<{ adminKey: 'created' | 'present' | 'none'; revoked: string[] }> {
  if (!key) return { adminKey: 'none', revoked: [] };
  const adminKey = await storeBootstrapKey(key);
  return { adminKey, revoked: await revokeOtherBootstrapKeys(hashApiKey(key)) };
}

async function storeBootstrapKey(key: string): Promise<'created' | 'present'> {
  if (await ApiKey.exists({ _id: hashApiKey(key) }).exec()) return 'present';
  try {
    await createApiKey({ role: 'admin', key, label: 'bootstrap (DEALREG_ADMIN_KEY)', createdBy: BOOTSTRAP_CREATOR });
    return 'created';
  } catch (error) {
    // Another API process stored it at the same moment.
    if (isDuplicateKey(error)) return 'present';
    throw error;
  }
}
