import fc from 'fast-check';
import { importColumns, readHeader, recordFromRow } from '../../../domain/vendor/csv-rows';
import { accountRecordSchema, canonicalRecord } from '../../../domain/vendor/records';
import { rowsSharingKeys } from '../../../domain/vendor/row-groups';
import { matchesQuery, queryKey, queryWords, recordWords, wordKeys } from '../../../domain/vendor/search';

describe('account records', () => {
  it('refuse a shared mailbox domain and a domain given twice in two spellings', () => {
    const parsed = accountRecordSchema.safeParse({
      id: 'a-1',
      name: 'Acme',
      segment: 'commercial',
      domains: ['gmail.com', 'acme.com', 'www.acme.com'],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['domains.0', 'domains']);
  });

  it('compare in one canonical form: empty lists are absent', () => {
    expect(canonicalRecord({ id: 'a', name: 'A', programs: [], identifiers: {}, region: undefined })).toEqual({
      id: 'a',
      name: 'A',
    });
  });
});

describe('CSV rows', () => {
  const columns = [...importColumns.accounts];

  it('takes the header in any order and case, and names what is missing or unknown', () => {
    expect(readHeader('products', ['Name', ' FAMILY ', 'id'])).toEqual({ columns: ['name', 'family', 'id'] });
    expect(readHeader('products', ['id', 'name', 'colour'])).toEqual({
      problem: 'the header must name the columns id,name,family (missing family; unknown "colour")',
    });
  });

  it('makes a record of a row: lists split by ";", empty cells absent, the owner from two columns', () => {
    const cells = [
      'acct-1',
      ' Acme ',
      'acme.com; acme.org',
      'ABCDEF123456',
      '',
      '',
      'education',
      '',
      'p1;p2',
      'seller',
      's-1',
    ];
    expect(recordFromRow('accounts', columns, cells, 2)).toEqual({
      record: {
        id: 'acct-1',
        name: 'Acme',
        domains: ['acme.com', 'acme.org'],
        identifiers: { uei: 'ABCDEF123456' },
        segment: 'education',
        programs: ['p1', 'p2'],
        owner: { kind: 'seller', id: 's-1' },
      },
    });
  });

  it('names the column of each error, and the row as a spreadsheet shows it', () => {
    const cells = ['acct-1', '', 'acme.com;x', '', '12', '', 'retail', '', '', '', 's-1'];
    const result = recordFromRow('accounts', columns, cells, 9);
    expect('errors' in result && result.errors.map((e) => [e.row, e.path, e.message.slice(0, 7)])).toEqual([
      [9, 'name', 'require'],
      [9, 'domains', 'item 2:'],
      [9, 'duns', 'a DUNS '],
      [9, 'segment', 'Invalid'],
      [9, 'ownerKind', 'require'],
    ]);
    expect(recordFromRow('products', ['id', 'name', 'family'], ['a', 'b'], 3)).toEqual({
      errors: [{ row: 3, path: '', message: 'has 2 fields; the header has 3' }],
    });
  });
});

describe('rows that share a key', () => {
  it('are grouped in file order; the others are apart', () => {
    expect(rowsSharingKeys([['id:a'], ['id:b', 'domain:x'], ['id:c'], ['id:d', 'domain:x'], ['id:a']])).toEqual([
      [0, 4],
      [1, 3],
      [2],
    ]);
  });

  it('never put two rows with a common key in different groups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 2 }), { maxLength: 20 }),
        (rows) => {
          const groups = rowsSharingKeys(rows);
          const groupOf = new Map(groups.flatMap((group, at) => group.map((row) => [row, at])));
          expect([...groupOf.keys()].sort((a, b) => a - b)).toEqual(rows.map((_, index) => index));
          for (const group of groups) expect(group).toEqual([...group].sort((a, b) => a - b));
          for (const [i, keys] of rows.entries()) {
            for (const [j, other] of rows.entries()) {
              if (keys.some((key) => other.includes(key))) expect(groupOf.get(i)).toBe(groupOf.get(j));
            }
          }
        },
      ),
    );
  });
});

describe('search', () => {
  it('finds a record by the start of any of its words, whatever the query word length', () => {
    const words = recordWords({
      texts: ['Société Générale Federal'],
      compact: ['ACCT-0042'],
      domains: ['www.socgen.com'],
    });
    expect(words).toEqual(['societe', 'generale', 'federal', 'acct0042', 'socgen.com']);
    const keys = new Set(words.flatMap(wordKeys));
    for (const q of ['soc', 'socie', 'societe', 'GENERALE', 'acct-0042', 'https://www.socgen.com/', 'fed gen']) {
      const query = queryWords(q);
      expect(query.every((word) => keys.has(queryKey(word)))).toBe(true);
      expect(matchesQuery(words, query)).toBe(true);
    }
    expect(matchesQuery(words, queryWords('generali'))).toBe(false);
  });

  it('every word is listed under the key of each of its prefixes of three letters or more, and of itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,14}$/), fc.integer({ min: 3, max: 15 }), (word, cut) => {
        const prefix = cut > word.length ? word : word.slice(0, cut);
        expect(wordKeys(word)).toContain(queryKey(prefix));
      }),
    );
  });
});
