import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface GoProfileSummary {
  process: string;
  file: string;
  seconds: number;
  /** `go tool pprof -top` lines (flat and cumulative CPU per function), when Go is installed. */
  top?: string[];
  error?: string;
}

/**
 * A CPU profile of a Go server (FerretDB serves net/http/pprof on its debug address) over `seconds`,
 * saved next to the report and summarized with `go tool pprof` (Go is needed anyway to build the servers).
 */
export async function captureGoProfile(
  process: string,
  debugUrl: string,
  seconds: number,
  file: string,
): Promise<GoProfileSummary> {
  const summary: GoProfileSummary = { process, file, seconds };
  try {
    const answer = await fetch(`${debugUrl}/debug/pprof/profile?seconds=${seconds}`);
    if (!answer.ok) throw new Error(`${debugUrl} answered ${answer.status}`);
    await writeFile(file, Buffer.from(await answer.arrayBuffer()));
    const { stdout } = await execFileAsync('go', ['tool', 'pprof', '-top', '-nodecount=30', file], {
      maxBuffer: 1 << 20,
    });
    summary.top = stdout.split('\n').filter((line) => line.trim());
  } catch (error) {
    summary.error = error instanceof Error ? error.message : String(error);
  }
  return summary;
}
