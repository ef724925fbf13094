import type { GrowthPoint, GrowthResult } from '../../../bench/growth/run';
import { checkGoals } from '../../../bench/report/goals';

const timing = (p50: number) => ({ ms: { count: 10, p50, p95: p50 * 2, p99: p50 * 2, max: p50 * 3 } });
const point = (size: number, ack: number, list: number): GrowthPoint => ({
  size,
  stored: size,
  seedSeconds: 1,
  operations: { 'submission acknowledgement': timing(ack), 'list q text': timing(list) },
});

describe('growth goals', () => {
  test('one goal per operation, met within twice the 10k figure at 1M and missed beyond', () => {
    const growth: GrowthResult = {
      backend: 'postgresql',
      points: [point(10_000, 10, 100), point(1_000_000, 15, 300)],
      ratios: { 'submission acknowledgement': { p50: 1.5, p95: 1.5 }, 'list q text': { p50: 3, p95: 3 } },
    };
    const goals = checkGoals(undefined, [growth]);
    expect(goals.map((goal) => [goal.goal, goal.met])).toEqual([
      ['submission acknowledgement at 1M ≤ 2 × at 10k (postgresql, p50)', true],
      ['list q text at 1M ≤ 2 × at 10k (postgresql, p50)', false],
    ]);
    expect(goals[0]?.measured).toContain('15 ms at 1000000 / 10 ms at 10000');
  });

  test('not decided while 1M was not measured, unless a smaller size already exceeds it', () => {
    const growth: GrowthResult = {
      backend: 'postgresql',
      points: [point(10_000, 10, 100), point(100_000, 12, 300)],
      ratios: { 'submission acknowledgement': { p50: 1.2 }, 'list q text': { p50: 3 } },
    };
    expect(checkGoals(undefined, [growth]).map((goal) => goal.met)).toEqual([undefined, false]);
  });
});
