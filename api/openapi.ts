import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { roles } from '../db/apikeys';
import { type AnyRoute, fullPath } from './route-spec';
import { problemSchema } from './schemas/common';

const problemContent = { 'application/problem+json': { schema: problemSchema } };
const problemResponse = (description: string): ResponseConfig => ({ description, content: problemContent });
const allRoles = roles.length;

/** The refusals every route of a kind can give, so that no route's document forgets them. */
function commonRefusals(route: AnyRoute): Record<number, string> {
  const refusals: Record<number, string> = {};
  const request = route.request ?? {};
  if (route.access !== 'public') {
    refusals[401] = 'missing, unknown or revoked API key';
    if (route.access.length < allRoles) refusals[403] = `only for: ${route.access.join(', ')}`;
  }
  if (route.mount !== 'root') refusals[429] = 'too many requests for this key; see Retry-After';
  if (request.body) {
    refusals[400] = 'malformed JSON';
    refusals[413] = 'body too large';
    refusals[415] = 'body is not JSON';
  }
  if (request.streamedBody) {
    refusals[413] = 'body too large';
    refusals[415] = `body is not ${request.streamedBody.mediaType}`;
  }
  if (request.body || request.streamedBody || request.query || request.params || request.headers)
    refusals[422] = 'validation failed; see errors';
  if (route.path.includes('{')) refusals[400] ??= 'a path parameter that is not valid percent-encoding';
  refusals[500] = 'unexpected error';
  refusals[503] = 'Temporal or the database is unreachable; see Retry-After';
  return refusals;
}

function responsesOf(route: AnyRoute): Record<number, ResponseConfig> {
  const responses: Record<number, ResponseConfig> = {};
  const refusals = { ...commonRefusals(route), ...route.refusals };
  for (const [status, description] of Object.entries(refusals)) {
    if (description) responses[Number(status)] = problemResponse(description);
  }
  for (const [status, spec] of Object.entries(route.responses)) {
    const content: Record<string, { schema: z.ZodType }> = {};
    if (spec.schema) content['application/json'] = { schema: spec.schema };
    for (const [media, schema] of Object.entries(spec.media ?? {})) content[media] = { schema };
    responses[Number(status)] =
      Object.keys(content).length > 0 ? { description: spec.description, content } : { description: spec.description };
  }
  return responses;
}

function describeAccess(route: AnyRoute): string {
  const who = route.access === 'public' ? 'anyone, no key needed' : route.access.join(', ');
  return [route.description, `Roles: ${who}.`].filter(Boolean).join('\n\n');
}

/** The OpenAPI 3.1 document, generated from the same route table and zod schemas that serve requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute[]): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from POST /api/v1/api-keys (or DEALREG_ADMIN_KEY), as "Authorization: Bearer <key>"',
  });
  for (const route of routes) {
    const request = route.request ?? {};
    registry.registerPath({
      method: route.method,
      path: fullPath(route),
      operationId: route.operationId,
      summary: route.summary,
      description: describeAccess(route),
      tags: [route.tag],
      security: route.access === 'public' ? [] : [{ apiKey: [] }],
      'x-roles': route.access === 'public' ? [] : [...route.access],
      request: {
        ...(request.params ? { params: request.params as z.ZodObject } : {}),
        ...(request.query ? { query: request.query as z.ZodObject } : {}),
        ...(request.headers ? { headers: request.headers as z.ZodObject } : {}),
        ...(request.body
          ? {
              body: {
                required: request.bodyRequired !== false,
                content: { 'application/json': { schema: request.body } },
              },
            }
          : {}),
        ...(request.streamedBody
          ? {
              body: {
                required: true,
                content: { [request.streamedBody.mediaType]: { schema: request.streamedBody.schema } },
              },
            }
          : {}),
      },
      responses: responsesOf(route),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'dealreg',
      version: '1.0.0',
      description:
        'Deal registration and channel-conflict service. Errors are application/problem+json (RFC 9457). Every request except the public operations carries "Authorization: Bearer <api key>".',
    },
    servers: [{ url: '/' }],
  });
}
