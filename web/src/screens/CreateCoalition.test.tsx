import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CoalitionDetails, CoalitionRequest, SpaceSummary } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { CreateCoalition } from './CreateCoalition';
import { MySpaces } from './MySpaces';

const created = (body: CoalitionRequest): CoalitionDetails => ({
  id: '0190f000-0000-7000-8000-0000000000c1', name: body.name, description: body.description, country: body.country, region: body.region,
  topics: body.topics ?? [], visibility: body.visibility ?? 'public', version: 1, createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z', yourRole: 'coordinator', kind: body.kind ?? 'network',
  coordinatorsSeeChildSpaces: body.coordinatorsSeeChildSpaces ?? true,
});

function Opened() {
  return <><p>at {useLocation().pathname}</p><Link to="/spaces">back</Link></>;
}

describe('CreateCoalition', () => {
  it('sends the same Idempotency-Key when a failed submit is retried, and never an id of its own', async () => {
    signedIn();
    let answers = 0;
    server.use(api.post('/api/v1/coalitions', async ({ request, response }) => (answers++ === 0
      ? response(503).json(problem(503, 'service.unavailable', 'Try again shortly.'))
      : response(201).json(created(await request.json())))));
    const sent = recordRequests();
    renderAt(<CreateCoalition />);

    await userEvent.type(screen.getByLabelText('Name'), 'Paz');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(sent).toHaveLength(2));
    const [first, retry] = sent;
    expect(first.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
    expect(first.body).not.toHaveProperty('id');
    expect(retry.body).toEqual(first.body);
  }, 15_000);

  it('sends the kind and whether coordinators see inside its spaces', async () => {
    signedIn();
    server.use(api.post('/api/v1/coalitions', async ({ request, response }) => response(201).json(created(await request.json()))));
    const sent = recordRequests();
    renderAt(<CreateCoalition />);

    await userEvent.type(screen.getByLabelText('Name'), 'Parceria');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'partnership');
    await userEvent.click(screen.getByLabelText('Coordinators see inside its working groups and forums'));
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].body).toMatchObject({ name: 'Parceria', kind: 'partnership', coordinatorsSeeChildSpaces: false });
  }, 15_000);

  it('opens the new coalition, and My spaces lists it at once because the create refreshed it', async () => {
    signedIn();
    const mine: SpaceSummary[] = [];
    server.use(
      api.get('/api/v1/me/spaces', ({ response }) => response(200).json(mine)),
      api.post('/api/v1/coalitions', async ({ request, response }) => {
        const coalition = created(await request.json());
        mine.push({ space: { kind: 'coalition', id: coalition.id }, name: coalition.name, visibility: coalition.visibility, yourRole: 'coordinator', parent: null });
        return response(201).json(coalition);
      }),
    );
    renderAt(
      <Routes>
        <Route path="/spaces" element={<MySpaces />} />
        <Route path="/coalitions/new" element={<CreateCoalition />} />
        <Route path="*" element={<Opened />} />
      </Routes>,
      { url: '/spaces' },
    );

    expect(await screen.findByText(/You do not belong to any space yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: 'Create a coalition' }));
    await userEvent.type(await screen.findByLabelText('Name'), 'Paz');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('at /coalitions/0190f000-0000-7000-8000-0000000000c1')).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: 'back' }));

    expect(await screen.findByRole('link', { name: 'Paz' })).toBeTruthy();
    expect(screen.queryByText(/You do not belong to any space yet/)).toBeNull();
  }, 15_000);
});
