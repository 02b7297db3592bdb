import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InvitationSummary } from '../api/types';
import { fakeApi, on, renderAt, signedIn } from '../testing/render';
import { Invitations } from './Invitations';

const base = '/api/v1/coalitions/c1/invitations';
const summary = (id: string, status: InvitationSummary['status'], note: string | null = null): InvitationSummary => ({
  invitationId: id, role: 'member', status, createdAt: '2026-11-01T10:00:00Z', expiresAt: '2026-11-15T10:00:00Z',
  createdBy: 'p1', usedBy: null, note,
});

describe('Invitations', () => {
  it('creates a link, shows it once with a copy button, and lists it', async () => {
    signedIn();
    let list = [summary('i0', 'accepted')];
    const calls = fakeApi(
      on('GET', base, () => ({ body: list })),
      on('POST', base, () => {
        list = [...list, summary('i1', 'open', 'para Layla')];
        return { status: 201, body: { invitationId: 'i1', token: 'coalition.c1.i1.secret', role: 'coordinator', expiresAt: '2026-11-08T10:00:00Z' } };
      }),
    );
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
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ role: 'coordinator', expiresInDays: 7, note: 'para Layla' });

    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/invitations/coalition.c1.i1.secret`);
    expect(await screen.findByText('Copied.')).toBeTruthy();
    expect(await screen.findByText('para Layla')).toBeTruthy();
  });

  it('offers revoking only for open invitations', async () => {
    signedIn();
    const calls = fakeApi(
      on('GET', base, { body: [summary('i0', 'accepted'), summary('i1', 'open')] }),
      on('DELETE', `${base}/i1`, { status: 204 }),
    );
    renderAt(<Invitations kind="coalition" id="c1" />);

    const list = await screen.findByRole('list', { name: 'Invitations' });
    const revoke = within(list).getAllByRole('button');
    expect(revoke).toHaveLength(1);
    await userEvent.click(revoke[0]);

    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === `${base}/i1`)).toBe(true));
  });
});
