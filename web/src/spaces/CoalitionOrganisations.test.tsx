import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CoalitionOrganisation, MemberOrganisationRole } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { CoalitionOrganisations } from './CoalitionOrganisations';

const organisation = (id: string, name: string, peopleRole: MemberOrganisationRole = 'observer'): CoalitionOrganisation => ({
  organisationId: id, name, status: 'active', since: '2026-11-01T10:00:00Z', peopleRole, kind: 'civil-society-organisation', country: 'CO', region: null,
});

describe('CoalitionOrganisations', () => {
  it('reads the next page with the cursor the server gave', async () => {
    server.use(api.get('/api/v1/coalitions/{id}/organisations', ({ query, response }) =>
      query.get('cursor') === 'page-2'
        ? response(200).json({ items: [organisation('o2', 'Mujeres del Río')], nextCursor: null })
        : response(200).json({ items: [organisation('o1', 'Red de la Tierra')], nextCursor: 'page-2' })));
    const sent = recordRequests();
    renderAt(<CoalitionOrganisations coalitionId="c1" />);

    expect(await screen.findByRole('link', { name: 'Red de la Tierra' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show more organisations' }));

    expect(await screen.findByRole('link', { name: 'Mujeres del Río' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Red de la Tierra' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more organisations' })).toBeNull();
    expect(sent.map((r) => r.path)).toEqual(['/api/v1/coalitions/c1/organisations?limit=100', '/api/v1/coalitions/c1/organisations?limit=100&cursor=page-2']);
  });

  it('is not shown to someone who may not see the organisations', async () => {
    server.use(api.get('/api/v1/coalitions/{id}/organisations', ({ response }) => response(403).json(problem(403, 'space.contents-hidden'))));
    const sent = recordRequests();
    renderAt(<CoalitionOrganisations coalitionId="c1" />);

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(screen.queryByRole('heading', { name: 'Member organisations' })).toBeNull();
  });

  it('lets a coordinator change the role of an organisation\'s people, and lists the role the server now has', async () => {
    signedIn();
    let role: MemberOrganisationRole = 'observer';
    server.use(
      api.get('/api/v1/coalitions/{id}/organisations', ({ response }) => response(200).json({ items: [organisation('o1', 'Red de la Tierra', role)], nextCursor: null })),
      api.put('/api/v1/coalitions/{id}/organisations/{organisationId}/role', async ({ request, response }) => {
        role = (await request.json()).peopleRole ?? role;
        return response(204).empty();
      }),
      api.get('/api/v1/me/spaces', ({ response }) => response(200).json([])),
    );
    const sent = recordRequests();
    renderAt(<CoalitionOrganisations coalitionId="c1" yourRole="coordinator" />);

    expect(await screen.findByText(/its people: observer/)).toBeTruthy();
    const row = screen.getByRole('link', { name: 'Red de la Tierra' }).closest('li')!;
    await userEvent.selectOptions(within(row).getByLabelText('Role of the people of Red de la Tierra'), 'member');
    await userEvent.click(within(row).getByRole('button', { name: 'Change role' }));

    expect(await screen.findByText(/its people: member/)).toBeTruthy();
    expect(sent.find((r) => r.method === 'PUT')).toMatchObject({ path: '/api/v1/coalitions/c1/organisations/o1/role', body: { peopleRole: 'member' } });
  });

  it('invites an organisation found in the directory, which the list then shows as invited', async () => {
    signedIn();
    let members: CoalitionOrganisation[] = [];
    server.use(
      api.get('/api/v1/coalitions/{id}/organisations', ({ response }) => response(200).json({ items: members, nextCursor: null })),
      api.get('/api/v1/organisations', ({ response }) => response(200).json({
        items: [{ id: 'o9', name: 'Colectivo Semilla', kind: 'civil-society-organisation', country: 'PE', region: null, topics: [], visibility: 'public', summary: null }],
        nextCursor: null,
      })),
      api.post('/api/v1/coalitions/{id}/organisations', async ({ request, response }) => {
        const body = await request.json();
        members = [{ ...organisation(body.organisationId ?? '', 'Colectivo Semilla', body.peopleRole), status: 'invited' }];
        return response(204).empty();
      }),
    );
    const sent = recordRequests();
    renderAt(<CoalitionOrganisations coalitionId="c1" yourRole="coordinator" />);

    expect(await screen.findByText('No organisations yet.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Find an organisation by name'), 'Semilla');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await userEvent.selectOptions(screen.getByLabelText('Role of its people here'), 'member');
    await userEvent.click(await screen.findByRole('button', { name: 'Invite Colectivo Semilla to this coalition' }));

    expect(await screen.findByText('Colectivo Semilla was invited. Its coordinators can now accept.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Colectivo Semilla' })).toBeTruthy();
    // The search result now says what became of it instead of offering a second invitation.
    expect(screen.queryByRole('button', { name: 'Invite Colectivo Semilla to this coalition' })).toBeNull();
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ organisationId: 'o9', peopleRole: 'member' });
    expect(sent.find((r) => r.path.startsWith('/api/v1/organisations?'))!.path).toBe('/api/v1/organisations?q=Semilla&limit=10');
  });
});
