import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { withDirectoryLock } from './dev-stack/lock';
import { progress, projectRoot } from './dev-stack/stack';

const consoleDir = path.join(projectRoot, 'console');
const distIndex = path.join(consoleDir, 'dist', 'index.html');

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isBuilt(): boolean {
  // A new Preact or Vite (a changed lock file) must rebuild as surely as a changed source file.
  const lockFile = path.join(projectRoot, 'package-lock.json');
  const inputs = Math.max(newestSourceMtime(consoleDir), existsSync(lockFile) ? statSync(lockFile).mtimeMs : 0);
  return existsSync(distIndex) && statSync(distIndex).mtimeMs >= inputs;
}

/**
 * Builds the console with Vite when its bundle is missing or older than its sources or its locked
 * dependencies; one build at a time (npm start's tests and the browser tests may both want it).
 */
export async function ensureConsoleBuilt(): Promise<void> {
  if (!existsSync(path.join(consoleDir, 'vite.config.ts')) || isBuilt()) return;
  const lockDir = path.join(projectRoot, '.data', 'console-build.lock');
  await mkdir(path.dirname(lockDir), { recursive: true });
  await withDirectoryLock(lockDir, async () => {
    if (!isBuilt()) await build();
  });
}

async function build(): Promise<void> {
  progress('building the console (vite)…');
  // Not spawnSync: a stop asked for meanwhile must be heard (and the build is then killed with the rest).
  const child = spawn(
    path.join(projectRoot, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'console/vite.config.ts'],
    {
      cwd: projectRoot,
      // Jest sets NODE_ENV=test, which would make Vite build Preact's development bundle.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error('the console build failed; see the messages above');
}
