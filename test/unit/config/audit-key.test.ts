import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDevelopmentAuditKey, loadAuditKeys } from '../../../config/audit-key';
import { parseConfig } from '../../../config/config';

test('the audit key must be hex or base64 of at least 32 bytes', () => {
  expect(() => parseConfig({ DEALREG_AUDIT_KEY: 'short' })).toThrow(/DEALREG_AUDIT_KEY/);
  expect(() => parseConfig({ DEALREG_AUDIT_KEY: 'ab'.repeat(31) })).toThrow(/DEALREG_AUDIT_KEY/);
  expect(parseConfig({ DEALREG_AUDIT_KEY: 'ab'.repeat(32) }).DEALREG_AUDIT_KEY).toBe('ab'.repeat(32));
  expect(parseConfig({ DEALREG_AUDIT_KEY: Buffer.alloc(32, 7).toString('base64') }).DEALREG_AUDIT_KEY).toBeDefined();
});

test('without a configured key nothing signs; development creates one outside the database, owner-only', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dealreg-key-'));
  const cfg = parseConfig({ DEALREG_DATA_DIR: dataDir });
  expect(() => loadAuditKeys(cfg)).toThrow(/no audit key/);
  const file = ensureDevelopmentAuditKey(cfg);
  expect(file).toBe(path.join(dataDir, 'audit.key'));
  expect((await stat(file!)).mode & 0o777).toBe(0o600);
  expect(ensureDevelopmentAuditKey(cfg)).toBeUndefined(); // kept, never replaced
  const fromFile = loadAuditKeys(cfg);
  const fromEnv = loadAuditKeys(parseConfig({ DEALREG_AUDIT_KEY: (await readFile(file!, 'utf8')).trim() }));
  expect(fromEnv.keyId).toBe(fromFile.keyId);
});
