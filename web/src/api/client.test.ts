import { describe, expect, it, vi } from 'vitest';
import { fakeApi, on } from '../testing/render';
import { ApiError, create, get, onTokenRejected, post, setAccessToken, withQuery } from './client';

describe('api client', () => {
  it('sends JSON with the bearer token and reads JSON back', async () => {
    const calls = fakeApi(on('POST', '/api/v1/things', { status: 201, body: { id: 'x' } }));
    setAccessToken('nht_abc');

    const result = await post<{ id: string }>('/api/v1/things', { name: 'n' });

    expect(result).toEqual({ id: 'x' });
    expect(calls[0].headers.Authorization).toBe('Bearer nht_abc');
    expect(calls[0].body).toEqual({ name: 'n' });
  });

  it('sends a create with its Idempotency-Key header', async () => {
    const calls = fakeApi(on('POST', '/api/v1/forums', { status: 201, body: { id: 'f1' } }));

    await create('/api/v1/forums', { name: 'Foro' }, 'key-1');

    expect(calls[0].headers['Idempotency-Key']).toBe('key-1');
    expect(calls[0].body).toEqual({ name: 'Foro' });
  });

  it('turns problem details into an ApiError with code and field errors', async () => {
    fakeApi(on('POST', '/api/v1/accounts', {
      status: 400,
      body: { status: 400, title: 'One or more validation errors occurred.', code: 'request.validation', errors: { password: ['Too short.'] } },
    }));

    const error = await post('/api/v1/accounts', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'request.validation', fieldErrors: { password: ['Too short.'] } });
  });

  it('ends the session when the server rejects the token it was sent', async () => {
    fakeApi(on('GET', '/api/v1/me', { status: 401, body: { code: 'auth.invalid-credentials' } }));
    const rejected = vi.fn();
    onTokenRejected(rejected);
    setAccessToken('nht_expired');

    await expect(get('/api/v1/me')).rejects.toMatchObject({ code: 'auth.invalid-credentials' });

    expect(rejected).toHaveBeenCalledOnce();
    onTokenRejected(null);
  });

  it('reports a network failure as offline', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));

    await expect(get('/api/v1/me')).rejects.toMatchObject({ status: 0, code: 'network.offline' });
  });

  it('leaves empty values out of query strings', () => {
    expect(withQuery('/api/v1/organisations', { country: 'CO', q: '', topic: undefined, limit: 20 })).toBe('/api/v1/organisations?country=CO&limit=20');
    expect(withQuery('/x', {})).toBe('/x');
  });
});
