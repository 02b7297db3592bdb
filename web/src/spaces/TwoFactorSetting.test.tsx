import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ForumDetails, SpaceRole } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { SpacePage } from './SpacePage';

const forum = (yourRole: SpaceRole | null, requireTwoFactor: boolean, version = 1): ForumDetails => ({
  id: 'f1', parent: null, name: 'Foro de tierras', description: 'Sobre la tierra', themes: ['land'], visibility: 'members-only',
  version, createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', yourRole, requireTwoFactor, openToMemberOrganisations: true,
});

const managePage = () => server.use(
  api.get('/api/v1/forums/{id}/invitations', ({ response }) => response(200).json([])),
  api.get('/api/v1/forums/{id}/join-requests', ({ response }) => response(200).json([])),
);

describe('Two-factor requirement of a space', () => {
  it('lets a coordinator require it, sending the profile as read with only the setting changed, and the version read', async () => {
    signedIn('p1');
    let current = forum('coordinator', false, 1);
    managePage();
    server.use(
      api.get('/api/v1/forums/{id}', ({ response }) => response(200).json(current)),
      api.put('/api/v1/forums/{id}', async ({ request, response }) => {
        current = { ...current, requireTwoFactor: (await request.json()).requireTwoFactor ?? current.requireTwoFactor, version: current.version + 1 };
        return response(200).json(current);
      }),
    );
    const sent = recordRequests();
    renderAt(<SpacePage kind="forum" />, { url: '/forums/f1/manage', path: '/forums/:id/*' });

    await userEvent.click(await screen.findByLabelText('Require two-factor sign-in for members'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({
      name: 'Foro de tierras', visibility: 'members-only', description: 'Sobre la tierra', themes: ['land'], openToMemberOrganisations: true, requireTwoFactor: true,
    });
    expect(put.headers.get('If-Match')).toBe('"v1"');
    expect((screen.getByLabelText('Require two-factor sign-in for members') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('refuses to overwrite a profile someone changed meanwhile, and shows the profile as it now is', async () => {
    signedIn('p1');
    let current = forum('coordinator', false, 1);
    managePage();
    server.use(
      api.get('/api/v1/forums/{id}', ({ response }) => response(200).json(current)),
      api.put('/api/v1/forums/{id}', ({ response }) => {
        // Another coordinator saved version 2, which already requires it, before this one's save arrived.
        current = forum('coordinator', true, 2);
        return response(412).json(problem(412, 'space.version-mismatch'));
      }),
    );
    const sent = recordRequests();
    renderAt(<SpacePage kind="forum" />, { url: '/forums/f1/manage', path: '/forums/:id/*' });

    await userEvent.click(await screen.findByLabelText('Require two-factor sign-in for members'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Someone changed this meanwhile. Reload the page and try again.');
    await waitFor(() => expect(sent.filter((r) => r.method === 'GET' && r.path === '/api/v1/forums/f1')).toHaveLength(2));
    expect((screen.getByLabelText('Require two-factor sign-in for members') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  it('tells a member who signed in without a code why they see only the profile, and where to fix it', async () => {
    signedIn('p2');
    server.use(
      api.get('/api/v1/forums/{id}', ({ response }) => response(200).json(forum('member', true))),
      api.get('/api/v1/me/sign-in', ({ response }) => response(200).json({ at: '2026-12-01T10:00:00Z', secondFactor: false })),
    );
    const sent = recordRequests();
    renderAt(<SpacePage kind="forum" />, { url: '/forums/f1', path: '/forums/:id/*' });

    const refused = await screen.findByRole('alert');
    expect(refused.textContent).toContain('This space requires two-factor sign-in. Turn it on under Security and sign in again.');
    expect(screen.getByRole('link', { name: 'Security' }).getAttribute('href')).toBe('/security');
    expect(screen.getByText('Required of members')).toBeTruthy();
    expect(sent.some((r) => r.path.includes('/members') || r.path.includes('/sessions'))).toBe(false);
  });

  it('shows the inside to a member whose sign-in used a second factor', async () => {
    signedIn('p3');
    server.use(
      api.get('/api/v1/forums/{id}', ({ response }) => response(200).json(forum('member', true))),
      api.get('/api/v1/me/sign-in', ({ response }) => response(200).json({ at: '2026-12-01T10:00:00Z', secondFactor: true })),
      api.get('/api/v1/forums/{forumId}/sessions', ({ response }) => response(200).json([])),
      api.get('/api/v1/forums/{id}/members', ({ response }) => response(200).json([{ personId: 'p3', name: 'Ana', role: 'member', since: '2026-11-01T10:00:00Z' }])),
    );
    renderAt(<SpacePage kind="forum" />, { url: '/forums/f1', path: '/forums/:id/*' });

    expect(await screen.findByText('Ana')).toBeTruthy();
    expect(screen.queryByText(/requires two-factor sign-in/)).toBeNull();
  });
});
