import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CoalitionOrganisation, CoalitionOrganisationStatus, OrganisationCoalition } from '../generated/openapi';
import { api, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { CoalitionOrganisations } from './CoalitionOrganisations';
import { OrganisationCoalitions } from './OrganisationCoalitions';

const water = (status: CoalitionOrganisationStatus): OrganisationCoalition =>
  ({ coalitionId: 'c1', name: 'Coalición por el Agua', status, since: '2026-11-01T10:00:00Z' });
const land = (status: CoalitionOrganisationStatus): CoalitionOrganisation => ({
  organisationId: 'o1', name: 'Red de la Tierra', status, since: '2026-11-01T10:00:00Z', peopleRole: 'observer',
  kind: 'civil-society-organisation', country: 'CO', region: null,
});

/** The organisation's list as the server keeps it: the coalition's status for this organisation. */
function organisationSide(initial: CoalitionOrganisationStatus) {
  let status = initial;
  server.use(
    api.get('/api/v1/organisations/{id}/coalitions', ({ response }) => response(200).json([water(status)])),
    api.post('/api/v1/coalitions/{id}/organisations/{organisationId}/accept', ({ response }) => { status = 'active'; return response(204).empty(); }),
    // A declined invitation stays in the organisation's list as "left"; the coalition drops it.
    api.post('/api/v1/coalitions/{id}/organisations/{organisationId}/decline', ({ response }) => { status = 'left'; return response(204).empty(); }),
    api.delete('/api/v1/coalitions/{id}/organisations/{organisationId}', ({ response }) => { status = 'left'; return response(204).empty(); }),
    api.get('/api/v1/coalitions/{id}/organisations', ({ response }) =>
      response(200).json({ items: status === 'left' ? [] : [land(status)], nextCursor: null })),
  );
}

describe('OrganisationCoalitions', () => {
  it('accepts an invitation, and both the organisation\'s coalitions and the coalition\'s organisations are read again', async () => {
    signedIn();
    organisationSide('invited');
    const sent = recordRequests();
    renderAt(<>
      <OrganisationCoalitions organisationId="o1" yourRole="coordinator" />
      <CoalitionOrganisations coalitionId="c1" />
    </>);

    const ours = await screen.findByRole('region', { name: 'Coalitions' });
    const theirs = await screen.findByRole('region', { name: 'Member organisations' });
    expect(await within(ours).findByText(/Invited/)).toBeTruthy();
    expect(within(theirs).getByText(/Invited/)).toBeTruthy();
    expect(within(ours).queryByRole('link', { name: 'Coalición por el Agua' })).toBeNull();
    within(ours).getByRole('button', { name: 'Accept the invitation to join Coalición por el Agua' }).focus();
    await userEvent.keyboard('{Enter}');

    expect((await within(ours).findByRole('link', { name: 'Coalición por el Agua' })).getAttribute('href')).toBe('/coalitions/c1');
    expect(within(ours).getByText(/Active/)).toBeTruthy();
    await waitFor(() => expect(within(theirs).getByText(/Active/)).toBeTruthy());
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/v1/coalitions/c1/organisations/o1/accept']);
  });

  it('declines an invitation: the coalition stays listed as left, without buttons', async () => {
    signedIn();
    organisationSide('invited');
    renderAt(<OrganisationCoalitions organisationId="o1" yourRole="coordinator" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Decline the invitation to join Coalición por el Agua' }));

    expect(await screen.findByText(/Left/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Coalición por el Agua' })).toBeNull();
  });

  it('leaves an active coalition only after confirmation', async () => {
    signedIn();
    organisationSide('active');
    const sent = recordRequests();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderAt(<OrganisationCoalitions organisationId="o1" yourRole="coordinator" />);

    const leave = await screen.findByRole('button', { name: 'Leave the coalition Coalición por el Agua' });
    await userEvent.click(leave);
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    await userEvent.click(leave);

    await waitFor(() => expect(screen.getByText(/Left/)).toBeTruthy());
    expect(confirm).toHaveBeenCalledWith('Take this organisation out of Coalición por el Agua?');
    expect(screen.queryByRole('button', { name: /Leave the coalition/ })).toBeNull();
  });

  it('shows members the list without buttons, in Spanish too', async () => {
    signedIn();
    organisationSide('invited');
    renderAt(<OrganisationCoalitions organisationId="o1" yourRole="member" />, { locale: 'es' });

    expect(await screen.findByRole('heading', { name: 'Coaliciones' })).toBeTruthy();
    expect(await screen.findByText(/Invitada/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
