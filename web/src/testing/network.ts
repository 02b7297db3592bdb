// The network of component tests: MSW answers at the fetch layer, with handlers typed by the generated OpenAPI
// types (openapi-msw), so a fake answer the server could never give fails the type check. Unanswered requests fail
// the test (test-setup.ts). `recordRequests` keeps what the app sent, to assert on headers and bodies.
import { setupServer } from 'msw/node';
import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '../generated/openapi';

export const api = createOpenApiHttp<paths>({ baseUrl: `${globalThis.location?.origin ?? 'http://localhost'}` });
export const server = setupServer();

export interface SentRequest { method: string; path: string; headers: Headers; body: unknown }

/** Every request the app sends from now on, in order, with its JSON body read. */
export function recordRequests(): SentRequest[] {
  const sent: SentRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    const entry: SentRequest = { method: request.method, path: url.pathname + url.search, headers: request.headers, body: undefined };
    sent.push(entry);
    void request.clone().text().then((text) => { entry.body = text ? JSON.parse(text) : undefined; });
  });
  return sent;
}

/** A problem answer as the server writes one (RFC 9457 with our `code`). */
export const problem = (status: number, code: string, detail = code) => ({ status, code, detail, title: null, type: null, instance: null });
