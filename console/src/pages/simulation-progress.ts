import type { SimulationJob } from '../api/types';

const count = (n: number) => n.toLocaleString('en-US');

/** How far a running simulation got, for the status line next to the button. */
export function progressText(progress: SimulationJob['progress']): string {
  if (progress.totalEstimate === 0) return 'Starting…';
  const percent = Math.min(99, Math.floor((progress.read / progress.totalEstimate) * 100));
  return `Replayed ${count(progress.read)} of about ${count(progress.totalEstimate)} registrations (${percent}%)`;
}

/** A warning for a report the time limit cut short; undefined for a complete one. */
export function partialNote(job: SimulationJob): string | undefined {
  if (!job.partial) return undefined;
  return (
    `The simulation reached its time limit after replaying ${count(job.progress.read)} of about ` +
    `${count(job.progress.totalEstimate)} registrations: the report below covers only those.`
  );
}
