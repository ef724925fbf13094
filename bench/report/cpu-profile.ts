import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../scripts/dev-stack/stack';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  process: string;
  /** Milliseconds on the JavaScript thread that were not idle. */
  busyMs: number;
  /** Where that time went, by package (node_modules), project file, node internals or GC. */
  byArea: Array<{ area: string; ms: number; share: number }>;
  topFunctions: Array<{ name: string; ms: number; share: number }>;
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] as string;
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(projectRoot) ? path.relative(projectRoot, file) : file;
}

const top = (totals: Map<string, number>, busy: number, count: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: busy > 0 ? us / busy : 0 }));

/**
 * Self time of the V8 CPU profiles of one process (node --cpu-prof writes one per thread), grouped:
 * which libraries and which of our files it spent its JavaScript time in. Native work (Temporal's Rust
 * core, sockets) is outside V8's view; the per-process CPU accounting covers it.
 */
export async function summarizeCpuProfiles(dir: string, processName: string): Promise<ProfileSummary> {
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile;
    busy += addSelfTimes(profile, byArea, byFunction);
  }
  return {
    process: processName,
    busyMs: Math.round(busy / 1000),
    byArea: top(byArea, busy, 12).map(({ name, ms, share }) => ({ area: name, ms, share })),
    topFunctions: top(byFunction, busy, 12),
  };
}

/** Adds one profile's self times (µs) by area and by function; returns its busy (non-idle) time. */
function addSelfTimes(profile: CpuProfile, byArea: Map<string, number>, byFunction: Map<string, number>): number {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  let busy = 0;
  profile.samples.forEach((nodeId, index) => {
    const node = nodes.get(nodeId);
    const us = profile.timeDeltas[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += us;
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${area}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  return busy;
}
