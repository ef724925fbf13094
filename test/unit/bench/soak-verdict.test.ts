import { type MemoryLook, type SoakSample, soakVerdict } from '../../../bench/report/soak-verdict';

const MINUTE = 60_000;
const start = 1_000_000;

/** One acknowledgement a second for `minutes`, latency by minute, and a memory look every 30 s. */
function soak(minutes: number, latencyAt: (minute: number) => number, rssAt: (minute: number) => number) {
  const samples: SoakSample[] = [];
  for (let s = 0; s < minutes * 60; s += 1)
    samples.push({ sentAt: start + s * 1000, latencyMs: latencyAt(s / 60), ok: true });
  const looks: MemoryLook[] = [];
  for (let t = 0; t <= minutes * 2; t += 1) looks.push({ atMs: start + t * 30_000, rssMiB: { worker: rssAt(t / 2) } });
  return { samples, looks, end: start + minutes * MINUTE };
}

test('an hour with flat memory and steady latency meets the goal; windows of ten minutes', () => {
  const { samples, looks, end } = soak(
    60,
    () => 50,
    (minute) => (minute < 5 ? 200 : 300),
  );
  const verdict = soakVerdict(start, end, samples, looks, 0);
  expect(verdict).toMatchObject({ windowMinutes: 10, errors: 0, flatMemory: true, steadyLatency: true });
  expect(verdict.memory[0]).toMatchObject({ afterWarmUpMiB: 300, lastMiB: 300, growth: 0 });
});

test('memory that grows past 10 % after warm-up, or a p99 that grows past 1.5 ×, misses', () => {
  const leaking = soak(
    60,
    () => 50,
    (minute) => 300 + minute * 2,
  );
  expect(soakVerdict(start, leaking.end, leaking.samples, leaking.looks, 0).flatMemory).toBe(false);
  const slowing = soak(
    60,
    (minute) => (minute > 45 ? 90 : 50),
    () => 300,
  );
  expect(soakVerdict(start, slowing.end, slowing.samples, slowing.looks, 0).steadyLatency).toBe(false);
});

test('a failed request or an arrival not sent counts as an error; a short soak compares thirds', () => {
  const { samples, looks, end } = soak(
    15,
    () => 50,
    () => 300,
  );
  samples[100] = { ...(samples[100] as SoakSample), ok: false };
  const verdict = soakVerdict(start, end, samples, looks, 2);
  expect(verdict.errors).toBe(3);
  expect(verdict.windowMinutes).toBe(5);
});
