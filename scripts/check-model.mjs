#!/usr/bin/env node
// `npm run check:model -- --runs N --seed S [--path P] [--replay R] [--commands C]`: the lifecycle's model
// test (test/integration/model.test.ts) for as many sequences as asked; with the seed and path a failure
// printed, it replays that failure. The servers are jest's (its globalSetup), or the ones TEMPORAL_ADDRESS
// and MONGODB_URI name.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
    replay: { type: 'string' },
    commands: { type: 'string' },
  },
});
for (const name of ['runs', 'seed', 'commands']) {
  if (values[name] !== undefined && !/^-?\d+$/.test(values[name])) {
    console.error(`check:model: --${name} must be a whole number, not ${values[name]}`);
    process.exit(2);
  }
}
const env = { ...process.env };
const settings = { runs: 'RUNS', seed: 'SEED', path: 'PATH', replay: 'REPLAY', commands: 'COMMANDS' };
for (const [option, suffix] of Object.entries(settings)) {
  if (values[option] !== undefined) env[`DEALREG_MODEL_${suffix}`] = values[option];
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(
  process.execPath,
  [
    path.join(root, 'scripts', 'bootstrap.mjs'),
    'test',
    '--selectProjects',
    'integration',
    '--testPathPatterns',
    'test/integration/model\\.test\\.ts',
  ],
  { cwd: root, env, stdio: 'inherit' },
);
process.on('SIGINT', () => {});
child.on('exit', (code) => process.exit(code ?? 1));
