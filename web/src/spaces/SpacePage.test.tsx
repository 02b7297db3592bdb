import { useQuery } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { queries } from '../api/queries';
import type { CoalitionDetails, OrganisationDetails, SpaceRole, SpaceSummary } from '../generated/openapi';
import { api, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { SpacePage } from './SpacePage';

const organisation = (yourRole: SpaceRole | null): OrganisationDetails => ({
  id: 'o1', name: 'منظمة الأرض', kind: 'civil-society-organisation', country: 'SN', region: 'Dakar', topics: ['land'],
  description: 'Línea uno\nسطر ثان', website: 'https://land.example', visibility: 'public', version: 1,
  createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', yourRole, requireTwoFactor: false,
});

function organisationApi(yourRole: SpaceRole | null) {
  server.use(
    api.get('/api/v1/organisations/{id}', ({ response }) => response(200).json(organisation(yourRole))),
    api.get('/api/v1/organisations/{id}/working-groups', ({ response }) => response(200).json([])),
    api.get('/api/v1/organisations/{id}/coalitions', ({ response }) => response(200).json([])),
    api.get('/api/v1/organisations/{id}/members', ({ response }) =>
      response(200).json([{ personId: 'p1', name: 'Ana', role: yourRole ?? 'member', since: '2026-11-01T10:00:00Z' }])),
  );
}

describe('SpacePage', () => {
  it('gives coordinators the management tabs, API keys included for organisations', async () => {
    signedIn('p1');
    organisationApi('coordinator');
    renderAt(<SpacePage kind="organisation" />, { url: '/organisations/o1', path: '/organisations/:id/*' });

    const title = await screen.findByRole('heading', { level: 1, name: 'منظمة الأرض' });
    expect(title.getAttribute('dir')).toBe('auto');
    const tabs = screen.getByRole('navigation', { name: 'Sections' });
    expect([...tabs.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Overview', 'Documents', 'Publications', 'Invitations and requests', 'Audit log', 'API keys']);
    expect(await screen.findByText('Ana')).toBeTruthy();
    expect(screen.getByText('سطر ثان').getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('link', { name: 'https://land.example' }).getAttribute('rel')).toContain('noopener');
  });

  it('hides the management tabs from members and says the page is for coordinators', async () => {
    signedIn('p1');
    organisationApi('member');
    renderAt(<SpacePage kind="organisation" />, { url: '/organisations/o1/audit', path: '/organisations/:id/*' });

    expect(await screen.findByText('Only coordinators can see this.')).toBeTruthy();
    const tabs = screen.getByRole('navigation', { name: 'Sections' });
    expect([...tabs.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Overview', 'Documents', 'Publications']);
  });

  it('says when the space does not exist or is not visible', async () => {
    signedIn('p1');
    server.use(api.get('/api/v1/organisations/{id}', ({ response }) =>
      response(404).json({ status: 404, code: 'space.not-found', detail: 'Not found.', title: null, type: null, instance: null })));
    renderAt(<SpacePage kind="organisation" />, { url: '/organisations/o1', path: '/organisations/:id/*' });

    expect((await screen.findByRole('alert')).textContent).toBe('This space does not exist, or you may not see it.');
  });

  it('after leaving, reads the space and the person\'s own spaces again', async () => {
    signedIn('p1');
    let role: SpaceRole | null = 'member';
    const coalition = (): CoalitionDetails => ({
      id: 'c1', name: 'Coalición por el Agua', description: null, country: 'CO', region: null, topics: [], visibility: 'public', version: 3,
      createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', yourRole: role, kind: 'network', coordinatorsSeeChildSpaces: false,
    });
    const mine = (): SpaceSummary[] => (role ? [{ space: { kind: 'coalition', id: 'c1' }, name: 'Coalición por el Agua', visibility: 'public', yourRole: role, parent: null }] : []);
    server.use(
      api.get('/api/v1/coalitions/{id}', ({ response }) => response(200).json(coalition())),
      api.get('/api/v1/coalitions/{id}/organisations', ({ response }) => response(200).json({ items: [], nextCursor: null })),
      api.get('/api/v1/coalitions/{id}/working-groups', ({ response }) => response(200).json([])),
      api.get('/api/v1/coalitions/{id}/forums', ({ response }) => response(200).json([])),
      api.get('/api/v1/coalitions/{id}/members', ({ response }) => response(200).json([])),
      api.get('/api/v1/me/spaces', ({ response }) => response(200).json(mine())),
      api.post('/api/v1/coalitions/{id}/leave', ({ response }) => { role = null; return response(204).empty(); }),
    );
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const sent = recordRequests();
    // Stands for the navigation's list of the person's spaces, which shares the cache.
    function MySpaces() {
      const spaces = useQuery(queries.mySpaces());
      return <p>{spaces.data ? `You belong to ${spaces.data.length} spaces.` : null}</p>;
    }
    renderAt(<><MySpaces /><SpacePage kind="coalition" /></>, { url: '/coalitions/c1', path: '/coalitions/:id/*' });

    expect(await screen.findByText(/Your role: member/)).toBeTruthy();
    expect(await screen.findByText('You belong to 1 spaces.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Leave' }));

    expect(await screen.findByText(/You are not a member/)).toBeTruthy();
    expect(await screen.findByText('You belong to 0 spaces.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ask to join' })).toBeTruthy();
    expect(sent.filter((r) => r.path === '/api/v1/coalitions/c1')).toHaveLength(2);
  });
});
