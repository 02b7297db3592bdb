import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CoalitionDetails } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { Membership } from './Membership';

const coalition: CoalitionDetails = {
  id: 'c1', name: 'Coalición por el Agua', description: null, country: 'CO', region: null, topics: [], visibility: 'public', version: 3,
  createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', yourRole: null, kind: 'network', coordinatorsSeeChildSpaces: false,
};

describe('Membership', () => {
  it('sends a request to join with its message and says it went to the coordinators', async () => {
    signedIn();
    server.use(api.post('/api/v1/coalitions/{id}/join-requests', ({ response }) => response(202).empty()));
    const sent = recordRequests();
    renderAt(<Membership kind="coalition" space={coalition} />);

    await userEvent.type(screen.getByLabelText('Message to the coordinators (optional)'), '  Trabajo en riego. ');
    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));

    expect(await screen.findByText('Your request was sent to the coordinators.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ask to join' })).toBeNull();
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/v1/coalitions/c1/join-requests', body: { message: 'Trabajo en riego.' } });
  });

  it('keeps the form and says why when a request is already waiting', async () => {
    signedIn();
    server.use(api.post('/api/v1/coalitions/{id}/join-requests', ({ response }) => response(409).json(problem(409, 'space.join-request-pending'))));
    renderAt(<Membership kind="coalition" space={coalition} />);

    await userEvent.click(screen.getByRole('button', { name: 'Ask to join' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Your request to join is waiting for a coordinator.');
    expect(screen.getByRole('button', { name: 'Ask to join' })).toBeTruthy();
  });
});
