import { presentsMetricsToken } from '../../../api/metrics';
import { parseConfig } from '../../../config/config';

const token = 'w8Jq2xV7mPz4Lr9Tk3Nc6Hb1Fd5Gs0Ya';

test('the program figures need exactly `Bearer <METRICS_TOKEN>`', () => {
  expect(presentsMetricsToken(`Bearer ${token}`, token)).toBe(true);
  for (const authorization of [undefined, '', token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`])
    expect(presentsMetricsToken(authorization, token)).toBe(false);
});

test('without METRICS_TOKEN configured nobody gets them', () => {
  expect(presentsMetricsToken('Bearer ', undefined)).toBe(false);
  expect(presentsMetricsToken(`Bearer ${token}`, undefined)).toBe(false);
});

test('METRICS_TOKEN must be as hard to guess as an admin key', () => {
  expect(parseConfig({ METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token);
  expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 24 characters/);
  expect(() => parseConfig({ METRICS_TOKEN: 'a'.repeat(40) })).toThrow(/METRICS_TOKEN: is too predictable/);
});
