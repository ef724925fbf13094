import { Readable } from 'node:stream';
import { seededRandom } from '../dealreg/customers';

/**
 * A generated account file of `size` rows, produced as it is read (never whole in memory): unique ids,
 * names, domains and UEIs; every tenth account in the bench program, every fiftieth reserved for the
 * bench distributor. The same size and seed give the same file, so a second run re-imports it unchanged.
 */
export const BENCH_PROGRAM = 'bench-program';
export const BENCH_DISTRIBUTOR = 'bench-dist';
export const HEADER = 'id,name,domains,uei,duns,taxId,segment,region,programs,ownerKind,ownerId';

const segments = ['federal-civilian', 'federal-dod', 'state-local', 'education', 'commercial'];
const regions = ['east', 'west', 'central', ''];
const syllables = ['ka', 'lo', 'mi', 'ru', 'ten', 'vor', 'zal', 'quin', 'bex', 'dra', 'pol', 'sen'];

export const accountId = (index: number) => `bench-acct-${index}`;
export const accountDomain = (index: number) => `b${index.toString(36)}-bench.com`;
export const accountUei = (index: number) => `B${index.toString(36).toUpperCase().padStart(11, '0')}`;

function word(random: () => number): string {
  const length = 2 + Math.floor(random() * 2);
  const text = Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)]).join('');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function accountRow(index: number, random: () => number): string {
  const name = `${word(random)} ${word(random)} Services ${index}`;
  const cells = [
    accountId(index),
    name,
    `${accountDomain(index)};${accountDomain(index).replace(/\.com$/, '.org')}`,
    accountUei(index),
    '',
    '',
    segments[index % segments.length],
    regions[index % regions.length],
    index % 10 === 0 ? BENCH_PROGRAM : '',
    index % 50 === 0 ? 'distributor' : '',
    index % 50 === 0 ? BENCH_DISTRIBUTOR : '',
  ];
  return cells.join(',');
}

export function accountsCsv(size: number, seed = 23): Readable {
  const random = seededRandom(seed);
  let next = 0;
  return new Readable({
    read() {
      if (next === 0) this.push(`${HEADER}\n`);
      const lines: string[] = [];
      while (next < size && lines.length < 500) lines.push(accountRow(next++, random));
      if (lines.length > 0) this.push(`${lines.join('\n')}\n`);
      if (next >= size) this.push(null);
    },
  });
}
