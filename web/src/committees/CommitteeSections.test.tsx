import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SpaceRole } from '../generated/openapi';
import { api, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { SpacePage } from '../spaces/SpacePage';
import { committee, committeeId, people, personNames, seat } from './testData';

function committeeApi(yourRole: SpaceRole | null) {
  personNames();
  server.use(
    api.get('/api/v1/committees/{id}', ({ response }) => response(200).json(committee(yourRole))),
    api.get('/api/v1/committees/{id}/seats', ({ response }) => response(200).json([seat()])),
    api.get('/api/v1/me/spaces', ({ response }) => response(200).json([])),
  );
}

const tabs = () => [...within(screen.getByRole('navigation', { name: 'Sections' })).getAllByRole('link')].map((a) => a.textContent);

describe('committee sections on the space page', () => {
  it('gives the committee\'s people its tabs, and opens each at its address', async () => {
    signedIn(people.representative);
    committeeApi('member');
    renderAt(<SpacePage kind="committee" />, { url: `/committees/${committeeId}/rules`, path: '/committees/:id/*' });

    expect(await screen.findByRole('heading', { level: 2, name: 'Rules' })).toBeTruthy();
    expect(tabs()).toEqual(['Overview', 'Rules and offices', 'Seats', 'Meetings', 'Decisions', 'Action items', 'Proposals', 'Documents', 'Publications']);
    await userEvent.click(screen.getByRole('link', { name: 'Seats' }));

    expect(await screen.findByRole('link', { name: 'Red de la Tierra' })).toBeTruthy();
  });

  it('shows the rules and offices to someone outside, and no tabs that would be refused', async () => {
    committeeApi(null);
    renderAt(<SpacePage kind="committee" />, { url: `/committees/${committeeId}/rules`, path: '/committees/:id/*' });

    expect(await screen.findByText('More than 50 % of the votes present')).toBeTruthy();
    expect(tabs()).toEqual(['Overview', 'Rules and offices']);
  });
});
