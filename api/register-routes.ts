import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { z } from 'zod';
import { authenticate, authorize } from './auth';
import type { ApiMetrics } from './metrics';
import { fieldErrors, HttpProblem, problem, sendProblem, validationProblem } from './problem';
import type { AnyRoute, AppDeps, Caller, RouteResult } from './route-spec';
import { routeKey } from './route-spec';
import { noQuerySchema } from './schemas/common';
import { sessionToken } from './session-cookie';

/** `/registrations/{id}` → `/registrations/:id` (Express 5 path syntax). */
export const expressPath = (path: string) => path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

const jsonTypes = ['application/json', 'application/*+json'];

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string, prefix: string[]): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationProblem(where, fieldErrors(result.error, prefix));
  return result.data;
}

/** Body parsing happens after authentication, so an anonymous caller cannot make us read a body. */
function bodyParser(limit: string): RequestHandler {
  const json = express.json({ limit, type: jsonTypes, strict: true });
  return (req, res, next) => {
    // An empty body (Content-Length: 0) is no body at all, whatever its type says.
    if (req.headers['content-length'] === '0') return next();
    // `req.is` is null without a body and false for a body of another type.
    if (req.is(jsonTypes) === false) {
      next(new HttpProblem(415, 'Unsupported media type', 'send the body as application/json'));
      return;
    }
    json(req, res, next);
  };
}

function parseInput(route: AnyRoute, req: Request) {
  const request = route.request ?? {};
  const params = request.params ? parse(request.params, { ...req.params }, 'path', ['path']) : undefined;
  const query = parse(request.query ?? noQuerySchema, { ...req.query }, 'query', ['query']);
  const headers = request.headers ? parse(request.headers, req.headers, 'headers', ['header']) : undefined;
  let body: unknown;
  if (request.body) {
    const raw = req.body === undefined && request.bodyRequired === false ? {} : req.body;
    if (raw === undefined) {
      throw new HttpProblem(422, 'Validation failed', 'this request needs a JSON body', [
        { path: '', message: 'a JSON body is required' },
      ]);
    }
    body = parse(request.body, raw, 'request body', []);
  }
  return { params, query, headers, body };
}

function send(res: Response, result: RouteResult): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.status(result.status);
  if (result.stream) {
    // Sent as it is produced (an export), so no answer is held whole in memory; backpressure-aware.
    res.type(result.contentType ?? 'text/plain');
    pipeline(Readable.from(result.stream), res).catch(() => res.destroy());
  } else if (result.body === undefined) {
    res.end();
  } else if (result.contentType && !result.contentType.includes('json')) {
    res.type(result.contentType).send(result.body);
  } else {
    res.json(result.body);
  }
}

/**
 * Registers every route of the table the same way: authenticate (401), authorize the role (403),
 * then parse the body, path, query and headers with the route's schemas (400/413/415/422), and
 * only then run the handler. The order means a refused request never reaches a handler, so
 * nothing can be stored from it.
 */
export interface RouteGuards {
  /** Runs once the caller is known (or the route is public), before the body is read. */
  afterAuthentication?: RequestHandler;
  /** Told of every request refused with 401, before the refusal is answered. */
  onAuthenticationFailure?: (req: Request) => Promise<void>;
}

export function registerRoutes(
  router: Router,
  routes: readonly AnyRoute[],
  deps: AppDeps,
  metrics: ApiMetrics,
  guards: RouteGuards = {},
): void {
  const parseBody = bodyParser(deps.config.BODY_LIMIT);
  const authenticateCounted = async (req: Request) => {
    try {
      return await authenticate(req);
    } catch (error) {
      // A request that presents no key and no session guesses nothing (a signed-out console asks who
      // it is on every load): only a presented credential that fails counts against its address.
      const presented = req.headers.authorization !== undefined || sessionToken(req) !== undefined;
      if (error instanceof HttpProblem && error.problem.status === 401 && presented) {
        await guards.onAuthenticationFailure?.(req);
      }
      throw error;
    }
  };
  for (const route of routes) {
    const identify: RequestHandler = async (req, res, next) => {
      res.locals.route = routeKey(route);
      if (route.access === 'public') return next();
      const caller = await authenticateCounted(req);
      res.locals.caller = caller;
      authorize(route.access, caller);
      next();
    };
    const handle: RequestHandler = async (req, res) => {
      const input = parseInput(route, req);
      const result = await route.handle({
        ...input,
        caller: res.locals.caller as Caller | undefined,
        deps,
        metrics,
        req,
      });
      send(res, result);
    };
    const limit = guards.afterAuthentication ? [guards.afterAuthentication] : [];
    const chain = route.request?.body ? [identify, ...limit, parseBody, handle] : [identify, ...limit, handle];
    router[route.method](expressPath(route.path), ...chain);
  }
}

/** A known path with another method answers 405 with Allow; an unknown path 404. */
export function methodNotAllowed(routes: readonly AnyRoute[]): RequestHandler {
  const matchers = routes.map((route) => ({
    method: route.method.toUpperCase(),
    pattern: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  }));
  return (req, res) => {
    const allowed = matchers.filter((m) => m.pattern.test(req.path)).map((m) => m.method);
    if (allowed.length > 0) {
      sendProblem(res, problem(405, 'Method not allowed', `${req.method} is not allowed here`), {
        Allow: [...new Set(allowed)].join(', '),
      });
      return;
    }
    sendProblem(res, problem(404, 'Not found', `no route ${req.method} ${req.path}`));
  };
}
