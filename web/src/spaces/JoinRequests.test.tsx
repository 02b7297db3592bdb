import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JoinRequestSummary, SpaceMember } from '../generated/openapi';
import { api, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { JoinRequests } from './JoinRequests';
import { Members } from './Members';

const ana: SpaceMember = { personId: 'p1', name: 'Ana', role: 'coordinator', since: '2026-11-01T10:00:00Z' };
const layla: JoinRequestSummary = { personId: 'p2', name: 'Layla', message: 'Trabajo en riego.', requestedAt: '2026-11-20T10:00:00Z' };

/** A coalition whose only request is Layla's: approving makes her a member, rejecting only drops the request. */
function coalition() {
  let requests = [layla];
  let members = [ana];
  server.use(
    api.get('/api/v1/coalitions/{id}/join-requests', ({ response }) => response(200).json(requests)),
    api.get('/api/v1/coalitions/{id}/members', ({ response }) => response(200).json(members)),
    api.post('/api/v1/coalitions/{id}/join-requests/{personId}/approve', ({ response }) => {
      requests = [];
      members = [...members, { personId: 'p2', name: 'Layla', role: 'member', since: '2026-11-21T10:00:00Z' }];
      return response(204).empty();
    }),
    api.post('/api/v1/coalitions/{id}/join-requests/{personId}/reject', ({ response }) => { requests = []; return response(204).empty(); }),
  );
}

const page = <>
  <JoinRequests kind="coalition" id="c1" />
  <Members kind="coalition" id="c1" yourRole="coordinator" />
</>;

describe('JoinRequests', () => {
  it('approving refreshes both the requests and the members', async () => {
    signedIn('p1');
    coalition();
    renderAt(page);

    const requests = await screen.findByRole('region', { name: 'Requests to join' });
    const members = screen.getByRole('region', { name: 'Members' });
    expect(await within(requests).findByText('Trabajo en riego.')).toBeTruthy();
    expect(await within(members).findByText('Ana')).toBeTruthy();
    await userEvent.click(within(requests).getByRole('button', { name: 'Approve Layla' }));

    expect(await within(requests).findByText('No pending requests.')).toBeTruthy();
    expect(await within(members).findByText('Layla')).toBeTruthy();
  });

  it('rejecting reads only the requests again', async () => {
    signedIn('p1');
    coalition();
    const sent = recordRequests();
    renderAt(page);

    await userEvent.click(await screen.findByRole('button', { name: 'Reject Layla' }));

    expect(await screen.findByText('No pending requests.')).toBeTruthy();
    expect(sent.filter((r) => r.path === '/api/v1/coalitions/c1/members')).toHaveLength(1);
    expect(sent.filter((r) => r.path === '/api/v1/coalitions/c1/join-requests')).toHaveLength(2);
  });
});
