import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { InvitationPreview } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { AcceptInvitation } from './AcceptInvitation';

const token = 'coalition.c1.i1.secret';
const preview: InvitationPreview = { space: { kind: 'coalition', id: 'c1' }, spaceName: 'تحالف المياه', role: 'member', expiresAt: '2026-12-01T00:00:00Z' };
const answersPreview = api.get('/api/v1/invitations/{token}', ({ response }) => response(200).json(preview));

function Where() {
  return <p>at {useLocation().pathname}</p>;
}

const screenWithLanding = (
  <Routes>
    <Route path="/invitations/:token" element={<AcceptInvitation />} />
    <Route path="*" element={<Where />} />
  </Routes>
);

describe('AcceptInvitation', () => {
  it('offers people without an account to register with the invitation, or to sign in first', async () => {
    server.use(answersPreview);
    renderAt(<AcceptInvitation />, { url: `/invitations/${token}`, path: '/invitations/:token' });

    expect((await screen.findByText('تحالف المياه')).getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('link', { name: 'Create an account and accept' }).getAttribute('href'))
      .toBe(`/register?invitation=${encodeURIComponent(token)}&next=%2Fcoalitions%2Fc1`);
    expect(screen.getByRole('link', { name: 'Sign in to accept' }).getAttribute('href'))
      .toBe(`/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`);
  });

  it('accepts for a signed-in person and opens the space', async () => {
    signedIn();
    server.use(
      answersPreview,
      api.post('/api/v1/invitations/{token}/accept', ({ response }) =>
        response(200).json({ space: { kind: 'coalition', id: 'c1' }, visibility: 'public', role: 'member', canSeeInside: true })),
      api.get('/api/v1/me/spaces', ({ response }) => response(200).json([])),
    );
    const sent = recordRequests();
    renderAt(screenWithLanding, { url: `/invitations/${token}` });

    await userEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText('at /coalitions/c1')).toBeTruthy();
    const acceptCall = sent.find((r) => r.method === 'POST')!;
    expect(acceptCall.path).toBe(`/api/v1/invitations/${encodeURIComponent(token)}/accept`);
    expect(acceptCall.headers.get('Authorization')).toBe('Bearer nht_test');
  });

  it('declines for a signed-in person: the server answers with no content, and the screen says it is done', async () => {
    signedIn();
    server.use(answersPreview, api.post('/api/v1/invitations/{token}/decline', ({ response }) => response(204).empty()));
    const sent = recordRequests();
    renderAt(<AcceptInvitation />, { url: `/invitations/${token}`, path: '/invitations/:token' });

    await userEvent.click(await screen.findByRole('button', { name: 'Decline' }));

    expect(await screen.findByText('You declined the invitation.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).toBeNull();
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`/api/v1/invitations/${encodeURIComponent(token)}/decline`]);
  });

  it('says so when the invitation was already used', async () => {
    server.use(api.get('/api/v1/invitations/{token}', ({ response }) => response(409).json(problem(409, 'invitation.used', 'Used.'))));
    renderAt(<AcceptInvitation />, { url: `/invitations/${token}`, path: '/invitations/:token', locale: 'es' });

    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Esta invitación ya se usó o fue retirada.'));
  });
});
