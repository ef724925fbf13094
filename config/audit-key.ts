import {
  createHash,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { auditKeyFile, type Config, config, decodeKeyText, MIN_AUDIT_KEY_BYTES } from './config';

/**
 * What the one out-of-database audit key gives: an Ed25519 key pair that signs decisions, the global
 * audit log and its checkpoints (an auditor needs only the public half to verify), and an AES-256 key
 * for webhook secrets. Each is derived with HKDF under its own label, so none reveals another.
 */
export interface AuditKeys {
  signingKey: KeyObject;
  publicKey: KeyObject;
  /** Names the public key in signed records, so that a record signed by another key says so. */
  keyId: string;
  webhookSecretKey: Buffer;
  /** Signs the links in emails that need no sign-in (unsubscribe). */
  mailLinkKey: Buffer;
}

export class AuditKeyMissing extends Error {
  constructor(file: string) {
    super(
      `no audit key: set DEALREG_AUDIT_KEY (hex or base64 of at least ${MIN_AUDIT_KEY_BYTES} random bytes) or DEALREG_AUDIT_KEY_FILE, or create ${file} (npm start does for development)`,
    );
    this.name = 'AuditKeyMissing';
  }
}

/** PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410): node:crypto imports keys only in a container. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const derive = (secret: Buffer, label: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), label, 32));

export function deriveAuditKeys(secret: Buffer): AuditKeys {
  if (secret.length < MIN_AUDIT_KEY_BYTES)
    throw new Error(`the audit key must be at least ${MIN_AUDIT_KEY_BYTES} bytes`);
  const seed = derive(secret, 'dealreg audit signing v1');
  const signingKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(signingKey);
  return {
    signingKey,
    publicKey,
    keyId: publicKeyId(publicKey),
    webhookSecretKey: derive(secret, 'dealreg webhook secrets v1'),
    mailLinkKey: derive(secret, 'dealreg mail links v1'),
  };
}

export const publicKeyId = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);

/** The key text from the environment, else from the key file; undefined when neither is there. */
export function readAuditKeyText(cfg: Config): string | undefined {
  if (cfg.DEALREG_AUDIT_KEY) return cfg.DEALREG_AUDIT_KEY;
  const file = auditKeyFile(cfg);
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8');
}

/** What verifying needs: the public key and the id it goes by. */
export type AuditVerifier = Pick<AuditKeys, 'publicKey' | 'keyId'>;

export const exportPublicKey = (publicKey: KeyObject): string =>
  publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

/** The audit key when there is one; otherwise the public key an auditor was given, which only verifies. */
export function loadAuditVerifier(cfg: Config): AuditKeys | AuditVerifier {
  if (readAuditKeyText(cfg) === undefined && cfg.DEALREG_AUDIT_PUBLIC_KEY) {
    const publicKey = createPublicKey({
      key: Buffer.from(cfg.DEALREG_AUDIT_PUBLIC_KEY, 'base64'),
      format: 'der',
      type: 'spki',
    });
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('DEALREG_AUDIT_PUBLIC_KEY is not an Ed25519 key');
    return { publicKey, keyId: publicKeyId(publicKey) };
  }
  return loadAuditKeys(cfg);
}

export function loadAuditKeys(cfg: Config): AuditKeys {
  const text = readAuditKeyText(cfg);
  if (text === undefined) throw new AuditKeyMissing(auditKeyFile(cfg));
  const secret = decodeKeyText(text);
  if (!secret || secret.length < MIN_AUDIT_KEY_BYTES)
    throw new Error(
      `the audit key in ${auditKeyFile(cfg)} must be hex or base64 of at least ${MIN_AUDIT_KEY_BYTES} bytes`,
    );
  return deriveAuditKeys(secret);
}

let cached: AuditKeys | undefined;

/** This process's audit keys, from its configuration; read once. */
export function auditKeys(): AuditKeys {
  cached ??= loadAuditKeys(config());
  return cached;
}

/**
 * For development and tests: when no key is configured, creates `<data>/audit.key` (random, readable
 * by its owner only) unless it exists. Returns the file when it made one.
 */
export function ensureDevelopmentAuditKey(cfg: Config): string | undefined {
  if (readAuditKeyText(cfg) !== undefined) return undefined;
  const file = auditKeyFile(cfg);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return file;
}

/** Domain-separated, so a signature over one kind of record is never valid for another. */
export function signText(keys: Pick<AuditKeys, 'signingKey'>, purpose: string, text: string): string {
  return sign(null, Buffer.from(`dealreg:${purpose}:${text}`), keys.signingKey).toString('base64');
}

export function verifyText(publicKey: KeyObject, purpose: string, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(`dealreg:${purpose}:${text}`), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
