import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigError, estimatedEntropyBits, parseConfig } from '../../../config/config';

test('an empty environment gives the documented defaults', () => {
  expect(parseConfig({})).toMatchObject({
    TEMPORAL_ADDRESS: '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'dealreg',
    MONGODB_URI: 'mongodb://127.0.0.1:27017/dealreg',
    API_PORT: 3000,
  });
});

test('every bad variable is reported at once, each with its reason', () => {
  let error: unknown;
  try {
    parseConfig({
      TEMPORAL_ADDRESS: 'nohost',
      MONGODB_URI: 'postgres://x',
      API_PORT: '99999',
      DEALREG_ADMIN_KEY: 'short',
    });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems.join('\n');
  expect(problems).toMatch(/TEMPORAL_ADDRESS: must be host:port/);
  expect(problems).toMatch(/MONGODB_URI: must be a mongodb:\/\//);
  expect(problems).toMatch(/API_PORT/);
  expect(problems).toMatch(/DEALREG_ADMIN_KEY: must be at least 24 characters/);
});

test('webhooks may reach local addresses only when DEALREG_WEBHOOKS_ALLOW_LOCAL says so explicitly', () => {
  expect(parseConfig({}).DEALREG_WEBHOOKS_ALLOW_LOCAL).toBe(false);
  expect(parseConfig({ DEALREG_WEBHOOKS_ALLOW_LOCAL: 'false' }).DEALREG_WEBHOOKS_ALLOW_LOCAL).toBe(false);
  expect(parseConfig({ DEALREG_WEBHOOKS_ALLOW_LOCAL: 'true' }).DEALREG_WEBHOOKS_ALLOW_LOCAL).toBe(true);
  expect(() => parseConfig({ DEALREG_WEBHOOKS_ALLOW_LOCAL: 'maybe' })).toThrow(/DEALREG_WEBHOOKS_ALLOW_LOCAL/);
});

/** A worker process started with these variables on top of ours; it is expected to refuse to start. */
function startWorkerWith(env: NodeJS.ProcessEnv) {
  const root = path.resolve(__dirname, '..', '..', '..');
  return promisify(execFile)(path.join(root, 'node_modules', '.bin', 'tsx'), ['worker/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
  }).catch((error: { code: number; stderr: string }) => error);
}

test('a process started with a bad environment stops with one message naming every bad variable', async () => {
  const result = await startWorkerWith({ TEMPORAL_ADDRESS: 'nohost', API_PORT: 'abc' });
  expect('code' in result && result.code).toBe(78);
  expect(result.stderr).toContain('invalid configuration');
  expect(result.stderr).toContain('TEMPORAL_ADDRESS');
  expect(result.stderr).toContain('API_PORT');
}, 30_000);

describe("DEALREG_CRASH_AT (the crash tests' switch)", () => {
  test('is honoured only under NODE_ENV=test, and names known points', () => {
    const dir = { DEALREG_CRASH_ONCE_DIR: '/tmp/crashes' };
    expect(
      parseConfig({ NODE_ENV: 'test', DEALREG_CRASH_AT: 'accept:listed, step:logged', ...dir }).DEALREG_CRASH_AT,
    ).toBe('accept:listed, step:logged');
    expect(() => parseConfig({ NODE_ENV: 'test', DEALREG_CRASH_AT: 'accept:listed' })).toThrow(
      /DEALREG_CRASH_ONCE_DIR: is needed with DEALREG_CRASH_AT/,
    );
    expect(() => parseConfig({ NODE_ENV: 'test', DEALREG_CRASH_AT: 'accept:typo', ...dir })).toThrow(
      /DEALREG_CRASH_AT: must name crash points, comma-separated: accept:listed/,
    );
    for (const mode of ['production', undefined]) {
      expect(() => parseConfig({ NODE_ENV: mode, DEALREG_CRASH_AT: 'accept:listed' })).toThrow(
        /DEALREG_CRASH_AT: is a test-only switch that kills this process; it is refused unless NODE_ENV=test/,
      );
    }
  });

  test('a production process with it set refuses to start, with one message', async () => {
    const result = await startWorkerWith({ NODE_ENV: 'production', DEALREG_CRASH_AT: 'step:logged' });
    expect('code' in result && result.code).toBe(78);
    expect(result.stderr).toMatch(/invalid configuration:\n {2}- DEALREG_CRASH_AT: is a test-only switch/);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  }, 30_000);
});

describe('DEALREG_ADMIN_KEY', () => {
  const problemsOf = (key: string) => {
    try {
      parseConfig({ DEALREG_ADMIN_KEY: key });
      return '';
    } catch (error) {
      return (error as ConfigError).problems.join('\n');
    }
  };

  test.each([
    ['password1234password1234', /too predictable/],
    ['a'.repeat(40), /too predictable/],
    ['abcdefghijklmnopqrstuvwxyz0123456789', /too predictable/],
    ['Q0hj2ayaFoujcAeH 9nozDu4rXk2', /no whitespace, control/],
    ['Q0hj2ayaFoujcAeH\t9nozDu4rXk2', /no whitespace, control/],
    ['Q0hj2ayaFoujcAeH\u00009nozDu4rXk2', /no whitespace, control/],
    ['Q0hj2ayaFoujcAeH9nozDu4rXk2\n', /no whitespace, control/],
    ['short', /at least 24 characters/],
  ])('refuses %j with a clear message', (key, message) => {
    expect(problemsOf(key)).toMatch(new RegExp(`DEALREG_ADMIN_KEY: .*${message.source}`));
  });

  test.each([
    'D4+OAnbhrRe+K+MPLXKdiNhJRHSLoZuBv22G0NjXJjY=',
    'dr_2sEEJHqk5OdONpVHSZ7-A5wceA1Mvexs',
    'bench-admin-866cf5f314ba25add5ecc257ba0c9f12',
  ])('accepts a random key (%s)', (key) => {
    expect(problemsOf(key)).toBe('');
    expect(estimatedEntropyBits(key)).toBeGreaterThanOrEqual(90);
  });
});
