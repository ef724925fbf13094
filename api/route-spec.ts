import type { Client } from '@temporalio/client';
import type { Request } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Config } from '../config/config';
import type { Role } from '../db/apikeys';
import type { PrincipalActor } from '../domain/actor';
import type { Requester } from '../domain/lifecycle-entries';
import type { ApiMetrics } from './metrics';
import type { RateLimitStores } from './rate-limit';

/** What every handler may use; tests build the same from the harness. */
export interface AppDeps {
  temporal: Client;
  taskQueue: string;
  logger: Logger;
  config: Config;
  /** Where rate limit counts live; this process's memory unless given (api/main.ts gives Redis when configured). */
  rateLimitStores?: RateLimitStores;
}

/**
 * The authenticated caller: a person (by session cookie) or an API key (by `Authorization: Bearer`, or a
 * staff key exchanged for a session), with its role and binding; never the key or the session token.
 */
export interface Caller {
  /** Who acts, as recorded in `actor` fields (api/actor.ts). */
  principal: PrincipalActor;
  /** The key's id when a key acts (directly or through a session it was exchanged for). */
  keyId?: string;
  /** The person's id when a person acts. */
  userId?: string;
  role: Role;
  resellerId?: string;
  distributorId?: string;
  /** A `sales` caller's vendor seller. */
  sellerId?: string;
  /** A reseller or distributor user who manages its own organisation's users. */
  orgAdmin?: boolean;
  /** Present when the request was authenticated by a session cookie. */
  session?: { token: string; csrfToken: string; expiresAt: Date };
}

/** The caller as a workflow records who asked for a step: the role, and the key (or person) behind it. */
export function requesterOf(caller: Caller): Requester {
  return { role: caller.role, actor: caller.principal };
}

export const staffRoles = ['channel-manager', 'auditor', 'admin'] as const satisfies readonly Role[];
export const isStaff = (caller: Caller) => (staffRoles as readonly Role[]).includes(caller.role);

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** `public`: no key needed; otherwise the roles that may call the route (others get 403). */
export type Access = 'public' | readonly Role[];

export interface ResponseSpec {
  description: string;
  /** JSON schema of the body; absent for 204. */
  schema?: z.ZodType;
  /** Other media types this response can take (the guide's Markdown and HTML). */
  media?: Record<string, z.ZodType>;
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<P, Q, B, H> {
  params: Output<P>;
  query: Output<Q>;
  body: Output<B>;
  headers: Output<H>;
}

export interface HandlerContext<P, Q, B, H, C> extends RouteInput<P, Q, B, H> {
  caller: C;
  deps: AppDeps;
  metrics: ApiMetrics;
  req: Request;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** Defaults to JSON; the guide answers Markdown or HTML. */
  contentType?: string;
  headers?: Record<string, string>;
  /** A body streamed as it is produced (CSV exports), instead of `body`; sent with `contentType`. */
  stream?: Iterable<string> | AsyncIterable<string>;
}

interface RouteFields<P, Q, B, H> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI style (`/registrations/{id}`), relative to `/api/v1` unless mounted at the root. */
  path: string;
  /** Operations endpoints (`/healthz`, `/metrics`) live outside the versioned base path. */
  mount?: 'api' | 'root';
  summary: string;
  description?: string;
  tag: string;
  request?: {
    params?: P;
    query?: Q;
    headers?: H;
    body?: B;
    /** False when the body may be left out (withdraw): it is then parsed as `{}`. */
    bodyRequired?: boolean;
    /**
     * A body that is not JSON (a CSV file), read by the handler itself as a stream: only documented here
     * (OpenAPI), never parsed before the handler.
     */
    streamedBody?: { mediaType: string; schema: z.ZodType };
  };
  /** Successful answers by status. */
  responses: Record<number, ResponseSpec>;
  /** Refusals specific to this route (404, 409, ...); the common ones are added for every route. */
  refusals?: Partial<Record<400 | 403 | 404 | 406 | 409 | 422, string>>;
}

/** A route with its types erased, as the table holds it. */
export type AnyRoute = RouteFields<z.ZodType, z.ZodType, z.ZodType, z.ZodType> & {
  access: Access;
  handle(ctx: HandlerContext<z.ZodType, z.ZodType, z.ZodType, z.ZodType, Caller | undefined>): Promise<RouteResult>;
};

type Schema = z.ZodType | undefined;

/** A route that needs an API key of one of `access`; the handler gets the caller. Typed by its own schemas. */
export function defineRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  H extends Schema = undefined,
>(
  spec: RouteFields<P, Q, B, H> & {
    access: readonly Role[];
    handle(ctx: HandlerContext<P, Q, B, H, Caller>): Promise<RouteResult>;
  },
): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** A route anyone may call (operations, the OpenAPI document, signing in). */
export function definePublicRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(
  spec: RouteFields<P, Q, B, undefined> & {
    access: 'public';
    handle(ctx: HandlerContext<P, Q, B, undefined, undefined>): Promise<RouteResult>;
  },
): AnyRoute {
  return spec as unknown as AnyRoute;
}

export const API_BASE = '/api/v1';

/** The full path of a route as clients call it and as the OpenAPI document lists it. */
export const fullPath = (route: Pick<AnyRoute, 'path' | 'mount'>) =>
  route.mount === 'root' ? route.path : `${API_BASE}${route.path}`;

/** `GET /api/v1/registrations/{id}`: how routes are named in metrics, logs and tests. */
export const routeKey = (route: Pick<AnyRoute, 'method' | 'path' | 'mount'>) =>
  `${route.method.toUpperCase()} ${fullPath(route)}`;
