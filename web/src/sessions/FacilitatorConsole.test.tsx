import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { FacilitatorConsole } from './FacilitatorConsole';
import { Presence } from './Presence';
import { SessionAudit } from './SessionAudit';
import type { LiveSessionDetails, LiveSessionView } from '../generated/hub';

const details: LiveSessionDetails = {
  id: 's1', forumId: 'f1', title: 'Asamblea', description: null, startsAt: '2026-01-01T10:00:00Z', endsAt: '2026-01-01T12:00:00Z',
  timeZone: 'UTC', languages: [], status: 'running', currentItem: 0, itemEndsAt: null, coFacilitators: [], yourRole: 'facilitator', sequence: 5,
  agenda: [
    { id: 'i1', title: 'Bienvenida', format: 'plenary', plannedMinutes: 5 },
    { id: 'i2', title: 'Salas', format: 'breakout', plannedMinutes: 10, breakout: { rooms: 3, mode: 'random' } },
    { id: 'i3', title: '¿Cuándo?', format: 'poll', plannedMinutes: 5, poll: { options: ['Marzo', 'Abril'], multipleChoice: false, anonymous: false } },
  ],
};

const person = (personId: string, name: string, role: 'participant' | 'facilitator' = 'participant') => ({ personId, name, role, organisations: [] });
const view: LiveSessionView = {
  details, sequence: 5, present: [person('p1', 'Ana', 'facilitator'), person('p2', 'Kofi'), person('p3', 'Layla')],
  organisations: [], muted: [], items: [],
};

describe('Presence', () => {
  it('lets facilitators appoint a participant, and remove one only after confirming', async () => {
    const call = vi.fn().mockResolvedValue(6);
    renderAt(<Presence view={{ ...view, details: { ...details, coFacilitators: ['p3'] } }} facilitator call={call} />);

    expect(screen.queryByRole('button', { name: 'Make Layla co-facilitator' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Make Kofi co-facilitator' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('AppointCoFacilitator', 'p2'));

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Kofi from the session' }));
    expect(call).not.toHaveBeenCalledWith('RemoveParticipant', 'p2');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Kofi from the session' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('RemoveParticipant', 'p2'));
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});

describe('FacilitatorConsole', () => {
  it('sends the items after the current one, unchanged but for the next breakout\'s rooms and mode', async () => {
    signedIn('p1');
    server.use(api.put('/api/v1/live-sessions/{id}/agenda', ({ params, response }) => response(200).json({ ...details, id: params.id })));
    const calls = recordRequests();
    renderAt(<FacilitatorConsole details={details} call={vi.fn()} />);

    fireEvent.change(screen.getByLabelText('Number of rooms'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('How to split people'), { target: { value: 'organisations-apart' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save breakout settings' }));

    await screen.findByText('Saved: 2 rooms, organisations apart.');
    expect(calls[0].headers.get('Authorization')).toBe('Bearer nht_test');
    expect(calls[0].body).toEqual({
      items: [
        { id: 'i2', title: 'Salas', format: 'breakout', plannedMinutes: 10, breakout: { rooms: 2, mode: 'organisations-apart' } },
        { id: 'i3', title: '¿Cuándo?', format: 'poll', plannedMinutes: 5, poll: { options: ['Marzo', 'Abril'], multipleChoice: false, anonymous: false } },
      ],
    });
  });
});

describe('ProposeToCommittee', () => {
  const breakout = { ...details, currentItem: 1 };
  const room = { id: 'r1', name: 'Sala 1', members: ['p2', 'p3'], rapporteur: 'p2', endsAt: '2026-01-01T10:30:00Z', summary: 'Mapear las parcelas juntas' };
  const origin = { sessionId: 's1', itemId: 'i2', sourceKind: 'summary' as const, sourceId: 'r1', quote: room.summary };

  it('proposes a room\'s summary to the forum\'s committee as a draft motion, once per submit', async () => {
    signedIn('p1');
    server.use(
      api.get('/api/v1/forums/{id}/committees', ({ response }) => response(200).json([
        { space: { kind: 'committee', id: 'c1' }, name: 'Comité de dirección', visibility: 'private', yourRole: 'coordinator', parent: { kind: 'forum', id: 'f1' } },
      ])),
      api.post('/api/v1/live-sessions/{id}/proposals', ({ response }) => response(201).json({
        proposalId: 'pr1', committeeId: 'c1', kind: 'motion', title: 'Salas', text: room.summary, origin, status: 'draft',
        meetingId: null, motionId: null, actionItemId: null, decisionNumber: null, proposedBy: 'p1', proposedAt: '2026-01-01T10:31:00Z',
      })),
    );
    const calls = recordRequests();
    renderAt(<FacilitatorConsole details={breakout} call={vi.fn()} rooms={[room]} />);

    fireEvent.click(screen.getByRole('button', { name: 'Propose to a committee' }));
    expect(await screen.findByRole('option', { name: 'Comité de dirección' })).toBeDefined();
    expect(screen.getByLabelText('From')).toHaveProperty('value', 'room:r1');
    fireEvent.click(screen.getByRole('button', { name: 'Propose' }));

    await screen.findByText('Draft motion proposed: Salas. The chair or secretary puts it on a meeting.');
    const posted = calls.filter((c) => c.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0].path).toBe('/api/v1/live-sessions/s1/proposals');
    expect(posted[0].headers.get('Idempotency-Key')).toBeTruthy();
    expect(posted[0].body).toEqual({ committeeId: 'c1', kind: 'motion', source: { kind: 'summary', itemId: 'i2', roomId: 'r1' } });
  });

  it('shows the server\'s refusal in words', async () => {
    signedIn('p1');
    server.use(
      api.get('/api/v1/forums/{id}/committees', ({ response }) => response(200).json([
        { space: { kind: 'committee', id: 'c1' }, name: 'Comité', visibility: 'public', yourRole: 'member', parent: { kind: 'forum', id: 'f1' } },
      ])),
      api.post('/api/v1/live-sessions/{id}/proposals', ({ response }) => response(403).json(problem(403, 'committee.not-running-meetings'))),
    );
    renderAt(<FacilitatorConsole details={details} call={vi.fn()} />);

    fireEvent.click(screen.getByRole('button', { name: 'Propose to a committee' }));
    await screen.findByRole('option', { name: 'Comité' });
    fireEvent.change(screen.getByLabelText('As'), { target: { value: 'action-item' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose' }));

    expect(await screen.findByText('Only the chair, the secretary or a coordinator may do this.')).toBeDefined();
  });
});

describe('SessionAudit', () => {
  const entry = (sequence: number, action: string, subjectId: string | null, detail: string | null) =>
    ({ sequence, at: '2026-01-01T10:00:00Z', actorPersonId: 'p1', actorOrganisationId: null, action, subjectId, detail });
  // Two pages: the first says where the next one starts.
  const answersPages = api.get('/api/v1/live-sessions/{id}/audit', ({ query, response }) => response(200).json(query.get('after') === null
    ? { entries: [entry(1, 'live-session.status-changed', null, 'Running'), entry(2, 'live-session.participant-removed', 'p2', null)], nextAfter: 2 }
    : { entries: [entry(3, 'live-session.status-changed', null, 'Closed')], nextAfter: null }));

  it('loads when shown, with actions, people and statuses in words, and the next page on asking', async () => {
    signedIn('p1');
    server.use(answersPages);
    const calls = recordRequests();
    renderAt(<SessionAudit sessionId="s1" names={new Map([['p1', 'Ana'], ['p2', 'Kofi']])} changes="" />, { locale: 'es' });

    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Mostrar el registro de auditoría' }));
    const log = await screen.findByRole('list', { name: 'Registro de auditoría de la sesión' });
    await waitFor(() => expect(log.textContent).toContain('Participante expulsada: Kofi'));
    expect(log.textContent).toContain('Estado de la sesión cambiado · En curso');

    fireEvent.click(await screen.findByRole('button', { name: 'Mostrar más' }));
    await waitFor(() => expect(log.querySelectorAll('li')).toHaveLength(3));
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/live-sessions/s1/audit?limit=50', '/api/v1/live-sessions/s1/audit?after=2&limit=50']);
    expect(screen.queryByRole('button', { name: 'Mostrar más' })).toBeNull();
  });
});
