import type { PhaseFigures } from '../report/figures';

/**
 * Issue 27's load: half of dealreg's own saturation in the same run. A registration is done when it is
 * decided, so its saturation is the lower of the rates at which it was accepted and decided (each per
 * second from the first send); undefined when the saturation phase measured neither.
 */
export function saturationRateOf(saturation: Pick<PhaseFigures, 'acceptedPerSecond' | 'decidedPerSecond'>) {
  const rates = [saturation.acceptedPerSecond, saturation.decidedPerSecond].filter(
    (rate): rate is number => rate !== undefined && Number.isFinite(rate) && rate > 0,
  );
  return rates.length > 0 ? Math.min(...rates) : undefined;
}

export const PACED_SHARE_OF_SATURATION = 0.5;

export function pacedRateOf(saturation: Pick<PhaseFigures, 'acceptedPerSecond' | 'decidedPerSecond'>) {
  const rate = saturationRateOf(saturation);
  return rate === undefined ? undefined : rate * PACED_SHARE_OF_SATURATION;
}
