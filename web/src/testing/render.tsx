// Test helpers: the app's providers around a component. The network is testing/network.ts (MSW).
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { createQueryClient } from '../api/queries';
import { SessionProvider } from '../auth/session';
import { I18nProvider, type Locale } from '../i18n';

export function renderAt(ui: ReactElement, { url = '/', path = '*', locale = 'en' as Locale } = {}) {
  // A cache of its own per test, so no answer leaks from one test into the next.
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale}>
        <SessionProvider>
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path={path} element={ui} />
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

export function signedIn(personId = '00000000-0000-7000-8000-000000000001') {
  localStorage.setItem('networkhub.session', JSON.stringify({ token: 'nht_test', expiresAt: '2999-01-01T00:00:00Z', personId }));
  return personId;
}

// The fetch stub below predates the MSW network (testing/network.ts); tests move to MSW handlers, typed by the
// OpenAPI document, and this goes once none uses it.
export interface Call { method: string; url: string; body: unknown; headers: Record<string, string> }
type Answer = { status?: number; body?: unknown };
type Handler = (call: Call) => Answer | undefined;

/** Replaces fetch; each handler gets the call and may answer it. Unanswered calls fail the test with a 599. */
export function fakeApi(...handlers: Handler[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), location.origin), init);
    const url = new URL(request.url);
    const text = await request.text();
    const call: Call = {
      method: request.method,
      url: url.pathname + url.search,
      body: text ? JSON.parse(text) : undefined,
      headers: Object.fromEntries([...request.headers].map(([k, v]) => [headerName(k), v])),
    };
    calls.push(call);
    const answer = handlers.map((h) => h(call)).find(Boolean) ?? { status: 599, body: { code: 'test.unanswered', detail: `${call.method} ${call.url}` } };
    const status = answer.status ?? 200;
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return new Response(status === 204 || body === '' ? null : body, { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

// Headers come back lower-case from a Request; the tests name them as the app writes them.
const headerName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

/** A handler for one method and path (query string ignored unless the path has one). */
export const on = (method: string, path: string, answer: Answer | ((call: Call) => Answer)): Handler => (call) => {
  const url = path.includes('?') ? call.url : call.url.split('?')[0];
  if (call.method !== method || url !== path) return undefined;
  return typeof answer === 'function' ? answer(call) : answer;
};
