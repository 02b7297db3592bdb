import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { setAccessToken } from './api/client';
import { server } from './testing/network';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  localStorage.clear();
  setAccessToken(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
afterAll(() => server.close());
