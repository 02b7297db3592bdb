import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LiveSessionDetails, LiveSessionSummary } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { ForumSessions } from './ForumSessions';

const summary = (id: string, title: string): LiveSessionSummary => ({ id, title, startsAt: '2026-03-01T10:00:00Z', status: 'scheduled' });

describe('ForumSessions', () => {
  it('schedules a session once per submit, and the list shows it without reloading the page', async () => {
    signedIn();
    const listed = [summary('s1', 'Asamblea de marzo')];
    server.use(
      api.get('/api/v1/forums/{forumId}/sessions', ({ response }) => response(200).json(listed)),
      api.post('/api/v1/forums/{forumId}/sessions', async ({ request, response }) => {
        const body = await request.json();
        listed.push(summary('s2', body.title));
        const created: LiveSessionDetails = {
          id: 's2', forumId: 'f1', title: body.title, description: null, startsAt: body.startsAt ?? '', endsAt: body.endsAt ?? '',
          timeZone: body.timeZone ?? 'UTC', languages: [], status: 'scheduled', agenda: [], currentItem: -1, itemEndsAt: null,
          coFacilitators: [], yourRole: 'facilitator', sequence: 0,
        };
        return response(201).json(created);
      }),
    );
    const sent = recordRequests();
    renderAt(<ForumSessions forumId="f1" yourRole="coordinator" />);

    await screen.findByText('Asamblea de marzo');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Plenario de abril' } });
    fireEvent.change(screen.getByLabelText('Item 1: title'), { target: { value: 'Bienvenida' } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));

    await screen.findByText('Plenario de abril');
    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].headers.get('Idempotency-Key')).toBeTruthy();
    expect(posts[0].body).toMatchObject({ title: 'Plenario de abril', agenda: [{ title: 'Bienvenida', format: 'plenary', plannedMinutes: 10 }] });
    expect(sent.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('shows the validation messages of a refused schedule at their fields', async () => {
    signedIn();
    server.use(
      api.get('/api/v1/forums/{forumId}/sessions', ({ response }) => response(200).json([])),
      api.post('/api/v1/forums/{forumId}/sessions', ({ response }) =>
        response(400).json({ ...problem(400, 'request.validation', 'One or more fields are invalid.'), errors: { title: ['The title is required.'] } })),
    );
    renderAt(<ForumSessions forumId="f1" yourRole="coordinator" />);

    await screen.findByText('No sessions scheduled yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));

    await waitFor(() => expect(screen.getAllByText('The title is required.').length).toBeGreaterThan(0));
  });

  it('asks nothing for someone who is not a member', () => {
    const sent = recordRequests();
    renderAt(<ForumSessions forumId="f1" yourRole={null} />);

    expect(sent).toHaveLength(0);
    expect(screen.queryByText('Live sessions')).toBeNull();
  });
});
