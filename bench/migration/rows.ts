import { Readable } from 'node:stream';
import { distinctCustomer, seededRandom } from '../dealreg/customers';
import { benchResellers } from '../dealreg/partners';

/** The closed statuses a migration brings for history, in turn. */
const closedStatuses = ['won', 'lost', 'expired', 'withdrawn', 'rejected'] as const;
const DAY_MS = 86_400_000;
const CUSTOMER_SERIALS_FROM = 5_000_000;

/**
 * A migration file of `size` JSON lines as another PRM would export it: `protectedShare` of them approved
 * and protected for 30 to 180 days yet, the rest closed; each a customer of its own (as the load phase's),
 * submitted over the two years before `now`, in no particular order (the import numbers them by time).
 * Generated line by line, never whole in memory.
 */
export function migrationFile(size: number, protectedShare: number, now = Date.now()): Readable {
  const random = seededRandom(25);
  let index = 0;
  return new Readable({
    read() {
      let batch = '';
      for (let n = 0; n < 500 && index < size; n += 1, index += 1) batch += `${JSON.stringify(row(index))}\n`;
      this.push(batch === '' ? null : batch);
    },
  });

  function row(i: number) {
    const reseller = benchResellers[i % benchResellers.length] as (typeof benchResellers)[number];
    const approved = random() < protectedShare;
    const submittedAt = new Date(now - Math.floor(random() * 730 * DAY_MS) - DAY_MS).toISOString();
    return {
      resellerId: reseller.id,
      distributorId: reseller.distributorIds[0],
      submittedAt,
      status: approved ? 'approved' : closedStatuses[i % closedStatuses.length],
      ...(approved && { protectedUntil: new Date(now + (30 + Math.floor(random() * 150)) * DAY_MS).toISOString() }),
      // Serials of their own, apart from the load phase's customers.
      customer: distinctCustomer(CUSTOMER_SERIALS_FROM + i, random),
      opportunity: { title: `Migrated deal ${i}`, productLines: ['storage'] },
    };
  }
}
