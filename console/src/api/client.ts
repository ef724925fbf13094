/**
 * A thin client of /api/v1: every call goes with the session cookie (HttpOnly: no script here reads
 * it), changes carry the session's CSRF token, and every failure becomes an ApiError.
 */
import type { FieldError } from './types';

/** An RFC 9457 problem from the API, or a network failure told in the same shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(`${title}: ${detail}`);
    this.name = 'ApiError';
  }
}

const API_BASE = '/api/v1';

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when the API answers 401 (the session ended, or the person was disabled): the console signs out. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A 401 here is an answer (a wrong password), not the end of the session. */
  expectUnauthorized?: boolean;
  body?: unknown;
  /** A body sent as it is (a CSV file), with its type; the browser streams a File. */
  raw?: { body: Blob; contentType: string };
  accept?: string;
  /** More headers (an Idempotency-Key). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: { title?: unknown; detail?: unknown; errors?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not a problem document (a proxy's error page): fall back to the status line.
  }
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
  return new ApiError(
    response.status,
    typeof body.title === 'string' ? body.title : response.statusText || 'Request failed',
    typeof body.detail === 'string' ? body.detail : `the API answered ${response.status}`,
    errors,
  );
}

export async function request(csrf: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers, Accept: options.accept ?? 'application/json' };
  if ((options.method ?? 'GET') !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'The API cannot be reached', 'check that the dealreg API is running, then try again');
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && !options.expectUnauthorized)
      for (const listener of unauthorizedListeners) listener();
    throw problem;
  }
  return response;
}

export async function getJson<T>(csrf: string, path: string, signal?: AbortSignal): Promise<T> {
  return (await (await request(csrf, path, { signal })).json()) as T;
}

export async function sendJson<T>(
  csrf: string,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  return (await (await request(csrf, path, { method, body, headers })).json()) as T;
}

export async function deleteJson<T>(csrf: string, path: string): Promise<T> {
  return (await (await request(csrf, path, { method: 'DELETE' })).json()) as T;
}

/** A query string from the filled-in fields only. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
