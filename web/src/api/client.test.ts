import { describe, expect, it, vi } from 'vitest';
import { api as mock, problem, recordRequests, server } from '../testing/network';
import { ApiError, onTokenRejected, setAccessToken } from './client';
import type { OrganisationDetails } from '../generated/openapi';
import { api } from './endpoints';

const organisation: OrganisationDetails = {
  id: '0190a000-0000-7000-8000-000000000001', name: 'Red de Mujeres', kind: 'civil-society-organisation', country: 'CO',
  region: null, topics: [], description: null, website: null, visibility: 'public', version: 1,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', yourRole: 'coordinator', requireTwoFactor: false,
};

describe('api client', () => {
  it('sends JSON with the bearer token and reads the typed answer back', async () => {
    server.use(mock.post('/api/v1/organisations', ({ response }) => response(201).json(organisation)));
    const sent = recordRequests();
    setAccessToken('nht_abc');

    const created = await api.createOrganisation({ name: 'Red de Mujeres', kind: 'civil-society-organisation', country: 'CO', region: null, topics: null, description: null, website: null }, 'key-1');

    expect(created.name).toBe('Red de Mujeres');
    expect(sent[0].headers.get('Authorization')).toBe('Bearer nht_abc');
    expect(sent[0].headers.get('Idempotency-Key')).toBe('key-1');
    await vi.waitFor(() => expect(sent[0].body).toMatchObject({ name: 'Red de Mujeres', country: 'CO' }));
  });

  it('turns problem details into an ApiError with code and field errors', async () => {
    server.use(mock.post('/api/v1/accounts', ({ response }) =>
      response(400).json({ ...problem(400, 'request.validation'), errors: { password: ['Too short.'] } })));

    const error = await api.register({ email: 'a@b.c', password: 'x', displayName: 'A', pseudonym: null, country: null, languages: null, invitation: null })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'request.validation', fieldErrors: { password: ['Too short.'] } });
  });

  it('ends the session when the server rejects the token it was sent, not on a wrong password', async () => {
    server.use(
      mock.get('/api/v1/me', ({ response }) => response(401).json(problem(401, 'auth.invalid-credentials'))),
      mock.post('/api/v1/auth/token', ({ response }) => response(401).json(problem(401, 'auth.invalid-credentials'))),
    );
    const rejected = vi.fn();
    onTokenRejected(rejected);

    await expect(api.signIn('a@b.c', 'wrong')).rejects.toMatchObject({ code: 'auth.invalid-credentials' });
    expect(rejected).not.toHaveBeenCalled();

    setAccessToken('nht_expired');
    await expect(api.me()).rejects.toMatchObject({ code: 'auth.invalid-credentials' });
    expect(rejected).toHaveBeenCalledOnce();
    onTokenRejected(null);
  });

  it('reports a network failure as offline', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));

    await expect(api.me()).rejects.toMatchObject({ status: 0, code: 'network.offline' });
  });

  it('leaves empty values out of query strings and names parameters as the contract does', async () => {
    server.use(mock.get('/api/v1/organisations', ({ response }) => response(200).json({ items: [], nextCursor: null })));
    const sent = recordRequests();

    await api.directory('organisations', { country: 'CO', q: undefined, limit: 20 });

    expect(sent[0].path).toBe('/api/v1/organisations?country=CO&limit=20');
  });

  it('answers an unknown status without a problem body with an http code', async () => {
    server.use(mock.untyped.get('/api/v1/me', () => new Response('<html>bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })));

    await expect(api.me()).rejects.toMatchObject({ status: 502, code: 'http.502' });
  });
});
