import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { defaultConsoleDir, serveConsole } from './console';
import { answerFor } from './failures';
import { type ApiMetrics, createMetrics } from './metrics';
import { problem, sendProblem } from './problem';
import { createRateLimits, memoryStores } from './rate-limit';
import { methodNotAllowed, registerRoutes } from './register-routes';
import type { AppDeps, Caller } from './route-spec';
import { API_BASE } from './route-spec';
import { createRouteTable } from './routes';

export interface CreateAppOptions {
  /** Where the console's build is; tests point it elsewhere. */
  consoleDir?: string;
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,100}$/;

/** One id per request, taken from a well-formed X-Request-Id or made up; echoed back and in every log line. */
function requestLogging(deps: AppDeps): RequestHandler {
  return pinoHttp({
    logger: deps.logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Only what identifies the request: never headers (Authorization), never bodies (keys, secrets).
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (_req, res) => {
      const locals = (res as unknown as { locals?: { route?: string; caller?: Caller } }).locals;
      return { route: locals?.route, keyId: locals?.caller?.keyId, userId: locals?.caller?.userId };
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
}

function measureDurations(metrics: ApiMetrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      // Labels are route templates, never raw paths: ids in paths would explode the series count.
      const route = (res.locals.route as string | undefined) ?? 'unmatched';
      stop({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

/** Same-origin everything: the console's own scripts and styles load, nothing from elsewhere. */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // The rules-of-engagement HTML carries its style inline so that it stays one self-contained page.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

const noStore: RequestHandler = (_req, res, next) => {
  // Answers depend on the caller's key: no shared cache may keep them.
  res.setHeader('Cache-Control', 'no-store');
  next();
};

function errorHandler(deps: AppDeps): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const answer = answerFor(error, deps.config.BODY_LIMIT);
    if (answer.unexpected) req.log.error({ err: error }, 'request failed unexpectedly');
    else if (answer.problem.status === 503) req.log.warn({ err: error }, 'a dependency is unavailable');
    sendProblem(res, answer.problem, answer.headers);
  };
}

/** The HTTP API of the contract (../shared/CONTRACT.md), its operations endpoints and the console. */
export function createApp(deps: AppDeps, options: CreateAppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  // Off unless configured: otherwise any client could name its own address in X-Forwarded-For.
  app.set('trust proxy', deps.config.TRUST_PROXY);
  const limits = createRateLimits(deps.config, deps.rateLimitStores ?? memoryStores());
  const metrics = createMetrics();
  const table = createRouteTable();

  app.use(requestLogging(deps));
  app.use(securityHeaders);
  app.use(measureDurations(metrics));

  const root = express.Router();
  const rootRoutes = table.routes.filter((route) => route.mount === 'root');
  // Only these paths: the root router sees every request, and API requests have limits of their own.
  root.use([...rootRoutes.map((route) => route.path), '/openapi.json'], limits.perAddress);
  registerRoutes(root, rootRoutes, deps, metrics);
  root.get('/openapi.json', (_req, res) => {
    res.locals.route = 'GET /openapi.json';
    res.json(table.openApiDocument());
  });
  app.use(root);

  const apiRoutes = table.routes.filter((route) => route.mount !== 'root');
  const api = express.Router();
  api.use(limits.refuseFailingAddresses);
  api.use(noStore);
  registerRoutes(api, apiRoutes, deps, metrics, {
    afterAuthentication: limits.perCaller,
    onAuthenticationFailure: limits.recordFailedAuthentication,
  });
  api.use(methodNotAllowed(apiRoutes));
  app.use(API_BASE, api);

  app.use('/console', limits.perAddress);
  serveConsole(app, options.consoleDir ?? defaultConsoleDir);

  app.use((req, res) => sendProblem(res, problem(404, 'Not found', `no route ${req.method} ${req.path}`)));
  app.use(errorHandler(deps));
  return app;
}
