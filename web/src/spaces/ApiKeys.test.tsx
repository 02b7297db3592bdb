import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiKeySummary } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { ApiKeys } from './ApiKeys';

const key = (revokedAt: string | null = null): ApiKeySummary => ({
  keyId: 'k1', name: 'Informes', scope: 'read-write', prefix: 'nhk_AbC', createdAt: '2026-11-01T10:00:00Z', createdBy: 'p1', revokedAt,
});

describe('ApiKeys', () => {
  it('shows a new key once and lists it by prefix only, as the list read again says', async () => {
    signedIn();
    let list: ApiKeySummary[] = [];
    server.use(
      api.get('/api/v1/organisations/{id}/api-keys', ({ response }) => response(200).json(list)),
      api.post('/api/v1/organisations/{id}/api-keys', ({ response }) => {
        list = [key()];
        return response(201).json({ keyId: 'k1', name: 'Informes', scope: 'read-write', key: 'nhk_AbC-the-whole-secret', createdAt: '2026-11-01T10:00:00Z' });
      }),
    );
    const sent = recordRequests();
    renderAt(<ApiKeys organisationId="o1" />);

    expect(await screen.findByText('No API keys yet.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Name of the key'), 'Informes');
    await userEvent.selectOptions(screen.getByLabelText('Permissions'), 'read-write');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    expect(((await screen.findByRole('textbox', { name: 'API key' })) as HTMLInputElement).value).toBe('nhk_AbC-the-whole-secret');
    expect(await screen.findByText(/starts with nhk_AbC/)).toBeTruthy();
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ name: 'Informes', scope: 'read-write' });
    expect(sent.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual(['/api/v1/organisations/o1/api-keys', '/api/v1/organisations/o1/api-keys']);
    expect((screen.getByLabelText('Name of the key') as HTMLInputElement).value).toBe('');
  });

  it('revokes a key after confirmation and shows it revoked once the list is read again', async () => {
    signedIn();
    let list = [key()];
    server.use(
      api.get('/api/v1/organisations/{id}/api-keys', ({ response }) => response(200).json(list)),
      api.delete('/api/v1/organisations/{id}/api-keys/{keyId}', ({ params, response }) => {
        if (params.keyId === 'k1') list = [key('2026-11-02T10:00:00Z')];
        return response(204).empty();
      }),
    );
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt(<ApiKeys organisationId="o1" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke the key Informes' }));

    await waitFor(() => expect(screen.getByText(/revoked/)).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Revoke the key Informes' })).toBeNull();
  });

  it('keeps the form and says why when the name is refused', async () => {
    signedIn();
    server.use(
      api.get('/api/v1/organisations/{id}/api-keys', ({ response }) => response(200).json([])),
      api.post('/api/v1/organisations/{id}/api-keys', ({ response }) =>
        response(400).json({ ...problem(400, 'request.validation'), errors: { name: ['The name is required.'] } })),
    );
    renderAt(<ApiKeys organisationId="o1" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Create key' }));

    expect((await screen.findByRole('alert')).textContent).toContain('The name is required.');
    expect(screen.getByLabelText('Name of the key').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('textbox', { name: 'API key' })).toBeNull();
  });
});
