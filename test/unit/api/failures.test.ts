import { ServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { answerFor, isDatabaseUnavailable, isTemporalUnavailable } from '../../../api/failures';
import { HttpProblem } from '../../../api/problem';
import { RequestRefused } from '../../../domain/errors';

const named = (name: string, message = 'boom') => Object.assign(new Error(message), { name });
const grpcError = (code: number) => Object.assign(new Error(`${code} grpc`), { code, details: 'down', metadata: {} });

describe('answerFor', () => {
  test.each([
    ['MongoNetworkError'],
    ['MongoServerSelectionError'],
    ['MongooseServerSelectionError'],
    ['MongoNotConnectedError'],
  ])('%s is 503 with Retry-After', (name) => {
    const answer = answerFor(named(name), '64kb');
    expect(answer.problem.status).toBe(503);
    expect(answer.headers['Retry-After']).toMatch(/^\d+$/);
    expect(answer.unexpected).toBe(false);
  });

  test('mongoose refusing while disconnected (bufferCommands off) is 503', () => {
    const error = named(
      'MongooseError',
      'Cannot call `registrations.findOne()` before initial connection is complete if `bufferCommands = false`.',
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test("a socket the database closed under the driver (EPIPE from the driver's stack) is 503; elsewhere it is not", () => {
    const fromDriver = Object.assign(new Error('This socket has been ended by the other party'), {
      code: 'EPIPE',
      stack:
        'Error: This socket has been ended by the other party\n    at Connection.writeCommand (/app/node_modules/mongodb/src/cmap/connection.ts:718:21)',
    });
    expect(isDatabaseUnavailable(fromDriver)).toBe(true);
    expect(answerFor(fromDriver, '64kb').problem.status).toBe(503);
    const elsewhere = Object.assign(new Error('write EPIPE'), {
      code: 'EPIPE',
      stack: 'Error: write EPIPE\n    at app.ts:1:1',
    });
    expect(isDatabaseUnavailable(elsewhere)).toBe(false);
  });

  test('a database failure an activity met, arriving through Temporal as an ApplicationFailure, is 503', () => {
    const fromActivity = ApplicationFailure.create({
      message: 'connect ECONNREFUSED',
      type: 'MongoServerSelectionError',
    });
    const updateFailed = Object.assign(new Error('update failed'), {
      cause: new Error('activity failed', { cause: fromActivity }),
    });
    expect(answerFor(updateFailed, '64kb').problem.status).toBe(503);
    expect(answerFor(ApplicationFailure.create({ message: 'x', type: 'LogicError' }), '64kb').problem.status).toBe(500);
  });

  test("FerretDB's SQLite backend out of patience for its write lock is 503, not 500", () => {
    const busy = named(
      'MongoServerError',
      '[msg_delete.go:95 handler.(*Handler).MsgDelete] [collection.go:241 sqlite.(*collection).DeleteAll] database is locked (5) (SQLITE_BUSY)',
    );
    expect(answerFor(busy, '64kb').problem.status).toBe(503);
    expect(answerFor(named('MongoServerError', 'E11000 duplicate key'), '64kb').problem.status).toBe(500);
  });

  test('Temporal UNAVAILABLE and DEADLINE_EXCEEDED, also wrapped in a ServiceError, are 503', () => {
    expect(isTemporalUnavailable(grpcError(14))).toBe(true);
    expect(isTemporalUnavailable(grpcError(4))).toBe(true);
    expect(isTemporalUnavailable(new ServiceError('could not reach', { cause: grpcError(14) }))).toBe(true);
    expect(isTemporalUnavailable(grpcError(3))).toBe(false);
    expect(answerFor(grpcError(14), '64kb').problem.status).toBe(503);
  });

  test('a workflow refusal keeps its status and title', () => {
    const answer = answerFor(new RequestRefused(409, 'No extensions left', 'none left'), '64kb');
    expect(answer.problem).toMatchObject({ status: 409, title: 'No extensions left', detail: 'none left' });
  });

  test('body parser failures become 400, 413 and 415', () => {
    const parserError = (type: string, status: number) => Object.assign(new Error(type), { type, status });
    expect(answerFor(parserError('entity.parse.failed', 400), '64kb').problem.status).toBe(400);
    expect(answerFor(parserError('entity.too.large', 413), '64kb').problem).toMatchObject({
      status: 413,
      detail: expect.stringContaining('64kb'),
    });
    expect(answerFor(parserError('charset.unsupported', 415), '64kb').problem.status).toBe(415);
  });

  test("express's own client errors (undecodable path parameters) are 400", () => {
    const error = Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 });
    expect(answerFor(error, '64kb').problem).toMatchObject({
      status: 400,
      detail: "Failed to decode param '%E0%A4%A'",
    });
  });

  test('anything else is a 500 that reveals nothing of the error', () => {
    const answer = answerFor(new Error('connection string mongodb://user:secret@db'), '64kb');
    expect(answer.problem.status).toBe(500);
    expect(answer.unexpected).toBe(true);
    expect(JSON.stringify(answer.problem)).not.toContain('secret');
  });

  test('an HttpProblem is sent as it is, headers included', () => {
    const answer = answerFor(
      new HttpProblem(401, 'Unauthenticated', 'no key', undefined, { 'WWW-Authenticate': 'Bearer' }),
      '1kb',
    );
    expect(answer.problem.type).toBe('https://dealreg.dev/problems/unauthenticated');
    expect(answer.headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
  });
});
