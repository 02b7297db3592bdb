// The one place the app talks HTTP: a client generated from the server's OpenAPI document (openapi-fetch over the
// types in src/generated/openapi.ts), the bearer token, and RFC 9457 problem details as ApiError.
import createClient from 'openapi-fetch';
import type { ErrorCode } from '../generated/errors';
import type { paths, ProblemDetails } from '../generated/openapi';

/** Codes the client makes up itself: no answer at all, or an answer that is not one of our problems. */
export type ClientErrorCode = 'network.offline' | `http.${number}`;

/** A failed request, carrying the problem's stable `code` and, for validation, messages per camelCase field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    readonly detail: string | null,
    readonly fieldErrors: Readonly<Record<string, string[]>> = {},
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
  }
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

const sentTokens = new WeakSet<Request>();

/**
 * The typed client: paths, parameters, bodies and answers all come from docs/openapi.json. `fetch` is looked up per
 * call, so a test's network mock installed after this module loads still sees every request.
 */
export const http = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: (request) => globalThis.fetch(request),
});

http.use({
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json');
    if (currentToken) {
      request.headers.set('Authorization', `Bearer ${currentToken}`);
      sentTokens.add(request);
    }
    return request;
  },
  async onResponse({ request, response }) {
    // Only a rejected token ends the session: a 401 to a call sent without one (a wrong password) does not.
    if (response.status !== 401 || !sentTokens.has(request)) return undefined;
    const problem = asProblem(await response.clone().json().catch(() => null));
    if (problem.code === 'auth.invalid-credentials') onUnauthorised?.();
    return undefined;
  },
});

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful answer; any other answer (or none) as an ApiError. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw new ApiError(0, 'network.offline', null);
  }
  const { response } = answer;
  if (response.ok) return answer.data as T;
  const problem = asProblem(answer.error);
  const code = (problem.code as ErrorCode | undefined) ?? (`http.${response.status}` as const);
  throw new ApiError(response.status, code, problem.detail ?? problem.title ?? null, problem.errors ?? {});
}

function asProblem(error: unknown): Partial<ProblemDetails> {
  return error && typeof error === 'object' ? (error as Partial<ProblemDetails>) : {};
}

/** A new idempotency key for one create form: kept across retries of that form, so a lost answer makes nothing twice. */
export const newIdempotencyKey = () => crypto.randomUUID();
