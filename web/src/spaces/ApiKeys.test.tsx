import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiKeySummary } from '../api/types';
import { fakeApi, on, renderAt, signedIn } from '../testing/render';
import { ApiKeys } from './ApiKeys';

const base = '/api/v1/organisations/o1/api-keys';
const key = (revokedAt: string | null = null): ApiKeySummary => ({
  keyId: 'k1', name: 'Informes', scope: 'read-write', prefix: 'nhk_AbC', createdAt: '2026-11-01T10:00:00Z', createdBy: 'p1', revokedAt,
});

describe('ApiKeys', () => {
  it('shows a new key once and lists it by prefix only', async () => {
    signedIn();
    let list: ApiKeySummary[] = [];
    const calls = fakeApi(
      on('GET', base, () => ({ body: list })),
      on('POST', base, () => {
        list = [key()];
        return { status: 201, body: { keyId: 'k1', name: 'Informes', scope: 'read-write', key: 'nhk_AbC-the-whole-secret', createdAt: '2026-11-01T10:00:00Z' } };
      }),
    );
    renderAt(<ApiKeys organisationId="o1" />);

    expect(await screen.findByText('No API keys yet.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Name of the key'), 'Informes');
    await userEvent.selectOptions(screen.getByLabelText('Permissions'), 'read-write');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));

    expect(((await screen.findByRole('textbox', { name: 'API key' })) as HTMLInputElement).value).toBe('nhk_AbC-the-whole-secret');
    expect(await screen.findByText(/starts with nhk_AbC/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ name: 'Informes', scope: 'read-write' });
  });

  it('revokes a key after confirmation', async () => {
    signedIn();
    let list = [key()];
    fakeApi(
      on('GET', base, () => ({ body: list })),
      on('DELETE', `${base}/k1`, () => { list = [key('2026-11-02T10:00:00Z')]; return { status: 204 }; }),
    );
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt(<ApiKeys organisationId="o1" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke the key Informes' }));

    await waitFor(() => expect(screen.getByText(/revoked/)).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Revoke the key Informes' })).toBeNull();
  });
});
