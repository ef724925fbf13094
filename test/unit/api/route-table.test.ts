import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildOpenApiDocument } from '../../../api/openapi';
import { expressPath } from '../../../api/register-routes';
import { fullPath, routeKey } from '../../../api/route-spec';
import { createRouteTable } from '../../../api/routes';

const { routes } = createRouteTable();

test('every route has a unique method and path and a unique operationId', () => {
  expect(new Set(routes.map(routeKey)).size).toBe(routes.length);
  expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
});

test('every path parameter is parsed by a schema that names it', () => {
  for (const route of routes) {
    const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const shape = (route.request?.params as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
    expect({ route: routeKey(route), params: Object.keys(shape).sort() }).toEqual({
      route: routeKey(route),
      params: names.sort(),
    });
  }
  expect(expressPath('/webhooks/{partnerKind}/{partnerId}')).toBe('/webhooks/:partnerKind/:partnerId');
});

test('nothing but operations, signing in and mailed links is public, and every role list is non-empty', () => {
  const publicRoutes = routes.filter((r) => r.access === 'public').map(routeKey);
  expect(publicRoutes.sort()).toEqual([
    'GET /api/v1/openapi.json',
    'GET /api/v1/unsubscribe/{token}',
    'GET /healthz',
    'GET /metrics',
    'GET /readyz',
    'POST /api/v1/auth/invitations/{token}',
    'POST /api/v1/auth/key-sign-in',
    'POST /api/v1/auth/password-reset',
    'POST /api/v1/auth/password-reset/{token}',
    'POST /api/v1/auth/sign-in',
    'POST /api/v1/unsubscribe/{token}',
  ]);
  for (const route of routes) if (route.access !== 'public') expect(route.access.length).toBeGreaterThan(0);
});

test('auditors change nothing but their own session and email settings: no other write route lets them in', () => {
  const own = ['POST /api/v1/auth/sign-out', 'PUT /api/v1/me/notifications'];
  const auditorWrites = routes.filter(
    (r) => r.method !== 'get' && r.access !== 'public' && r.access.includes('auditor') && !own.includes(routeKey(r)),
  );
  expect(auditorWrites.map(routeKey)).toEqual([]);
});

test('the OpenAPI document lists every route with its refusals as problem documents', () => {
  const document = buildOpenApiDocument(routes) as {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, unknown> }>; security?: unknown[] }>
    >;
  };
  for (const route of routes) {
    const operation = document.paths[fullPath(route)]?.[route.method];
    expect(operation).toBeDefined();
    expect(operation?.responses['500']?.content).toHaveProperty(['application/problem+json']);
    if (route.access !== 'public') {
      expect(operation?.responses['401']).toBeDefined();
      expect(operation?.security).toEqual([{ apiKey: [] }]);
    }
    if (route.request?.body)
      expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['400', '413', '415', '422']));
  }
});

test('the API never loads the Temporal worker', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const script =
    "require('./api/app'); require('./api/temporal'); process.stdout.write(String(Object.keys(require.cache).some((p) => p.includes('@temporalio/worker'))))";
  const loaded = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(loaded).toBe('false');
}, 30_000);
