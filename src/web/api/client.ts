import type { Problem } from '../../contracts/errors';

/**
 * The one way the web app talks to the server. Every failure becomes an
 * ApiError carrying the server's problem details, so screens can show the
 * server's own words and switch on its stable `code`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): Problem['code'] | undefined {
    return this.problem?.code;
  }

  /** Field-level messages of a validation problem, keyed by the field's last segment (`body.title` → `title`). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.problem?.errors ?? []) {
      const name = error.field.split('.').pop() ?? error.field;
      out[name] ??= error.message;
    }
    return out;
  }

  /**
   * Field-level messages keyed by the whole path below the request part
   * (`body.customFields.abc` → `customFields.abc`, `body.statuses.2.name` →
   * `statuses.2.name`), for forms whose fields repeat.
   */
  get fieldErrorsByPath(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.problem?.errors ?? []) {
      const path = error.field.replace(/^(body|query|params)\./, '');
      out[path] ??= error.message;
    }
    return out;
  }
}

export const API_BASE = '/api/v1';

// Cookie-authenticated writes must echo the session's CSRF token; it arrives
// with sign-in and with every /me answer.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The version the caller last saw; a stale one is refused with 412. */
  ifMatch?: number;
  signal?: AbortSignal;
  /** A body sent as it is, in place of JSON: a CSV file, say. */
  text?: { contentType: string; content: string };
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.text) headers['content-type'] = options.text.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.text ? options.text.content : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, null, 'Cannot reach the Tandem server. Check your connection and try again.');
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, isProblem(payload) ? payload : null, `The server answered ${response.status} ${response.statusText}`.trim());
  }
  return payload as T;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

export const isUnauthenticated = (error: unknown): boolean => error instanceof ApiError && error.status === 401;
