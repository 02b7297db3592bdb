import { describe, expect, it } from 'vitest';
import { currentItem, initialRoomState, roomReducer, type RoomState } from './roomState';
import type { LiveSessionChange, LiveSessionView } from '../generated/hub';

const item = (id: string, format: 'plenary' | 'poll' = 'plenary') => ({ id, title: id, format, plannedMinutes: 5 });

function view(sequence = 3): LiveSessionView {
  return {
    details: {
      id: 's', forumId: 'f', title: 'Asamblea', description: null, startsAt: '2026-01-01T10:00:00Z', endsAt: '2026-01-01T12:00:00Z',
      timeZone: 'UTC', languages: [], status: 'lobby', agenda: [item('a'), item('b', 'poll')], currentItem: -1, itemEndsAt: null,
      coFacilitators: [], yourRole: 'participant', sequence,
    },
    sequence, present: [], organisations: [], muted: [], items: [],
  };
}

const event = (sequence: number, change: LiveSessionChange) => ({ type: 'event' as const, event: { sequence, at: '', change } });
const contribution = (id: string, replyTo: string | null = null) => ({
  id, itemId: 'a', roomId: null, authorId: 'p1', authorName: 'Layla', text: id, replyTo, at: '', reactions: [],
});
const joined = (): RoomState => roomReducer(initialRoomState, { type: 'snapshot', view: view() });

describe('roomReducer', () => {
  it('ignores events until a snapshot arrives', () => {
    expect(roomReducer(initialRoomState, event(1, { type: 'agenda-changed', agenda: [] }))).toBe(initialRoomState);
  });

  it('applies events in sequence order and remembers the last number', () => {
    let state = joined();
    state = roomReducer(state, event(4, { type: 'session-status-changed', status: 'running', itemEndsAt: null }));
    state = roomReducer(state, event(5, { type: 'item-opened', index: 0, itemId: 'a', endsAt: '2026-01-01T10:05:00Z' }));
    state = roomReducer(state, event(6, { type: 'contribution-posted', contribution: contribution('c1') }));
    expect(state.sequence).toBe(6);
    expect(state.view?.details.status).toBe('running');
    expect(currentItem(state.view!)?.item.id).toBe('a');
    expect(currentItem(state.view!)?.content.contributions.map((c) => c.id)).toEqual(['c1']);
  });

  it('ignores a repeated event', () => {
    let state = roomReducer(joined(), event(4, { type: 'contribution-posted', contribution: contribution('c1') }));
    const again = roomReducer(state, event(4, { type: 'contribution-posted', contribution: contribution('c1') }));
    expect(again).toBe(state);
    state = roomReducer(state, event(3, { type: 'session-status-changed', status: 'closed', itemEndsAt: null }));
    expect(state.view?.details.status).toBe('lobby');
  });

  it('detects a gap, holds still, and resumes with the missing event', () => {
    let state = roomReducer(joined(), event(6, { type: 'session-status-changed', status: 'running', itemEndsAt: null }));
    expect(state.gapAfter).toBe(3);
    expect(state.sequence).toBe(3);
    expect(state.view?.details.status).toBe('lobby');
    state = roomReducer(state, event(4, { type: 'facilitator-appointed', personId: 'p9' }));
    expect(state.gapAfter).toBeNull();
    expect(state.view?.details.coFacilitators).toEqual(['p9']);
  });

  it('replaces everything with a newer snapshot, and ignores an older one', () => {
    const state = roomReducer(joined(), event(4, { type: 'facilitator-appointed', personId: 'p9' }));
    const newer = view(10);
    expect(roomReducer(state, { type: 'snapshot', view: newer })).toEqual({ view: newer, sequence: 10, gapAfter: null, removed: [], roles: {} });
    expect(roomReducer({ ...state, sequence: 12 }, { type: 'snapshot', view: newer }).sequence).toBe(12);
  });

  it('remembers who was removed, across a later snapshot', () => {
    let state = roomReducer(joined(), event(4, { type: 'participant-removed', personId: 'p2' }));
    state = roomReducer(state, event(4, { type: 'participant-removed', personId: 'p2' }));
    expect(state.removed).toEqual(['p2']);
    expect(roomReducer(state, { type: 'snapshot', view: view(10) }).removed).toEqual(['p2']);
  });

  it('follows role changes and access lost through the forum, across a later snapshot', () => {
    const person = (id: string) => ({ personId: id, name: id, role: 'participant' as const, organisations: [] });
    let state = roomReducer(joined(), event(4, { type: 'presence-changed', present: true, person: person('p1') }));
    state = roomReducer(state, event(5, { type: 'presence-changed', present: true, person: person('p2') }));
    state = roomReducer(state, event(6, { type: 'access-changed', personId: 'p1', role: 'observer' }));
    state = roomReducer(state, event(7, { type: 'access-changed', personId: 'p2', role: null }));
    expect(state.view?.present).toEqual([{ ...person('p1'), role: 'observer' }]);
    expect(state.roles).toEqual({ p1: 'observer', p2: null });
    expect(roomReducer(state, { type: 'snapshot', view: view(10) }).roles).toEqual({ p1: 'observer', p2: null });
  });

  it('keeps presence and per-organisation counts in step', () => {
    const org = { id: 'o1', name: 'Red' };
    let state = roomReducer(joined(), event(4, { type: 'presence-changed', present: true, person: { personId: 'p1', name: 'A', role: 'participant', organisations: [org] } }));
    state = roomReducer(state, event(5, { type: 'presence-changed', present: true, person: { personId: 'p2', name: 'B', role: 'participant', organisations: [org] } }));
    expect(state.view?.organisations).toEqual([{ organisationId: 'o1', name: 'Red', present: 2 }]);
    state = roomReducer(state, event(6, { type: 'presence-changed', present: false, person: { personId: 'p1', name: 'A', role: 'participant', organisations: [org] } }));
    expect(state.view?.present.map((p) => p.personId)).toEqual(['p2']);
    expect(state.view?.organisations[0].present).toBe(1);
  });

  it('updates reactions, tallies, statements and breakout summaries', () => {
    let state = roomReducer(joined(), event(4, { type: 'contribution-posted', contribution: contribution('c1') }));
    state = roomReducer(state, event(5, { type: 'reaction-changed', contributionId: 'c1', reaction: 'applause', count: 2 }));
    state = roomReducer(state, event(6, { type: 'poll-tallied', itemId: 'b', result: { options: ['x', 'y'], counts: [1, 0], voters: 1, closed: false } }));
    state = roomReducer(state, event(7, { type: 'statement-submitted', itemId: 'b', statementId: 's1', text: 'Water first' }));
    state = roomReducer(state, event(8, { type: 'statement-tallied', itemId: 'b', tally: { statementId: 's1', text: 'Water first', agree: 2, disagree: 1, pass: 0 } }));
    state = roomReducer(state, event(9, { type: 'breakout-opened', itemId: 'b', rooms: [{ id: 'r1', name: 'Room 1', members: ['p1'], rapporteur: 'p1', endsAt: '', summary: null }] }));
    state = roomReducer(state, event(10, { type: 'summary-posted', itemId: 'b', roomId: 'r1', text: 'We agree' }));
    const [a, b] = state.view!.items;
    expect(a.contributions[0].reactions).toEqual([{ reaction: 'applause', count: 2 }]);
    expect(b.poll?.counts).toEqual([1, 0]);
    expect(b.statements).toEqual([{ statementId: 's1', text: 'Water first', agree: 2, disagree: 1, pass: 0 }]);
    expect(b.rooms[0].summary).toBe('We agree');
  });
});
