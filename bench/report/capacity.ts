import type { PhaseFigures } from './figures';

/** The tiers of a cluster and the measured processes each one is made of. */
const tiers = [
  { tier: 'API', processes: ['api'] },
  { tier: 'workers', processes: ['worker'] },
  { tier: 'Temporal', processes: ['temporal'] },
  { tier: 'database', processes: ['ferretdb', 'postgresql'] },
] as const;

/**
 * A PROJECTION from measured figures, not a measurement of a cluster: CPU per registration of each
 * tier at saturation, turned into registrations per second per core and cores for a target rate.
 * It assumes each tier scales out linearly and that CPU is what limits it (not locks, disk or the
 * network), and the database figures are FerretDB's and PostgreSQL's, not MongoDB's.
 */
export interface CapacityRow {
  tier: string;
  processes: string[];
  cpuMsPerRegistration: number;
  registrationsPerSecondPerCore: number;
  coresFor100PerSecond: number;
  coresFor1000PerSecond: number;
}

export function capacityProjection(saturation: PhaseFigures): CapacityRow[] {
  const registrations = Math.max(saturation.accepted, 1);
  return tiers.map(({ tier, processes }) => {
    const cpuSeconds = saturation.usage.processes
      .filter((usage) => (processes as readonly string[]).includes(usage.label))
      .reduce((sum, usage) => sum + usage.cpuSeconds, 0);
    const perCore = cpuSeconds > 0 ? registrations / cpuSeconds : Number.POSITIVE_INFINITY;
    return {
      tier,
      processes: [...processes],
      cpuMsPerRegistration: (cpuSeconds * 1000) / registrations,
      registrationsPerSecondPerCore: perCore,
      coresFor100PerSecond: Math.ceil(100 / perCore),
      coresFor1000PerSecond: Math.ceil(1000 / perCore),
    };
  });
}
