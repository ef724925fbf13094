#!/usr/bin/env node
// The first thing `npm start`, `npm test` and `npm run bench` run, on a fresh clone too: it needs nothing
// but Node. It checks Node, installs the locked dependencies when they are missing or stale, then hands
// over to the TypeScript entry point for the command.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 3)) {
  console.error(`dealreg needs Node.js 20.3 or newer; this is ${process.version}. Install it from https://nodejs.org/`);
  process.exit(1);
}

const lockFile = path.join(root, 'package-lock.json');
const installedMarker = path.join(root, 'node_modules', '.package-lock.json');
const stale = !existsSync(installedMarker) || statSync(installedMarker).mtimeMs < statSync(lockFile).mtimeMs;
if (stale) {
  console.error('dealreg: installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('dealreg: npm ci failed; see the messages above');
    process.exit(result.status ?? 1);
  }
}

// Failing to install it is reported, not fatal: the browser test then fails with the same message.
if (process.argv[2] === 'test') ensureChromium();

const entries = {
  start: ['tsx', ['scripts/start.ts']],
  test: ['jest', []],
  bench: ['tsx', ['bench/run.ts']],
};
const command = process.argv[2];
const entry = entries[command];
if (!entry) {
  console.error(`usage: bootstrap.mjs ${Object.keys(entries).join('|')} [args…]`);
  process.exit(2);
}
const [bin, args] = entry;
const child = spawn(path.join(root, 'node_modules', '.bin', bin), [...args, ...process.argv.slice(3)], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the child through the terminal's process group, so SIGINT is only waited out here;
// a SIGTERM sent to us alone is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? os.constants.signals[signal] : 1)));
