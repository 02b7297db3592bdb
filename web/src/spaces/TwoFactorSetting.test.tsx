import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, on, renderAt, signedIn } from '../testing/render';
import { SpacePage } from './SpacePage';

const forum = (yourRole: string | null, requireTwoFactor: boolean, version = 1) => ({
  id: 'f1', parent: null, name: 'Foro de tierras', description: 'Sobre la tierra', themes: ['land'], visibility: 'members-only',
  version, createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', yourRole, requireTwoFactor,
});

describe('Two-factor requirement of a space', () => {
  it('lets a coordinator require it, sending the profile as read with only the setting changed', async () => {
    signedIn('p1');
    let required = false;
    const calls = fakeApi(
      on('GET', '/api/v1/forums/f1', () => ({ body: forum('coordinator', required, required ? 2 : 1) })),
      on('PUT', '/api/v1/forums/f1', (call) => { required = (call.body as { requireTwoFactor: boolean }).requireTwoFactor; return { body: forum('coordinator', required, 2) }; }),
      on('GET', '/api/v1/forums/f1/invitations', { body: [] }),
      on('GET', '/api/v1/forums/f1/join-requests', { body: [] }),
    );
    renderAt(<SpacePage kind="forum" />, { url: '/forums/f1/manage', path: '/forums/:id/*' });

    await userEvent.click(await screen.findByLabelText('Require two-factor sign-in for members'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(required).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      name: 'Foro de tierras', visibility: 'members-only', description: 'Sobre la tierra', themes: ['land'], requireTwoFactor: true,
    });
    expect((await screen.findByLabelText('Require two-factor sign-in for members') as HTMLInputElement).checked).toBe(true);
  });

  it('tells a member who signed in without a code why they see only the profile, and where to fix it', async () => {
    signedIn('p2');
    const calls = fakeApi(
      on('GET', '/api/v1/forums/f1', { body: forum('member', true) }),
      on('GET', '/api/v1/me/sign-in', { body: { at: '2026-12-01T10:00:00Z', secondFactor: false } }),
    );
    renderAt(<SpacePage kind="forum" />, { url: '/forums/f1', path: '/forums/:id/*' });

    const refused = await screen.findByRole('alert');
    expect(refused.textContent).toContain('This space requires two-factor sign-in. Turn it on under Security and sign in again.');
    expect(screen.getByRole('link', { name: 'Security' }).getAttribute('href')).toBe('/security');
    expect(screen.getByText('Required of members')).toBeTruthy();
    expect(calls.some((c) => c.url.includes('/members') || c.url.includes('/sessions'))).toBe(false);
  });

  it('shows the inside to a member whose sign-in used a second factor', async () => {
    signedIn('p3');
    fakeApi(
      on('GET', '/api/v1/forums/f1', { body: forum('member', true) }),
      on('GET', '/api/v1/me/sign-in', { body: { at: '2026-12-01T10:00:00Z', secondFactor: true } }),
      on('GET', '/api/v1/forums/f1/sessions', { body: [] }),
      on('GET', '/api/v1/forums/f1/members', { body: [{ personId: 'p3', name: 'Ana', role: 'member', since: '2026-11-01T10:00:00Z' }] }),
    );
    renderAt(<SpacePage kind="forum" />, { url: '/forums/f1', path: '/forums/:id/*' });

    expect(await screen.findByText('Ana')).toBeTruthy();
    expect(screen.queryByText(/requires two-factor sign-in/)).toBeNull();
  });
});
