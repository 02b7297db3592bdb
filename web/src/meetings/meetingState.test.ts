import { describe, expect, it } from 'vitest';
import type { MeetingEvent, MeetingView } from '../generated/hub';
import { initialMeetingState, meetingReducer, type MeetingState } from './meetingState';

const view: MeetingView = {
  meetingId: 'm1', committeeId: 'c1', title: 'Sesión', type: 'regular', status: 'in-progress', startsAt: '2026-03-02T14:00:00Z',
  timeZone: 'UTC', place: null, onlineLink: null, deadline: null, agenda: [], attendance: [],
  quorum: { presentAllotments: 0, votingAllotments: 2, required: 2, met: false }, proxies: [], motions: [], votes: [], version: 1, sequence: 3,
  you: { runsMeeting: false, secretary: false, representedSeats: [], castingSeats: [] },
};
const at = '2026-03-02T14:30:00Z';
const apply = (state: MeetingState, ...events: MeetingEvent['change'][]) =>
  events.reduce((s, change) => meetingReducer(s, { type: 'event', event: { sequence: (s.sequence ?? 0) + 1, at, change } }), state);
const start = meetingReducer(initialMeetingState, { type: 'snapshot', view });

describe('meetingReducer', () => {
  it('ignores events before the first snapshot, and a snapshot older than what it has', () => {
    expect(meetingReducer(initialMeetingState, { type: 'event', event: { sequence: 1, at, change: { type: 'meeting-status-changed', status: 'closed' } } }))
      .toBe(initialMeetingState);
    const later = apply(start, { type: 'meeting-status-changed', status: 'closed' });
    expect(meetingReducer(later, { type: 'snapshot', view })).toBe(later);
  });

  it('opens a vote with an empty tally, closes it with its result, and keeps proxies given and taken back', () => {
    const result = { outcome: 'adopted' as const, method: 'simple-majority' as const, totals: { yes: 2, no: 0, abstain: 0 },
      presentAllotments: 2, votingAllotments: 2, quorumRequired: 2, quorumMet: true };
    const seat = { seatId: 'a', byProxy: false };
    const state = apply(start,
      { type: 'proxy-given', seatId: 'a', holderSeatId: 'b' },
      { type: 'proxy-given', seatId: 'c', holderSeatId: 'b' },
      { type: 'proxy-revoked', seatId: 'a', holderSeatId: 'b' },
      { type: 'vote-opened', voteId: 'v1', motionId: 'mo1', amendmentId: null, method: 'simple-majority', ballot: 'secret' },
      { type: 'tally-changed', voteId: 'v1', seat, choice: null, totals: null, respondedAllotments: 1 },
      { type: 'tally-changed', voteId: 'v1', seat: { seatId: 'c', byProxy: true }, choice: null, totals: null, respondedAllotments: 2 },
      { type: 'vote-closed', voteId: 'v1', result, decisionNumber: null });

    expect(state.sequence).toBe(10);
    expect(state.view!.proxies).toEqual([{ seatId: 'c', holderSeatId: 'b', givenAt: at }]);
    const opened = apply(start, { type: 'vote-opened', voteId: 'v2', motionId: 'mo1', amendmentId: null, method: 'consensus', ballot: 'open' });
    expect(opened.view!.votes[0].tally.totals).toEqual({ yes: 0, no: 0, abstain: 0 });
    expect(state.view!.votes).toEqual([{
      voteId: 'v1', motionId: 'mo1', amendmentId: null, method: 'simple-majority', ballot: 'secret', status: 'closed', openedAt: at, closedAt: at,
      // The seats came with the casts; the close brought the secret ballot's totals.
      tally: { totals: { yes: 2, no: 0, abstain: 0 }, respondedAllotments: 2, voted: [seat, { seatId: 'c', byProxy: true }], choices: [] },
      result, decisionNumber: null, objections: [],
    }]);
  });

  it('notes who lost access, without changing the meeting', () => {
    const state = apply(start, { type: 'access-ended', personId: 'p2' });
    expect(state.accessEnded).toEqual(['p2']);
    expect(state.view).toEqual({ ...view, sequence: 4 });
  });

  it('takes one seat at a time into the tally, a changed vote replacing the seat\'s earlier one', () => {
    const opened = apply(start, { type: 'vote-opened', voteId: 'v1', motionId: 'mo1', amendmentId: null, method: 'simple-majority', ballot: 'open' });
    const cast = (seatId: string, choice: 'yes' | 'no', yes: number, no: number, responded: number) => ({
      type: 'tally-changed' as const, voteId: 'v1', seat: { seatId, byProxy: false },
      choice: { seatId, choice, allotment: 1, byProxy: false, reason: null }, totals: { yes, no, abstain: 0 }, respondedAllotments: responded,
    });

    const after = apply(opened, cast('s1', 'no', 0, 1, 1), cast('s2', 'yes', 1, 1, 2), cast('s1', 'yes', 2, 0, 2));

    const tally = after.view!.votes[0].tally;
    expect(tally.totals).toEqual({ yes: 2, no: 0, abstain: 0 });
    expect(tally.voted.map((v) => v.seatId)).toEqual(['s2', 's1']);
    expect(tally.choices.map((c) => [c.seatId, c.choice])).toEqual([['s2', 'yes'], ['s1', 'yes']]);
    expect(tally.respondedAllotments).toBe(2);
  });
});
