import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OrganisationCoalition } from '../api/types';
import { fakeApi, on, renderAt, signedIn } from '../testing/render';
import { OrganisationCoalitions } from './OrganisationCoalitions';

const list = '/api/v1/organisations/o1/coalitions';
const water = (status: OrganisationCoalition['status']): OrganisationCoalition =>
  ({ coalitionId: 'c1', name: 'Coalición por el Agua', status, since: '2026-11-01T10:00:00Z' });

describe('OrganisationCoalitions', () => {
  it('lets a coordinator accept an invitation, after which the coalition is linked', async () => {
    signedIn();
    let coalitions = [water('invited')];
    const calls = fakeApi(
      on('GET', list, () => ({ body: coalitions })),
      on('POST', '/api/v1/coalitions/c1/organisations/o1/accept', () => { coalitions = [water('active')]; return { status: 204 }; }),
    );
    renderAt(<OrganisationCoalitions organisationId="o1" yourRole="coordinator" />);

    expect(await screen.findByText(/Invited/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Coalición por el Agua' })).toBeNull();
    screen.getByRole('button', { name: 'Accept the invitation to join Coalición por el Agua' }).focus();
    await userEvent.keyboard('{Enter}');

    expect((await screen.findByRole('link', { name: 'Coalición por el Agua' })).getAttribute('href')).toBe('/coalitions/c1');
    expect(screen.getByText(/Active/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/v1/coalitions/c1/organisations/o1/accept']);
  });

  it('declines an invitation', async () => {
    signedIn();
    let coalitions = [water('invited')];
    fakeApi(
      on('GET', list, () => ({ body: coalitions })),
      on('POST', '/api/v1/coalitions/c1/organisations/o1/decline', () => { coalitions = []; return { status: 204 }; }),
    );
    renderAt(<OrganisationCoalitions organisationId="o1" yourRole="coordinator" />);

    await userEvent.click(await screen.findByRole('button', { name: 'Decline the invitation to join Coalición por el Agua' }));
    expect(await screen.findByText('This organisation is not in any coalition yet.')).toBeTruthy();
  });

  it('leaves an active coalition only after confirmation', async () => {
    signedIn();
    let coalitions = [water('active')];
    const calls = fakeApi(
      on('GET', list, () => ({ body: coalitions })),
      on('DELETE', '/api/v1/coalitions/c1/organisations/o1', () => { coalitions = [water('left')]; return { status: 204 }; }),
    );
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderAt(<OrganisationCoalitions organisationId="o1" yourRole="coordinator" />);

    const leave = await screen.findByRole('button', { name: 'Leave the coalition Coalición por el Agua' });
    await userEvent.click(leave);
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(leave);

    await waitFor(() => expect(screen.getByText(/Left/)).toBeTruthy());
    expect(confirm).toHaveBeenCalledWith('Take this organisation out of Coalición por el Agua?');
    expect(screen.queryByRole('button', { name: /Leave the coalition/ })).toBeNull();
  });

  it('shows members the list without buttons, in Spanish too', async () => {
    signedIn();
    fakeApi(on('GET', list, { body: [water('invited')] }));
    renderAt(<OrganisationCoalitions organisationId="o1" yourRole="member" />, { locale: 'es' });

    expect(await screen.findByRole('heading', { name: 'Coaliciones' })).toBeTruthy();
    expect(await screen.findByText(/Invitada/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
