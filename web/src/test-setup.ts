import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setAccessToken } from './api/client';

afterEach(() => {
  cleanup();
  localStorage.clear();
  setAccessToken(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
