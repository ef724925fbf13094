import { Account } from '../../db/accounts';
import { ImportChunk, ImportChunkResult, ImportJob, ROWS_PER_CHUNK } from '../../db/imports';
import { type ApiTest, importAndWait as importFile, startApiTest } from './api-support';

/**
 * CSV imports as jobs on the real stack: the file stored as it arrives, imported by a workflow chunk by
 * chunk, its errors by row and column, a re-import that changes nothing, and a chunk retried after its
 * worker died counted once.
 */
let api: ApiTest;

/** The chunk's activity run again by the worker, in a workflow of its own, as a retry after a crash runs it. */
const runChunkAgain = (jobId: string) =>
  api.system.temporal.workflow.execute('vendorImportWorkflow', {
    taskQueue: api.system.taskQueue,
    workflowId: `retry-${jobId}-${Math.random().toString(16).slice(2)}`,
    args: [{ jobId, chunks: 1 }],
  });
const HEADER = 'id,name,domains,uei,duns,taxId,segment,region,programs,ownerKind,ownerId';

const upload = (kind: string, text: string, contentType = 'text/csv') =>
  api.call({ as: 'admin', method: 'post', path: `/api/v1/${kind}/import`, raw: { text, contentType } });

const importAndWait = (kind: string, text: string) =>
  importFile(api, `/api/v1/${kind}/import`, { text, contentType: 'text/csv' });

const accountRow = (i: number, overrides: Partial<Record<string, string>> = {}) => {
  const cells: Record<string, string> = {
    id: `imp-${i}`,
    name: `Imported Agency ${i}`,
    domains: `imp-${i}.gov;www.imp-${i}-alt.com`,
    uei: `IMP${String(i).padStart(9, '0')}`,
    duns: '',
    taxId: '',
    segment: 'state-local',
    region: 'west',
    programs: '',
    ownerKind: '',
    ownerId: '',
    ...overrides,
  };
  return HEADER.split(',')
    .map((column) => {
      const value = cells[column] ?? '';
      return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(',');
};

beforeAll(async () => {
  api = await startApiTest('vendorimport');
  await api.call({ as: 'admin', method: 'post', path: '/api/v1/programs', body: { id: 'sewp-v', name: 'SEWP V' } });
}, 120_000);
afterAll(() => api?.shutdown());

describe('importing accounts', () => {
  const rows = [
    accountRow(1, { name: 'Acme, "the" Agency', programs: 'sewp-v', ownerKind: 'distributor', ownerId: 'dist-a' }),
    accountRow(2, { segment: 'retail' }),
    accountRow(3, { uei: 'short', domains: 'imp-3.gov;gmail.com' }),
    `${accountRow(4)},extra`,
    accountRow(5, { programs: 'sewp-v;nope', ownerKind: 'seller', ownerId: 'nobody' }),
    accountRow(6, { domains: 'imp-1.gov' }),
    accountRow(7),
  ];
  const file = `\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`;
  let first: Record<string, unknown>;

  it('imports the good rows and lists every error by row and column', async () => {
    first = await importAndWait('accounts', file);
    expect(first).toMatchObject({
      kind: 'accounts',
      status: 'done',
      progress: { rows: 7, done: 2, failed: 5 },
      outcomes: { created: 2, updated: 0, unchanged: 0 },
    });
    expect(first.errors).toEqual([
      { row: 3, path: 'segment', message: expect.stringContaining('federal-civilian') },
      { row: 4, path: 'domains', message: expect.stringMatching(/^item 2: .*mailbox provider/) },
      { row: 4, path: 'uei', message: 'a UEI is 12 letters or digits' },
      { row: 5, path: '', message: 'has 12 fields; the header has 11' },
      { row: 6, path: 'ownerId', message: 'unknown seller "nobody"' },
      { row: 6, path: 'programs', message: 'item 2: unknown program "nope"' },
      { row: 7, path: 'domains', message: 'item 1: the domain imp-1.gov belongs to account imp-1' },
    ]);
    expect(first.errorCount).toBe(7);
    const acme = await api.call({ as: 'auditor', method: 'get', path: '/api/v1/accounts/imp-1' });
    expect(acme.body).toMatchObject({
      name: 'Acme, "the" Agency',
      domains: ['imp-1.gov', 'www.imp-1-alt.com'],
      identifiers: { uei: 'IMP000000001' },
      programs: ['sewp-v'],
      owner: { kind: 'distributor', id: 'dist-a' },
    });
  });

  it('importing the same rows again changes nothing; a changed row is updated', async () => {
    const before = await Account.findById('imp-7').lean().exec();
    const again = await importAndWait('accounts', file);
    expect(again).toMatchObject({
      progress: { rows: 7, done: 2, failed: 5 },
      outcomes: { created: 0, updated: 0, unchanged: 2 },
      errors: first.errors,
    });
    expect((await Account.findById('imp-7').lean().exec())?.updatedAt).toEqual(before?.updatedAt);
    const changed = await importAndWait('accounts', `${HEADER}\n${accountRow(7, { region: 'east' })}\n`);
    expect(changed).toMatchObject({ outcomes: { created: 0, updated: 1, unchanged: 0 } });
  });

  it('refuses a file whose header is not the expected one, or that is not CSV, keeping nothing', async () => {
    const jobs = await ImportJob.countDocuments().exec();
    const chunks = await ImportChunk.countDocuments().exec();
    const header = await upload('accounts', 'id,name,segment\nx,y,commercial\n');
    expect(header.status).toBe(422);
    expect(header.body.detail).toContain('missing domains, uei');
    expect((await upload('accounts', '')).status).toBe(422);
    const malformed = await upload('accounts', `${HEADER}\n${accountRow(20)}\n"unclosed,quote\n`);
    expect(malformed.status).toBe(422);
    expect(malformed.body.detail).toMatch(/not valid CSV/);
    expect((await upload('accounts', `${HEADER}\n`, 'application/json')).status).toBe(415);
    expect(await ImportJob.countDocuments().exec()).toBe(jobs);
    expect(await ImportChunk.countDocuments().exec()).toBe(chunks);
    expect(await Account.exists({ _id: 'imp-20' })).toBeNull();
  });

  it('a large file is stored and imported in chunks, its row numbers running on across them', async () => {
    const many = Array.from({ length: 1203 }, (_, i) =>
      i === 1100 ? accountRow(1000 + i, { segment: 'nowhere' }) : accountRow(1000 + i),
    );
    const job = await importAndWait('accounts', `${HEADER}\n${many.join('\n')}\n`);
    expect(job).toMatchObject({ status: 'done', progress: { rows: 1203, done: 1202, failed: 1 } });
    expect(job.errors).toEqual([{ row: 1102, path: 'segment', message: expect.any(String) }]);
    expect(await ImportChunk.countDocuments({ jobId: job.id }).exec()).toBe(Math.ceil(1203 / ROWS_PER_CHUNK));
    expect(ROWS_PER_CHUNK).toBeLessThan(1102);
  });

  it('a chunk whose worker died is carried on from where the job got, and counted once', async () => {
    const job = await importAndWait(
      'accounts',
      `${HEADER}\n${accountRow(50)}\n${accountRow(51, { segment: 'bad' })}\n`,
    );
    // As if the worker died after recording the chunk's result, before the job counted it.
    await ImportJob.updateOne(
      { _id: job.id },
      { $set: { chunksDone: 0, done: 0, failed: 0, rowErrors: [], errorCount: 0, status: 'running' } },
    ).exec();
    await runChunkAgain(job.id);
    await runChunkAgain(job.id);
    const counted = await ImportJob.findById(job.id).lean().exec();
    expect([counted?.chunksDone, counted?.done, counted?.failed, counted?.errorCount]).toEqual([1, 1, 1, 1]);
    // As if it died before recording it: the rows are imported again, and change nothing.
    await ImportChunkResult.deleteOne({ _id: `${job.id}:0` }).exec();
    await ImportJob.updateOne(
      { _id: job.id },
      { $set: { chunksDone: 0, done: 0, failed: 0, rowErrors: [], errorCount: 0 } },
    ).exec();
    await runChunkAgain(job.id);
    const again = await ImportJob.findById(job.id).lean().exec();
    expect([again?.done, again?.failed, again?.outcomes.unchanged]).toEqual([1, 1, 1]);
  });
});

describe('importing programs and products', () => {
  it('takes their own columns', async () => {
    const programs = await importAndWait(
      'programs',
      'id,name,contractNumbers,accounts\ncio-sp3,CIO-SP3,HHSN316201200012W;HHSN316201200013W,imp-1;imp-7\nbad,,,\n',
    );
    expect(programs).toMatchObject({ progress: { rows: 2, done: 1, failed: 1 } });
    expect(programs.errors).toEqual([{ row: 3, path: 'name', message: 'required' }]);
    expect((await api.call({ as: 'auditor', method: 'get', path: '/api/v1/accounts/imp-7' })).body.memberOf).toEqual([
      'cio-sp3',
    ]);
    const products = await importAndWait(
      'products',
      'name,family,id\nArray X,Storage,array-x\nSwitch,Network,Switch 9\n',
    );
    expect(products).toMatchObject({ progress: { rows: 2, done: 1, failed: 1 } });
    expect(products.errors).toEqual([{ row: 3, path: 'id', message: expect.stringContaining('lowercase') }]);
  });
});
