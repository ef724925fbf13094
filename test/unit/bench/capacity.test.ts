import { capacityProjection } from '../../../bench/report/capacity';
import type { PhaseFigures } from '../../../bench/report/figures';

const usage = (label: string, cpuSeconds: number) => ({ label, cpuSeconds, cpuShare: 0, peakRssMiB: 0 });

test('the capacity projection divides each tier’s measured CPU by the registrations, the database being FerretDB and PostgreSQL', () => {
  const saturation = {
    accepted: 200,
    usage: {
      seconds: 10,
      machineBusySeconds: 20,
      othersSeconds: 0,
      machineUtilization: 1,
      processes: [
        usage('api', 2),
        usage('worker', 4),
        usage('temporal', 5),
        usage('ferretdb', 3),
        usage('postgresql', 1),
        usage('bench', 5),
      ],
    },
  } as unknown as PhaseFigures;
  expect(capacityProjection(saturation)).toEqual([
    expect.objectContaining({
      tier: 'API',
      cpuMsPerRegistration: 10,
      registrationsPerSecondPerCore: 100,
      coresFor100PerSecond: 1,
      coresFor1000PerSecond: 10,
    }),
    expect.objectContaining({
      tier: 'workers',
      cpuMsPerRegistration: 20,
      registrationsPerSecondPerCore: 50,
      coresFor1000PerSecond: 20,
    }),
    expect.objectContaining({
      tier: 'Temporal',
      cpuMsPerRegistration: 25,
      registrationsPerSecondPerCore: 40,
      coresFor100PerSecond: 3,
    }),
    expect.objectContaining({ tier: 'database', processes: ['ferretdb', 'postgresql'], cpuMsPerRegistration: 20 }),
  ]);
});
