import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InvitationSummary } from '../generated/openapi';
import { api, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { Invitations } from './Invitations';

const summary = (id: string, status: InvitationSummary['status'], note: string | null = null): InvitationSummary => ({
  invitationId: id, role: 'member', status, createdAt: '2026-11-01T10:00:00Z', expiresAt: '2026-11-15T10:00:00Z',
  createdBy: 'p1', usedBy: null, note,
});

describe('Invitations', () => {
  it('creates a link, shows it once with a copy button, and lists it', async () => {
    signedIn();
    let list = [summary('i0', 'accepted')];
    server.use(
      api.get('/api/v1/coalitions/{id}/invitations', ({ response }) => response(200).json(list)),
      api.post('/api/v1/coalitions/{id}/invitations', ({ response }) => {
        list = [...list, summary('i1', 'open', 'para Layla')];
        return response(201).json({ invitationId: 'i1', token: 'coalition.c1.i1.secret', role: 'coordinator', expiresAt: '2026-11-08T10:00:00Z' });
      }),
    );
    const sent = recordRequests();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderAt(<Invitations kind="coalition" id="c1" />);

    await screen.findByText(/Accepted/);
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'coordinator');
    await userEvent.clear(screen.getByLabelText('Valid for (days)'));
    await userEvent.type(screen.getByLabelText('Valid for (days)'), '7');
    await userEvent.type(screen.getByLabelText('Note to yourself (optional)'), 'para Layla');
    await userEvent.click(screen.getByRole('button', { name: 'Create link' }));

    const link = await screen.findByRole('textbox', { name: 'Invitation link' });
    expect((link as HTMLInputElement).value).toBe(`${location.origin}/invitations/coalition.c1.i1.secret`);
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ role: 'coordinator', expiresInDays: 7, note: 'para Layla' });

    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/invitations/coalition.c1.i1.secret`);
    expect(await screen.findByText('Copied.')).toBeTruthy();
    // The new invitation is in the list because the list was read again, not added on the client.
    expect(await screen.findByText('para Layla')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('offers revoking only for open invitations, and shows the revoked one as the server now lists it', async () => {
    signedIn();
    let list = [summary('i0', 'accepted'), summary('i1', 'open')];
    server.use(
      api.get('/api/v1/coalitions/{id}/invitations', ({ response }) => response(200).json(list)),
      api.delete('/api/v1/coalitions/{id}/invitations/{invitationId}', ({ params, response }) => {
        list = list.map((i) => (i.invitationId === params.invitationId ? { ...i, status: 'revoked' } : i));
        return response(204).empty();
      }),
    );
    const sent = recordRequests();
    renderAt(<Invitations kind="coalition" id="c1" />);

    const shown = await screen.findByRole('list', { name: 'Invitations' });
    const revoke = within(shown).getAllByRole('button');
    expect(revoke).toHaveLength(1);
    await userEvent.click(revoke[0]);

    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Invitations' })).queryAllByRole('button')).toHaveLength(0));
    expect(screen.getByText(/Revoked/)).toBeTruthy();
    expect(sent.find((r) => r.method === 'DELETE')!.path).toBe('/api/v1/coalitions/c1/invitations/i1');
  });
});
