import { readdirSync, readFileSync } from 'node:fs';

/** Linux accounts CPU time in clock ticks of 1/100 s (USER_HZ) on every platform node runs on. */
const TICKS_PER_SECOND = 100;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Resident memory in MiB from /proc/<pid>/status: `VmRSS` now, `VmHWM` the peak since the process started. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | undefined {
  const status = readText(`/proc/${pid}/status`);
  if (!status) return undefined;
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** User plus system CPU seconds a process has used (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuSecondsOf(pid: number): number {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // The command name (field 2) may contain spaces; count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Busy and total CPU seconds of the whole machine, from the first line of /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const line = readText('/proc/stat')?.split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/** Pids whose command name is `name` (PostgreSQL runs one process per connection). */
export function pidsNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => readText(`/proc/${pid}/comm`)?.trim() === name);
}

export interface WatchedProcess {
  label: string;
  /** Looked up at every sample, so a group of short-lived processes (PostgreSQL backends) is followed. */
  pids: () => number[];
}

export interface ProcessUsage {
  label: string;
  cpuSeconds: number;
  /** Share of the machine's busy CPU time in the window. */
  cpuShare: number;
  /** Largest resident set seen while sampling, summed over the group's pids. */
  peakRssMiB: number;
}

export interface UsageWindow {
  seconds: number;
  /** Busy CPU seconds of the whole machine: what our processes used plus anything else running. */
  machineBusySeconds: number;
  /** Busy CPU seconds of processes that are not ours (other engineers' tests): a disturbed measurement. */
  othersSeconds: number;
  /** Machine CPU capacity used, 0..1 (2 cores fully busy = 1). */
  machineUtilization: number;
  processes: ProcessUsage[];
}

/**
 * Samples memory of the watched processes every `everyMs` and accounts their CPU between start and
 * stop, against the machine's. Sampling RSS (rather than reading VmHWM alone) excludes start-up peaks
 * such as bundling the workflow code: what is reported is the footprint under load.
 */
export function watchUsage(watched: WatchedProcess[], everyMs = 250): { stop(): UsageWindow } {
  const startedAt = Date.now();
  const machineStart = machineCpuSeconds();
  // Per-pid starting CPU, so that processes that end during the window are not counted negative.
  const startCpu = new Map<number, number>();
  for (const w of watched) for (const pid of w.pids()) startCpu.set(pid, cpuSecondsOf(pid));
  const peaks = new Map<string, number>();
  const sample = () => {
    for (const w of watched) {
      const rss = w.pids().reduce((sum, pid) => sum + (memoryOf(pid)?.rssMiB ?? 0), 0);
      peaks.set(w.label, Math.max(peaks.get(w.label) ?? 0, rss));
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const machineEnd = machineCpuSeconds();
      const busy = machineEnd.busy - machineStart.busy;
      const total = machineEnd.total - machineStart.total;
      const processes = watched.map((w) => {
        const used = w.pids().reduce((sum, pid) => sum + cpuSecondsOf(pid) - (startCpu.get(pid) ?? 0), 0);
        return {
          label: w.label,
          cpuSeconds: used,
          cpuShare: busy > 0 ? used / busy : 0,
          peakRssMiB: peaks.get(w.label) ?? 0,
        };
      });
      const ours = processes.reduce((sum, p) => sum + p.cpuSeconds, 0);
      return {
        seconds: (Date.now() - startedAt) / 1000,
        machineBusySeconds: busy,
        othersSeconds: Math.max(0, busy - ours),
        machineUtilization: total > 0 ? busy / total : 0,
        processes,
      };
    },
  };
}
