// Test helpers: the app's providers around a component, and a fetch that answers from a table of routes.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { SessionProvider } from '../auth/session';
import { I18nProvider, type Locale } from '../i18n';

export function renderAt(ui: ReactElement, { url = '/', path = '*', locale = 'en' as Locale } = {}) {
  return render(
    <I18nProvider locale={locale}>
      <SessionProvider>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path={path} element={ui} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
}

export interface Call { method: string; url: string; body: unknown; headers: Record<string, string> }
type Answer = { status?: number; body?: unknown };
type Handler = (call: Call) => Answer | undefined;

/** Replaces fetch; each handler gets the call and may answer it. Unanswered calls fail the test with a 599. */
export function fakeApi(...handlers: Handler[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      method: init?.method ?? 'GET',
      url: String(input),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const answer = handlers.map((h) => h(call)).find(Boolean) ?? { status: 599, body: { code: 'test.unanswered', detail: `${call.method} ${call.url}` } };
    const status = answer.status ?? 200;
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

/** A handler for one method and path (query string ignored unless the path has one). */
export const on = (method: string, path: string, answer: Answer | ((call: Call) => Answer)): Handler => (call) => {
  const url = path.includes('?') ? call.url : call.url.split('?')[0];
  if (call.method !== method || url !== path) return undefined;
  return typeof answer === 'function' ? answer(call) : answer;
};

export function signedIn(personId = '00000000-0000-7000-8000-000000000001') {
  localStorage.setItem('networkhub.session', JSON.stringify({ token: 'nht_test', expiresAt: '2999-01-01T00:00:00Z', personId }));
  return personId;
}
