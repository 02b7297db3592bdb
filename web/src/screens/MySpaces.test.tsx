import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SpaceSummary } from '../generated/openapi';
import { api, problem, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { MySpaces } from './MySpaces';

const org = '0190f000-0000-7000-8000-00000000000a';
const forum = '0190f000-0000-7000-8000-00000000000f';
const mine: SpaceSummary[] = [
  { space: { kind: 'forum', id: forum }, name: 'Foro del agua', visibility: 'members-only', yourRole: 'member', parent: { kind: 'coalition', id: 'c1' } },
  { space: { kind: 'organisation', id: org }, name: 'Red Campesina', visibility: 'public', yourRole: 'coordinator', parent: null },
  { space: { kind: 'coalition', id: 'c1' }, name: 'Alianza', visibility: 'public', yourRole: null, parent: null },
];

describe('MySpaces', () => {
  it('groups the spaces by kind, names the parent, and lists the sessions of forums the person belongs to', async () => {
    signedIn();
    server.use(
      api.get('/api/v1/me/spaces', ({ response }) => response(200).json(mine)),
      api.get('/api/v1/forums/{forumId}/sessions', ({ params, response }) => response(200).json(params.forumId === forum
        ? [{ id: '0190f000-0000-7000-8000-000000000051', title: 'Asamblea', startsAt: '2999-01-01T10:00:00Z', status: 'scheduled' }]
        : [])),
    );
    renderAt(<MySpaces />);

    expect(await screen.findByRole('link', { name: 'Asamblea' })).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Upcoming sessions', 'Organisations', 'Coalitions', 'Forums']);
    const forums = screen.getByRole('region', { name: 'Forums' });
    expect(within(forums).getByRole('link', { name: 'Foro del agua' }).getAttribute('href')).toBe(`/forums/${forum}`);
    expect(within(forums).getByText('Alianza')).toBeTruthy();
  });

  it('says why when the list cannot be read', async () => {
    signedIn();
    server.use(api.get('/api/v1/me/spaces', ({ response }) => response(503).json(problem(503, 'service.unavailable', 'Try again shortly.'))));
    renderAt(<MySpaces />);

    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText(/You do not belong to any space yet/)).toBeNull();
  });
});
