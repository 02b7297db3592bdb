import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CommitteeDetails, Seat } from '../generated/openapi';
import type { MeetingEvent, MeetingStanding, MeetingView } from '../generated/hub';
import { api, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import MeetingRoom from './MeetingRoom';

// The hub connection is faked: each room's client is kept here, to send it messages and see what it was asked.
interface FakeHub {
  invoked: [string, ...unknown[]][];
  emit(event: string, payload: unknown): void;
  reconnect(): void;
}
const hubs = vi.hoisted(() => [] as FakeHub[]);

vi.mock('../sessions/liveSessionClient', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../sessions/liveSessionClient')>();
  class FakeLiveSessionClient implements FakeHub {
    invoked: [string, ...unknown[]][] = [];
    private handlers = new Map<string, ((payload: unknown) => void)[]>();
    private connected = false;
    constructor(private readonly options: { onStateChange?: (state: string) => void }) { hubs.push(this); }
    get status() { return this.connected ? 'connected' : 'disconnected'; }
    async start() { this.connected = true; this.options.onStateChange?.('connected'); }
    async stop() { this.connected = false; }
    on(event: string, handler: (payload: unknown) => void) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
      return () => undefined;
    }
    private reconnected: (() => void)[] = [];
    onReconnected(handler: () => void) { this.reconnected.push(handler); }
    reconnect() { for (const handler of this.reconnected) handler(); }
    async invoke(method: string, ...args: unknown[]) {
      this.invoked.push([method, ...args]);
      return { meetingId: args[0], sequence: 10 };
    }
    emit(event: string, payload: unknown) { for (const handler of this.handlers.get(event) ?? []) handler(payload); }
  }
  return { ...actual, LiveSessionClient: FakeLiveSessionClient };
});

const seatA = '00000000-0000-7000-8000-00000000000a';
const seatB = '00000000-0000-7000-8000-00000000000b';
const seat = (seatId: string, organisationName: string): Seat => ({
  seatId, organisationId: `${seatId}-o`, organisationName, kind: 'founding-partner', status: 'active', termStart: '2026-01-01T00:00:00Z',
  termEnd: null, allotment: 1, representative: null, alternate: null, invitedAt: '2026-01-01T00:00:00Z', votes: true,
});
const committee: CommitteeDetails = {
  id: 'c1', parent: { kind: 'coalition', id: 'k1' }, name: 'Comité de Dirección', mandate: null, visibility: 'private', version: 1,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', yourRole: 'member',
  rules: { quorum: { kind: 'more-than-percent', value: 50 }, defaultMethod: 'simple-majority', maxProxiesPerHolder: 1 },
  offices: { chair: null, coChairs: [], secretary: null }, requireTwoFactor: false, code: 'SC',
};
const nobody: MeetingStanding = { runsMeeting: false, secretary: false, representedSeats: [], castingSeats: [] };
const motion = {
  motionId: 'mo1', agendaItemId: 'i1', title: 'Adoptar el plan', text: 'Se adopta el plan de trabajo.', moverSeatId: seatA, seconderSeatId: seatB,
  status: 'voting' as const, history: [{ version: 1, text: 'Se adopta el plan de trabajo.', amendmentId: null, authorSeatId: seatA, at: '2026-03-02T14:00:00Z' }],
  amendments: [], decisionPending: false, decisionNumber: null, proposedAt: '2026-03-02T14:00:00Z',
};
const snapshot = (you = nobody): MeetingView => ({
  meetingId: 'm1', committeeId: 'c1', title: 'Sesión ordinaria de marzo', type: 'regular', status: 'in-progress',
  startsAt: '2026-03-02T14:00:00Z', timeZone: 'America/Bogota', place: 'Sala 3', onlineLink: 'https://meet.example.org/sc', deadline: null,
  agenda: [{ id: 'i1', title: 'Plan de trabajo', presenter: null, papers: [{ title: 'Borrador del plan', url: 'https://docs.example.org/plan.pdf' }] }],
  attendance: [{ seatId: seatA, status: 'present' }], quorum: { presentAllotments: 1, votingAllotments: 2, required: 2, met: false },
  proxies: [], motions: [motion],
  votes: [{
    voteId: 'v1', motionId: 'mo1', amendmentId: null, method: 'simple-majority', ballot: 'open', status: 'open', openedAt: '2026-03-02T14:10:00Z',
    closedAt: null, tally: { totals: { yes: 0, no: 0, abstain: 0 }, respondedAllotments: 0, voted: [], choices: [] }, result: null, decisionNumber: null, objections: [],
  }],
  version: 7, sequence: 10, you,
});
const event = (sequence: number, change: MeetingEvent['change']): MeetingEvent => ({ sequence, at: '2026-03-02T14:20:00Z', change });

function serve(you: MeetingStanding) {
  server.use(
    api.get('/api/v1/meetings/{id}', ({ response }) => response(200).json(snapshot(you))),
    api.get('/api/v1/committees/{id}', ({ response }) => response(200).json(committee)),
    api.get('/api/v1/committees/{id}/seats', ({ response }) => response(200).json([seat(seatA, 'Red de Tierras'), seat(seatB, 'Agua Viva')])),
  );
}

async function openRoom(you = nobody) {
  signedIn('p1');
  serve(you);
  renderAt(<MeetingRoom />, { url: '/meetings/m1', path: '/meetings/:id' });
  await waitFor(() => expect(hubs.at(-1)?.invoked).toContainEqual(['JoinMeeting', 'm1', null]));
  const hub = hubs.at(-1)!;
  hub.emit('MeetingSnapshot', snapshot(nobody));
  await screen.findByRole('heading', { level: 1, name: 'Sesión ordinaria de marzo' });
  return hub;
}

describe('MeetingRoom', () => {
  it('draws the snapshot: the header in the meeting’s time zone, the agenda with its papers, attendance, quorum and the open tally', async () => {
    await openRoom();

    expect(screen.getByText(/March 2, 2026.*9:00\sAM/)).toBeTruthy(); // 14:00 UTC on the meeting's clock in Bogotá, not the reader's
    expect(screen.getByText('(America/Bogota)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Borrador del plan' }).getAttribute('href')).toBe('https://docs.example.org/plan.pdf');
    expect(screen.getByText('In progress')).toBeTruthy();
    expect(await screen.findByText('No quorum: 1 of 2 votes present, 2 required.')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Tally' }).textContent).toContain('Yes 0 · No 0 · Abstain 0');
    expect(await screen.findByText(/moved by Red de Tierras/)).toBeTruthy();
  });

  it('applies events in sequence, ignores a repeated one, and joins again after the last one applied when some were missed', async () => {
    const hub = await openRoom();
    await screen.findByText('No quorum: 1 of 2 votes present, 2 required.');

    hub.emit('MeetingEvent', event(11, { type: 'attendance-recorded', seatId: seatB, status: 'present', presentAllotments: 2, quorumRequired: 2, quorumMet: true }));
    expect(await screen.findByText('Quorum met: 2 of 2 votes present, 2 required.')).toBeTruthy();
    // The same sequence again, whatever it says, was applied already.
    hub.emit('MeetingEvent', event(11, { type: 'attendance-recorded', seatId: seatB, status: 'absent', presentAllotments: 1, quorumRequired: 2, quorumMet: false }));
    hub.emit('MeetingEvent', event(12, {
      type: 'tally-changed', voteId: 'v1', seat: { seatId: seatA, byProxy: false },
      choice: { seatId: seatA, choice: 'yes', allotment: 1, byProxy: false, reason: null }, totals: { yes: 1, no: 0, abstain: 0 }, respondedAllotments: 1,
    }));
    const tally = screen.getByRole('status', { name: 'Tally' });
    await waitFor(() => expect(tally.textContent).toContain('Yes 1 · No 0 · Abstain 0'));
    expect(within(tally).getByRole('list', { name: 'Votes by seat' }).textContent).toContain('Red de Tierras: Yes');
    expect(screen.getByText('Quorum met: 2 of 2 votes present, 2 required.')).toBeTruthy();

    // 13 never came: 14 is not drawn, and the room asks for everything after 12.
    hub.emit('MeetingEvent', event(14, { type: 'meeting-status-changed', status: 'closed' }));
    await waitFor(() => expect(hub.invoked).toContainEqual(['JoinMeeting', 'm1', 12]));
    expect(screen.getByText('In progress')).toBeTruthy();
  });

  it('applies a batch of events in one message as if each had come alone', async () => {
    const hub = await openRoom();
    await screen.findByText('No quorum: 1 of 2 votes present, 2 required.');

    hub.emit('MeetingEvents', [
      event(11, { type: 'attendance-recorded', seatId: seatB, status: 'present', presentAllotments: 2, quorumRequired: 2, quorumMet: true }),
      event(12, {
        type: 'tally-changed', voteId: 'v1', seat: { seatId: seatA, byProxy: false },
        choice: { seatId: seatA, choice: 'yes', allotment: 1, byProxy: false, reason: null }, totals: { yes: 1, no: 0, abstain: 0 }, respondedAllotments: 1,
      }),
      event(13, { type: 'meeting-status-changed', status: 'closed' }),
    ]);

    expect(await screen.findByText('Closed')).toBeTruthy();
    expect(screen.getByText('Quorum met: 2 of 2 votes present, 2 required.')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Tally' }).textContent).toContain('Yes 1 · No 0 · Abstain 0');
    expect(hub.invoked).not.toContainEqual(['JoinMeeting', 'm1', 12]);
  });

  it('resumes after a reconnect from the last event it applied', async () => {
    const hub = await openRoom();
    hub.emit('MeetingEvent', event(11, { type: 'meeting-status-changed', status: 'closed' }));
    await screen.findByText('Closed');

    hub.reconnect();
    await waitFor(() => expect(hub.invoked).toContainEqual(['JoinMeeting', 'm1', 11]));
  });

  it('casts the vote of the seat the person may vote for, with the choice they made', async () => {
    const you: MeetingStanding = { runsMeeting: false, secretary: false, representedSeats: [seatA], castingSeats: [{ seatId: seatA, byProxy: false }] };
    const sent = recordRequests();
    server.use(api.post('/api/v1/meetings/{id}/votes/{voteId}/ballots', ({ response }) => response(200).json(snapshot().votes[0])));
    await openRoom(you);

    const ballot = await screen.findByRole('form', { name: 'Ballot of Red de Tierras' });
    fireEvent.click(within(ballot).getByRole('radio', { name: 'No' }));
    fireEvent.click(within(ballot).getByRole('button', { name: 'Cast the vote of Red de Tierras' }));

    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    const cast = sent.find((r) => r.method === 'POST')!;
    expect(cast.path).toBe('/api/v1/meetings/m1/votes/v1/ballots');
    await waitFor(() => expect(cast.body).toEqual({ seatId: seatA, choice: 'no', reason: null }));
    expect(cast.headers.get('Authorization')).toBe('Bearer nht_test');
  });

  it('shows a secret ballot’s voters but not its totals until it closes, and a seat’s secret vote as final', async () => {
    const you: MeetingStanding = { runsMeeting: false, secretary: false, representedSeats: [seatA], castingSeats: [{ seatId: seatA, byProxy: false }] };
    const hub = await openRoom(you);
    hub.emit('MeetingEvent', event(11, { type: 'vote-closed', voteId: 'v1', decisionNumber: null,
      result: { outcome: 'not-decided', method: 'simple-majority', totals: { yes: 0, no: 0, abstain: 0 }, presentAllotments: 1, votingAllotments: 2, quorumRequired: 2, quorumMet: false } }));
    hub.emit('MeetingEvent', event(12, { type: 'vote-opened', voteId: 'v2', motionId: 'mo1', amendmentId: null, method: 'simple-majority', ballot: 'secret' }));
    hub.emit('MeetingEvent', event(13, { type: 'tally-changed', voteId: 'v2', seat: { seatId: seatA, byProxy: false }, choice: null, totals: null, respondedAllotments: 1 }));

    await screen.findByText('Counted without quorum: 1 vote present, 2 required.');
    const tallies = await screen.findAllByRole('status', { name: 'Tally' });
    await waitFor(() => expect(tallies[1].textContent).toContain('Have voted: Red de Tierras'));
    expect(tallies[1].textContent).toContain('The totals of a secret ballot are shown when it closes.');
    expect(tallies[1].textContent).not.toContain('Yes 0');
    expect(await screen.findByText('The secret vote of Red de Tierras is cast; it is final.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Ballot of Red de Tierras' })).toBeNull();

    hub.emit('MeetingEvent', event(14, { type: 'vote-closed', voteId: 'v2', decisionNumber: null,
      result: { outcome: 'not-decided', method: 'simple-majority', totals: { yes: 1, no: 0, abstain: 0 }, presentAllotments: 1, votingAllotments: 2, quorumRequired: 2, quorumMet: false } }));
    await waitFor(() => expect(screen.getAllByRole('status', { name: 'Tally' })[1].textContent).toContain('Yes 1 · No 0 · Abstain 0'));
  });

  it('puts a pending amendment to the vote before its motion, and shows the wordings an adopted one replaced', async () => {
    const secretary: MeetingStanding = { runsMeeting: true, secretary: true, representedSeats: [], castingSeats: [] };
    const sent = recordRequests();
    server.use(api.post('/api/v1/meetings/{id}/votes', ({ response }) => response(200).json(snapshot().votes[0])));
    const hub = await openRoom(secretary);
    const amendment = { amendmentId: 'a1', text: 'Se adopta el plan de trabajo, revisado en junio.', note: 'Una revisión a mitad de año', moverSeatId: seatB,
      seconderSeatId: seatA, status: 'seconded' as const, proposedAt: '2026-03-02T14:15:00Z', basedOnVersion: 1 };
    hub.emit('MeetingEvent', event(11, { type: 'vote-closed', voteId: 'v1', decisionNumber: null,
      result: { outcome: 'not-decided', method: 'simple-majority', totals: { yes: 0, no: 0, abstain: 0 }, presentAllotments: 1, votingAllotments: 2, quorumRequired: 2, quorumMet: false } }));
    hub.emit('MeetingEvent', event(12, { type: 'motion-changed', motion: { ...motion, status: 'seconded', amendments: [amendment] } }));

    await screen.findByText('Una revisión a mitad de año');
    expect(screen.queryByRole('button', { name: 'Put the motion to the vote' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Put the amendment to the vote' }));
    await waitFor(() => expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ motionId: 'mo1', amendmentId: 'a1', method: 'simple-majority', ballot: 'open' }));

    hub.emit('MeetingEvent', event(13, { type: 'motion-changed', motion: {
      ...motion, status: 'seconded', text: amendment.text, amendments: [{ ...amendment, status: 'adopted' }],
      history: [...motion.history, { version: 2, text: amendment.text, amendmentId: 'a1', authorSeatId: seatB, at: '2026-03-02T14:25:00Z' }],
    } }));
    fireEvent.click(await screen.findByText('Earlier wordings (2)'));
    expect(screen.getByText('As amended by Agua Viva')).toBeTruthy();
    expect(screen.getAllByText('Se adopta el plan de trabajo.')).toHaveLength(1); // only in the history now
    expect(screen.getByRole('button', { name: 'Put the motion to the vote' })).toBeTruthy();
  });

  it('lets whoever runs the meeting move a draft motion from a live session, prefilled and linked to its proposal', async () => {
    const secretary: MeetingStanding = { runsMeeting: true, secretary: true, representedSeats: [], castingSeats: [] };
    const sent = recordRequests();
    const draft = { proposalId: 'pr1', committeeId: 'c1', kind: 'motion' as const, title: 'Agua para cada municipio', text: 'El foro pide fondos para el agua.',
      origin: { sessionId: 's1', itemId: 'i9', sourceKind: 'outcome' as const, sourceId: null, quote: 'Acuerdo sobre el agua' }, status: 'draft' as const,
      meetingId: null, motionId: null, actionItemId: null, decisionNumber: null, proposedBy: 'p2', proposedAt: '2026-03-01T10:00:00Z' };
    server.use(
      api.get('/api/v1/committees/{id}/proposals', ({ response }) => response(200).json([draft, { ...draft, proposalId: 'pr2', title: 'Ya presentada', status: 'moved' as const }])),
      api.post('/api/v1/meetings/{id}/motions', ({ response }) => response(200).json(motion)),
    );
    await openRoom(secretary);

    fireEvent.click(await screen.findByRole('button', { name: 'Propose a motion' }));
    const form = await screen.findByRole('form', { name: 'Propose a motion' });
    const from = await within(form).findByRole('combobox', { name: 'Start from a draft motion' });
    expect(within(from).queryByRole('option', { name: 'Ya presentada' })).toBeNull();
    fireEvent.change(from, { target: { value: 'pr1' } });
    expect((within(form).getByRole('textbox', { name: 'Title of the motion' }) as HTMLInputElement).value).toBe('Agua para cada municipio');
    fireEvent.change(within(form).getByRole('combobox', { name: 'Moved by the seat' }), { target: { value: seatA } });
    fireEvent.click(within(form).getByRole('button', { name: 'Propose' }));

    await waitFor(() => expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      title: 'Agua para cada municipio', text: 'El foro pide fondos para el agua.', moverSeatId: seatA, seconderSeatId: null, agendaItemId: 'i1', fromProposal: 'pr1',
    }));
  });

  it('shows the chair’s and secretary’s controls only to them, and ballots only to those who may cast one', async () => {
    await openRoom();
    await screen.findByText(/moved by Red de Tierras/);
    expect(screen.queryByRole('button', { name: 'Close the meeting' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close the vote' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Attendance of Red de Tierras' })).toBeNull();
    expect(screen.queryByRole('form', { name: /Ballot of/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Propose a motion' })).toBeNull();
  });

  it('gives the secretary the attendance and vote controls', async () => {
    const secretary: MeetingStanding = { runsMeeting: true, secretary: true, representedSeats: [], castingSeats: [] };
    const sent = recordRequests();
    server.use(api.put('/api/v1/meetings/{id}/attendance/{seatId}', ({ response }) => response(200).json(snapshot())));
    await openRoom(secretary);

    expect(await screen.findByRole('button', { name: 'Close the vote' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close the meeting' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Attendance of Agua Viva' }), { target: { value: 'represented-by-alternate' } });
    await waitFor(() => expect(sent.find((r) => r.method === 'PUT')?.body).toEqual({ status: 'represented-by-alternate' }));
    expect(sent.find((r) => r.method === 'PUT')!.path).toBe(`/api/v1/meetings/m1/attendance/${seatB}`);
  });
});
