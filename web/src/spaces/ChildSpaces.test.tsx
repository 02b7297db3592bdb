import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { WorkingGroupDetails } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { ChildSpaces } from './ChildSpaces';

const created: WorkingGroupDetails = {
  id: 'w1', parent: { kind: 'organisation', id: 'o1' }, name: 'Riego', purpose: null, visibility: 'members-only', version: 1,
  createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', yourRole: 'coordinator', openToMemberOrganisations: false,
};

function Where() {
  return <p>at {useLocation().pathname}</p>;
}

describe('ChildSpaces', () => {
  it('retries a failed create with the same idempotency key, then opens the new working group', async () => {
    signedIn();
    let attempts = 0;
    server.use(
      api.get('/api/v1/organisations/{id}/working-groups', ({ response }) => response(200).json([])),
      api.post('/api/v1/organisations/{id}/working-groups', ({ response }) => {
        attempts += 1;
        return attempts === 1 ? response(503).json(problem(503, 'service.unavailable')) : response(201).json(created);
      }),
      api.get('/api/v1/me/spaces', ({ response }) => response(200).json([])),
    );
    const sent = recordRequests();
    renderAt(
      <Routes>
        <Route path="/organisations/o1" element={<ChildSpaces parent={{ kind: 'organisation', id: 'o1' }} childKind="working-group" yourRole="member" visibility="public" />} />
        <Route path="*" element={<Where />} />
      </Routes>,
      { url: '/organisations/o1' },
    );

    expect(await screen.findByText('None yet.')).toBeTruthy();
    await userEvent.click(screen.getByText('Create a working group'));
    await userEvent.type(screen.getByLabelText('Name'), 'Riego');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('at /working-groups/w1')).toBeTruthy();
    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0].headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1].headers.get('Idempotency-Key')).toBe(posts[0].headers.get('Idempotency-Key'));
    expect(posts[1].body).toEqual({ name: 'Riego', visibility: 'members-only', purpose: null });
  });

  it('lists forums with links, and offers members no form: only coordinators start forums', async () => {
    signedIn();
    server.use(api.get('/api/v1/coalitions/{id}/forums', ({ response }) => response(200).json([
      { space: { kind: 'forum', id: 'f1' }, name: 'Foro de tierras', visibility: 'public', yourRole: null, parent: { kind: 'coalition', id: 'c1' } },
    ])));
    renderAt(<ChildSpaces parent={{ kind: 'coalition', id: 'c1' }} childKind="forum" yourRole="member" visibility="public" />);

    expect((await screen.findByRole('link', { name: 'Foro de tierras' })).getAttribute('href')).toBe('/forums/f1');
    expect(screen.queryByText('Create a forum')).toBeNull();
  });
});
