// Test helpers: the app's providers around a component. The network is testing/network.ts (MSW).
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
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
