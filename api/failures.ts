import { isGrpcServiceError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ChangeRefused, LimitReached, RequestRefused } from '../domain/errors';
import { HttpProblem, type Problem, problem, problemType } from './problem';

/** How long a client should wait before retrying while a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

/** Driver errors that mean "the database cannot be reached right now", not "the request is wrong". */
const unreachableDatabaseErrors = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoClientClosedError',
  'MongoPoolClearedError',
  'MongoOperationTimeoutError',
]);

/** gRPC codes that mean Temporal is unreachable or overloaded: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED. */
const unavailableGrpcCodes = new Set([14, 4, 8]);

function* causes(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth += 1) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

const socketErrorCodes = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']);
const isDriverSocketError = (error: Error): boolean =>
  socketErrorCodes.has(String((error as { code?: unknown }).code)) && /[\\/]mongodb[\\/]/.test(error.stack ?? '');

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (!(cause instanceof Error)) continue;
    if (unreachableDatabaseErrors.has(cause.name)) return true;
    // The same failure met by an activity (the acceptance's reads) arrives through Temporal as an
    // ApplicationFailure whose type is the original error's name.
    const type = (cause as { type?: unknown }).type;
    if (cause.name === 'ApplicationFailure' && typeof type === 'string' && unreachableDatabaseErrors.has(type)) {
      return true;
    }
    // FerretDB's SQLite backend gives up on a write lock after its busy timeout: overloaded, not wrong.
    if (cause.name === 'MongoServerError' && /SQLITE_BUSY|database is locked/.test(cause.message)) return true;
    // A socket the database closed under the driver's feet (the server stopped between its heartbeats)
    // surfaces as the bare Node error, not as a MongoNetworkError.
    if (isDriverSocketError(cause)) return true;
    // With bufferCommands off, mongoose refuses at once instead of queueing while disconnected.
    if (
      cause.name === 'MongooseError' &&
      /initial connection is complete|client must be connected/i.test(cause.message)
    ) {
      return true;
    }
  }
  return false;
}

export function isTemporalUnavailable(error: unknown): boolean {
  for (const cause of causes(error)) {
    // The Update was accepted by nobody in time: no worker is polling, which a client should retry later.
    if (cause instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    if (isGrpcServiceError(cause) && unavailableGrpcCodes.has(cause.code)) return true;
    if (cause instanceof ServiceError && /UNAVAILABLE|DEADLINE_EXCEEDED|connect/i.test(cause.message)) return true;
  }
  return false;
}

/** Errors raised by express's JSON body parser (they carry `type` and `status`). */
interface BodyParserError {
  type: string;
  status: number;
}
const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as BodyParserError).type === 'string' &&
  typeof (error as BodyParserError).status === 'number';

/**
 * A client error raised by Express itself: http-errors marks those meant for the caller with
 * `expose`; the router's undecodable path parameter is a URIError with status 400.
 */
const isExposedClientError = (error: unknown): error is Error & { status: number } => {
  const fields = error as { expose?: unknown; status?: unknown };
  return (
    error instanceof Error &&
    (fields.expose === true || error instanceof URIError) &&
    typeof fields.status === 'number' &&
    fields.status >= 400 &&
    fields.status < 500
  );
};

export interface Answer {
  problem: Problem;
  headers: Record<string, string>;
  /** True for the failures nobody anticipated; they are logged with their stack. */
  unexpected: boolean;
}

/** Turns any error into the problem document the caller gets; internals never reach the caller. */
export function answerFor(error: unknown, bodyLimit: string): Answer {
  if (error instanceof HttpProblem) return { problem: error.problem, headers: error.headers, unexpected: false };
  if (error instanceof LimitReached) {
    const refused = problem(422, error.title, error.detail);
    return {
      problem: { ...refused, type: problemType('limit-reached'), limit: error.limit },
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof ChangeRefused) {
    const refused = problem(422, error.title, error.detail);
    return {
      problem: { ...refused, type: problemType(error.reasonCode), reasonCode: error.reasonCode },
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof RequestRefused) {
    const headers: Record<string, string> = error.status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {};
    return { problem: problem(error.status, error.title, error.detail, error.errors), headers, unexpected: false };
  }
  if (isBodyParserError(error)) return { ...bodyParserAnswer(error, bodyLimit), headers: {}, unexpected: false };
  if (isExposedClientError(error)) {
    // Express's own refusals, such as a path parameter that is not valid percent-encoding.
    return { problem: problem(400, 'Bad request', error.message), headers: {}, unexpected: false };
  }
  const retry = { 'Retry-After': String(RETRY_AFTER_SECONDS) };
  if (isDatabaseUnavailable(error)) {
    return {
      problem: problem(503, 'Database unavailable', 'the database cannot be reached right now; retry later'),
      headers: retry,
      unexpected: false,
    };
  }
  if (isTemporalUnavailable(error)) {
    return {
      problem: problem(
        503,
        'Workflow service unavailable',
        'the workflow service cannot be reached right now; retry later',
      ),
      headers: retry,
      unexpected: false,
    };
  }
  return {
    problem: problem(
      500,
      'Internal error',
      'something went wrong on our side; the request id identifies it in our logs',
    ),
    headers: {},
    unexpected: true,
  };
}

function bodyParserAnswer(error: BodyParserError, bodyLimit: string): { problem: Problem } {
  switch (error.type) {
    case 'entity.too.large':
      return { problem: problem(413, 'Body too large', `the request body must not exceed ${bodyLimit}`) };
    case 'entity.parse.failed':
      return { problem: problem(400, 'Malformed JSON', 'the request body is not valid JSON') };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { problem: problem(415, 'Unsupported encoding', 'send the body as UTF-8 JSON') };
    default:
      return {
        problem: problem(
          error.status >= 400 && error.status < 500 ? 400 : 500,
          'Bad request',
          'the request body could not be read',
        ),
      };
  }
}
