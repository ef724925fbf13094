import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isPortOpen, killLeftover, type ManagedProcess, spawnManaged, waitUntilReady } from './processes';
import { ensureTool, MAILPIT_UI_NOTE, toolPath } from './tools';

/**
 * Mailpit, the local mail catcher: dealreg's worker sends mail to its SMTP port, a person reads it in its
 * web interface, and the tests read it through its HTTP API (`/api/v1/messages`, `/api/v1/message/{id}`).
 * Its messages are kept in `<data>/mailpit.db`.
 */
export interface MailpitOptions {
  dataDir: string;
  smtpPort: number;
  httpPort: number;
  /** Name of its pid and log files (a test may run a second one). */
  name?: string;
}

export interface RunningMailpit {
  proc: ManagedProcess;
  smtpUrl: string;
  webUrl: string;
  /** False when its web interface could not be built: then only its API answers at `webUrl`. */
  webUi: boolean;
}

export async function startMailpit(options: MailpitOptions): Promise<RunningMailpit> {
  const binary = await ensureTool('mailpit');
  const name = options.name ?? 'mailpit';
  const runDir = path.join(options.dataDir, 'run');
  await killLeftover(runDir, name, binary);
  for (const port of [options.smtpPort, options.httpPort]) {
    if (await isPortOpen(port)) throw new Error(`port ${port} for Mailpit is already in use by another program`);
  }
  const args = [
    '--smtp',
    `127.0.0.1:${options.smtpPort}`,
    '--listen',
    `127.0.0.1:${options.httpPort}`,
    '--database',
    path.join(options.dataDir, `${name}.db`),
    // Any credentials (or none): a development catcher, reached only on 127.0.0.1.
    '--smtp-auth-accept-any',
    '--smtp-auth-allow-insecure',
    '--disable-version-check',
  ];
  const proc = await spawnManaged({ name, command: binary, args, runDir });
  const webUrl = `http://127.0.0.1:${options.httpPort}`;
  await waitUntilReady(proc, 'Mailpit', () => mailpitAnswers(webUrl));
  return { proc, smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`, webUrl, webUi: await mailpitHasWebUi() };
}

export async function mailpitAnswers(webUrl: string): Promise<boolean> {
  const response = await fetch(`${webUrl}/api/v1/info`, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}

async function mailpitHasWebUi(): Promise<boolean> {
  const note = await readFile(path.join(path.dirname(toolPath('mailpit')), MAILPIT_UI_NOTE), 'utf8').catch(() => '');
  return note.startsWith('built');
}

export async function stopLeftoverMailpit(dataDir: string): Promise<void> {
  await killLeftover(path.join(dataDir, 'run'), 'mailpit', toolPath('mailpit'));
}
