import mongoose from 'mongoose';
import { bootstrapAdminKey } from '../../api/bootstrap-admin';
import { ApiKey, createApiKey, findActiveApiKey, hashApiKey } from '../../db/apikeys';
import { connectDatabase, disconnectDatabase, ensureIndexes } from '../../db/connection';
import { testDatabaseUri } from '../support/harness';

beforeAll(async () => {
  await connectDatabase(testDatabaseUri('bootkeys'));
  await ensureIndexes();
});
afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await disconnectDatabase();
});

const firstKey = 'D4+OAnbhrRe+K+MPLXKdiNhJRHSLoZuBv22G0NjXJjY=';
const secondKey = 'dr_2sEEJHqk5OdONpVHSZ7-A5wceA1Mvexs';

test('key ids are random: nothing of the key can be read from them', async () => {
  const { key, keyId } = await createApiKey({ role: 'auditor', createdBy: 'test' });
  expect(keyId).toMatch(/^key_[0-9a-f]{12}$/);
  expect(hashApiKey(key)).not.toContain(keyId.slice('key_'.length));
  const other = await createApiKey({ role: 'auditor', createdBy: 'test' });
  expect(other.keyId).not.toBe(keyId);
});

test('replacing DEALREG_ADMIN_KEY revokes the previous bootstrap key', async () => {
  expect(await bootstrapAdminKey(firstKey)).toEqual({ adminKey: 'created', revoked: [] });
  expect(await findActiveApiKey(firstKey)).toBeDefined();
  // A restart with the same key changes nothing.
  expect(await bootstrapAdminKey(firstKey)).toEqual({ adminKey: 'present', revoked: [] });
  const firstKeyId = (await ApiKey.findById(hashApiKey(firstKey)).lean().exec())?.keyId;

  expect(await bootstrapAdminKey(secondKey)).toEqual({ adminKey: 'created', revoked: [firstKeyId] });
  expect(await findActiveApiKey(firstKey)).toBeUndefined();
  expect((await findActiveApiKey(secondKey))?.role).toBe('admin');
  // Keys an admin created are not bootstrap keys and stay valid.
  const minted = await createApiKey({ role: 'admin', createdBy: 'key_someadmin' });
  await bootstrapAdminKey(secondKey);
  expect(await findActiveApiKey(minted.key)).toBeDefined();
});
