import { execFile, spawn } from 'node:child_process';
import { access, constants, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { withDirectoryLock } from './lock';

const execFileAsync = promisify(execFile);

/** The Go-built servers the local stack runs. Versions are fixed by the project, not by whatever is newest. */
export const tools = {
  temporal: {
    module: 'github.com/temporalio/cli',
    version: 'v1.5.1',
    binary: 'temporal',
    title: 'Temporal CLI (dev server)',
  },
  ferretdb: { module: 'github.com/FerretDB/FerretDB', version: 'v1.24.2', binary: 'ferretdb', title: 'FerretDB' },
  mailpit: {
    module: 'github.com/axllent/mailpit',
    version: 'v1.33.1',
    binary: 'mailpit',
    title: 'Mailpit (mail catcher)',
  },
} as const;
export type ToolName = keyof typeof tools;

const MIN_GO = [1, 25] as const;

/** Outside the checkout and keyed by version, so fresh clones (CI) and later runs reuse one build. */
export function toolsCacheDir(): string {
  if (process.env.DEALREG_TOOLS_DIR) return process.env.DEALREG_TOOLS_DIR;
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(cacheHome, 'dealreg', 'tools');
}

export function toolPath(name: ToolName): string {
  const tool = tools[name];
  return path.join(toolsCacheDir(), `${name}-${tool.version}`, tool.binary);
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export class ToolchainError extends Error {}

async function checkGo(): Promise<void> {
  let out: string;
  try {
    out = (await execFileAsync('go', ['version'])).stdout;
  } catch {
    throw new ToolchainError(
      `Go ${MIN_GO.join('.')} or newer is needed once, to build the local Temporal and FerretDB servers, and 'go' was not found.\n` +
        'Install Go from https://go.dev/dl/ (or your package manager), or set TEMPORAL_ADDRESS and MONGODB_URI to use servers you already run.',
    );
  }
  const match = /go(\d+)\.(\d+)/.exec(out);
  const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (major < MIN_GO[0] || (major === MIN_GO[0] && minor < MIN_GO[1])) {
    throw new ToolchainError(
      `Go ${MIN_GO.join('.')} or newer is needed to build the local servers; found: ${out.trim()}.\n` +
        'Upgrade Go (https://go.dev/dl/), or set TEMPORAL_ADDRESS and MONGODB_URI to use servers you already run.',
    );
  }
}

/** Runs `go` showing one updating progress line (packages compiled) instead of a silent wait. */
function runGo(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; label: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('go', args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let compiled = 0;
    const tail: string[] = [];
    const started = Date.now();
    const tty = process.stderr.isTTY;
    const report = (final = false) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      const line = `  ${options.label}: ${compiled} packages, ${seconds}s`;
      if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
      else if (final || compiled % 100 === 0) process.stderr.write(`${line}\n`);
    };
    const onOutput = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        // `go build -v` prints each package path as it is compiled.
        if (!line.startsWith('go:') && !line.includes(' ')) {
          compiled += 1;
          report();
        }
      }
    };
    const ticker = setInterval(() => report(), tty ? 1000 : 30_000);
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('error', (error) => {
      clearInterval(ticker);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(ticker);
      report(true);
      if (code === 0) resolve();
      else reject(new ToolchainError(`go ${args.join(' ')} failed (exit ${code}):\n${tail.join('\n')}`));
    });
  });
}

async function buildTemporal(outDir: string): Promise<void> {
  const { module, version } = tools.temporal;
  await runGo(['install', '-v', `${module}/cmd/temporal@${version}`], {
    env: { GOBIN: outDir },
    label: `building ${tools.temporal.title} ${version}`,
  });
}

/**
 * FerretDB's module zip lacks the generated build/version/version.txt that its release build writes
 * (`bin/task gen-version`), and a binary from a bare `go install` panics at start-up for that reason.
 * So we build the same module source at the same version, adding only that one-line file.
 */
async function buildFerretDb(outDir: string, workDir: string): Promise<void> {
  const { version } = tools.ferretdb;
  const buildDir = await moduleSource('ferretdb', workDir);
  await writeFile(path.join(buildDir, 'build', 'version', 'version.txt'), `${version}\n`);
  await runGo(['build', '-v', '-buildvcs=false', '-o', path.join(outDir, tools.ferretdb.binary), './cmd/ferretdb'], {
    cwd: buildDir,
    label: `building ${tools.ferretdb.title} ${version}`,
  });
}

/** Copies a module's source at the project's version out of Go's module cache, writable, for a build of our own. */
async function moduleSource(name: ToolName, workDir: string): Promise<string> {
  const { module, version } = tools[name];
  const { stdout } = await execFileAsync('go', ['mod', 'download', '-json', `${module}@${version}`], {
    maxBuffer: 1 << 20,
  });
  const sourceDir = (JSON.parse(stdout) as { Dir?: string; Error?: string }).Dir;
  if (!sourceDir)
    throw new ToolchainError(`go mod download ${module}@${version} returned no source directory:\n${stdout}`);
  const buildDir = path.join(workDir, `${name}-src`);
  await cp(sourceDir, buildDir, { recursive: true });
  await execFileAsync('chmod', ['-R', 'u+w', buildDir]);
  return buildDir;
}

/**
 * Mailpit's web interface (`server/ui/dist`) is not in its module: its release build makes it with npm
 * from the module's own package.json. We try that (a few minutes; it needs every package of its lock
 * file from the npm registry) and build the Go server either way; without it Mailpit serves its API and
 * SMTP only, and says so. Its SQLite driver is pure Go (modernc.org/sqlite), so CGO stays off.
 */
async function buildMailpit(workDir: string, toolDir: string): Promise<void> {
  const { version } = tools.mailpit;
  const buildDir = await moduleSource('mailpit', workDir);
  const ui = await buildMailpitUi(buildDir);
  await mkdir(toolDir, { recursive: true });
  await writeFile(path.join(toolDir, MAILPIT_UI_NOTE), ui.built ? 'built\n' : `not built: ${ui.why}\n`);
  await runGo(
    [
      'build',
      '-v',
      '-buildvcs=false',
      '-trimpath',
      '-ldflags',
      `-s -w -X github.com/axllent/mailpit/config.Version=${version}`,
      '-o',
      path.join(workDir, tools.mailpit.binary),
      '.',
    ],
    { cwd: buildDir, env: { CGO_ENABLED: '0' }, label: `building ${tools.mailpit.title} ${version}` },
  );
}

/** Beside the Mailpit binary: whether its web interface was built into it (`built`) or why not. */
export const MAILPIT_UI_NOTE = 'web-ui.txt';

async function buildMailpitUi(buildDir: string): Promise<{ built: true } | { built: false; why: string }> {
  process.stderr.write("  building Mailpit's web interface with npm (its package.json)…\n");
  const run = (args: string[]) =>
    execFileAsync('npm', args, { cwd: buildDir, timeout: 10 * 60_000, maxBuffer: 16 << 20 }).catch(
      (error: { stderr?: string; message: string }) => {
        const line = (error.stderr ?? error.message)
          .split('\n')
          .find((l) => /npm error (code|404|notarget)|Error/.test(l));
        throw new Error(line?.trim() ?? error.message.split('\n')[0]);
      },
    );
  try {
    await run(['ci', '--no-audit', '--no-fund', '--loglevel=error']);
    await run(['run', 'package']);
    return { built: true };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `  Mailpit's web interface could not be built (${why}): only its API and SMTP will be served\n`,
    );
    return { built: false, why };
  }
}

/** Returns the path of the tool's binary, building it into the shared cache the first time. */
export async function ensureTool(name: ToolName): Promise<string> {
  const target = toolPath(name);
  if (await isExecutable(target)) return target;
  await mkdir(toolsCacheDir(), { recursive: true });
  return withDirectoryLock(path.join(toolsCacheDir(), `${name}.lock`), async () => {
    if (await isExecutable(target)) return target; // another process built it while we waited
    await checkGo();
    const tool = tools[name];
    process.stderr.write(
      `dealreg: building ${tool.title} ${tool.version} once into ${path.dirname(target)} (a few minutes)\n`,
    );
    const workDir = path.join(toolsCacheDir(), `.build-${name}-${process.pid}`);
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    try {
      if (name === 'temporal') await buildTemporal(workDir);
      else if (name === 'ferretdb') await buildFerretDb(workDir, workDir);
      else await buildMailpit(workDir, path.dirname(target));
      await mkdir(path.dirname(target), { recursive: true });
      // Rename is atomic: a half-built binary is never found at the target path.
      await rename(path.join(workDir, tool.binary), target);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
    return target;
  });
}
