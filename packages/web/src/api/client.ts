import { accessToken, clearSession, refreshToken, updateTokens } from './session.ts';
import type { ApiErrorBody } from './types.ts';

/**
 * A failed call. `fromServer` is true when the platform answered with its error shape
 * `{ error: { code, message, details? } }`; then `message` is the server's (Vietnamese) text meant for
 * the user. Otherwise `code` is NETWORK_ERROR or HTTP_<status> and the UI shows its own text.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fromServer: boolean,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Send the session's Bearer token (default true). */
  auth?: boolean;
  /** Extra request headers (e.g. `X-Break-Glass-Reason`, percent-encoded). */
  headers?: Record<string, string>;
}

let onUnauthorized: () => void = () => undefined;

/** Called once by the auth layer: what to do when the server says the session is no longer valid. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string' &&
    'code' in error &&
    typeof error.code === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchange the refresh token for new tokens, once at a time however many calls hit a 401 together.
 * Resolves false when there is no refresh token or the server refuses it (the session is over).
 */
function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const token = refreshToken();
    if (!token) return false;
    try {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: token }),
        credentials: 'same-origin',
      });
      if (!response.ok) return false;
      const data = (await readJson(response)) as
        { accessToken?: unknown; refreshToken?: unknown } | undefined;
      if (typeof data?.accessToken !== 'string') return false;
      updateTokens({
        accessToken: data.accessToken,
        ...(typeof data.refreshToken === 'string' ? { refreshToken: data.refreshToken } : {}),
      });
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * The one way a call reaches the platform: the session's Bearer token (unless `auth` is false), an
 * expired access token refreshed once, silently, and the call retried; a failed answer turned into
 * ApiError (the server's own code and Vietnamese message when it sent its error body).
 */
async function authorizedFetch(
  url: string,
  init: { method: string; headers: Record<string, string>; body: string | null; signal?: AbortSignal },
  auth: boolean,
  retried = false,
): Promise<Response> {
  const token = auth ? accessToken() : null;
  const headers = token ? { ...init.headers, Authorization: `Bearer ${token}` } : init.headers;
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers,
      body: init.body,
      credentials: 'same-origin',
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', 'Network error', false);
  }
  if (response.ok) return response;

  if (response.status === 401 && token) {
    if (!retried && (await refreshSession())) return authorizedFetch(url, init, auth, true);
    clearSession();
    onUnauthorized();
  }
  const data = await readJson(response);
  if (isErrorBody(data)) {
    throw new ApiError(response.status, data.error.code, data.error.message, true, data.error.details);
  }
  throw new ApiError(response.status, `HTTP_${response.status}`, response.statusText || 'HTTP error', false);
}

/** Same-origin call to the platform API. Resolves with the parsed JSON body; rejects with ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal, auth = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await authorizedFetch(
    buildUrl(path, query),
    {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      ...(signal ? { signal } : {}),
    },
    auth,
  );
  return (await readJson(response)) as T;
}

/** Same-origin call for a non-JSON answer (a PDF, a file), with the same token handling as `apiRequest`. */
export function apiFetch(path: string, init: { accept: string; signal?: AbortSignal }): Promise<Response> {
  return authorizedFetch(
    path,
    {
      method: 'GET',
      headers: { Accept: init.accept },
      body: null,
      ...(init.signal ? { signal: init.signal } : {}),
    },
    true,
  );
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
