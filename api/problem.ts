import type { Response } from 'express';
import type { z } from 'zod';

/** One field that failed validation: `path` is a JSON-pointer-like dotted path (`customer.name`, `routes.0.when`). */
export interface FieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem document, the body of every error this API answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  /** With `limit-reached`: which of the policy's limits refused the request. */
  limit?: string;
  /** A refused change: why (`already-registered`, …), also the problem type's last segment. */
  reasonCode?: string;
}

/** Problem types are stable URIs under one namespace so that clients can switch on them. */
const TYPE_BASE = 'https://dealreg.dev/problems/';

const typeSlugs: Record<number, string> = {
  400: 'malformed-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'validation-failed',
  429: 'rate-limited',
  500: 'internal-error',
  503: 'unavailable',
};

/** The type URI of a problem whose kind is more specific than its status, such as `limit-reached`. */
export const problemType = (slug: string) => `${TYPE_BASE}${slug}`;

export function problem(status: number, title: string, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `${TYPE_BASE}${typeSlugs[status] ?? 'error'}`,
    title,
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** An error a handler throws to answer with a problem; the error middleware sends it. */
export class HttpProblem extends Error {
  readonly problem: Problem;
  constructor(
    status: number,
    title: string,
    detail: string,
    errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.problem = problem(status, title, detail, errors);
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'Not found', `${what} does not exist`);

export function pathOf(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/**
 * zod issues as field errors. A union reports one issue for the whole value; its branches'
 * own issues are listed too, so a caller sees which fields each alternative wanted.
 */
export function fieldErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: pathOf([...path, key]), message: 'unknown field' }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.flatMap((branch, index) =>
        branch.map((inner) => ({
          path: pathOf([...path, ...inner.path]),
          message: `alternative ${index + 1}: ${inner.message}`,
        })),
      );
      return [{ path: pathOf(path), message: issue.message }, ...branches];
    }
    return [{ path: pathOf(path), message: issue.message }];
  });
}

export function validationProblem(where: string, errors: FieldError[]): HttpProblem {
  return new HttpProblem(422, 'Validation failed', `the ${where} is not valid; see errors`, errors);
}

export function sendProblem(res: Response, body: Problem, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}
