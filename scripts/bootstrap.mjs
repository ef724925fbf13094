#!/usr/bin/env node
// The first thing `npm start`, `npm test` and `npm run bench` run, on a fresh clone too: it needs nothing
// but Node. It checks Node, installs the locked dependencies when they are missing or stale, then hands
// over to the entry point for the command, a plain `node` process (tsx only as its loader) that handles
// SIGINT and SIGTERM itself: the `tsx` command would kill it 60 ms after relaying a signal, mid-stop.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 6)) {
  console.error(`dealreg needs Node.js 20.6 or newer; this is ${process.version}. Install it from https://nodejs.org/`);
  process.exit(1);
}

const entries = {
  start: [process.execPath, ['--import', 'tsx', 'scripts/start.ts']],
  test: [process.execPath, [path.join('node_modules', 'jest', 'bin', 'jest.js')]],
  bench: [process.execPath, ['--import', 'tsx', 'bench/run.ts']],
};
const command = process.argv[2];
const entry = entries[command];
if (!entry) {
  console.error(`usage: bootstrap.mjs ${Object.keys(entries).join('|')} [args…]`);
  process.exit(2);
}

// Passed on to whatever runs now. A signal sent to the whole process group reaches that child twice
// (from the kernel and from us): the entry points take a repeat within two seconds as the same request.
let child;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child) child.kill(signal);
    else process.exit(128 + os.constants.signals[signal]);
  });
}

function run(bin, args) {
  return new Promise((resolve) => {
    child = spawn(bin, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`dealreg: could not run ${bin}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      child = undefined;
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 1));
    });
  });
}

const lockFile = path.join(root, 'package-lock.json');
const installedMarker = path.join(root, 'node_modules', '.package-lock.json');
const stale = !existsSync(installedMarker) || statSync(installedMarker).mtimeMs < statSync(lockFile).mtimeMs;
if (stale) {
  console.error('dealreg: installing dependencies (npm ci)…');
  const status = await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  if (status !== 0) {
    console.error('dealreg: npm ci failed; see the messages above');
    process.exit(status);
  }
}

// Failing to install it is reported, not fatal: the browser test then fails with the same message.
if (command === 'test') ensureChromium();

const [bin, args] = entry;
process.exit(await run(bin, [...args, ...process.argv.slice(3)]));
