// The one place the app talks HTTP: JSON in and out, the bearer token, and RFC 9457 problem details as ApiError.

/** A failed request, carrying the problem's stable `code` and, for validation, messages per camelCase field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | null,
    readonly fieldErrors: Readonly<Record<string, string[]>> = {},
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
  }
}

interface ProblemDetails {
  status?: number;
  title?: string;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
}

let currentToken: string | null = null;
let onUnauthorised: (() => void) | null = null;

/** Set by the session: every request carries this token until it is cleared. */
export function setAccessToken(token: string | null): void {
  currentToken = token;
}

/** Called when the server rejects the token we sent (expired or revoked), so the session can end. */
export function onTokenRejected(handler: (() => void) | null): void {
  onUnauthorised = handler;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function request<T>(method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const sentToken = currentToken;
  if (sentToken) headers.Authorization = `Bearer ${sentToken}`;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network.offline', null);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && sentToken && problem.code === 'auth.invalid-credentials') onUnauthorised?.();
    throw new ApiError(response.status, problem.code ?? `http.${response.status}`, problem.detail ?? problem.title ?? null, problem.errors ?? {});
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  try {
    const parsed: unknown = await response.json();
    return parsed && typeof parsed === 'object' ? (parsed as ProblemDetails) : {};
  } catch {
    return {};
  }
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);

/**
 * A create that is safe to retry: the server derives the new resource's id from who we are and this key, so
 * sending the same key again (after a lost answer) reaches the same resource instead of making a second one.
 */
export const create = <T>(path: string, body: unknown, idempotencyKey: string) =>
  request<T>('POST', path, body, { 'Idempotency-Key': idempotencyKey });
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
export const del = (path: string) => request<void>('DELETE', path);
