// A meeting's state on screen, kept in sequence as every live room is (live/sequence.ts).
import { continues, outOfSequence, withSnapshot, type Sequenced } from '../live/sequence';
import type { MeetingChange, MeetingEvent, MeetingView, TallyChanged, VoteTally, VoteView } from '../generated/hub';

export interface MeetingState extends Sequenced<MeetingView> {
  /** People the committee stopped letting in while this room was open (the hub then drops them). */
  accessEnded: string[];
}

export type MeetingAction = { type: 'snapshot'; view: MeetingView } | { type: 'event'; event: MeetingEvent };

export const initialMeetingState: MeetingState = { view: null, sequence: null, gapAfter: null, accessEnded: [] };

export function meetingReducer(state: MeetingState, action: MeetingAction): MeetingState {
  if (action.type === 'snapshot') return withSnapshot(state, action.view);
  const { event } = action;
  if (!continues(state, event.sequence)) return outOfSequence(state, event.sequence);
  const accessEnded = event.change.type === 'access-ended' && !state.accessEnded.includes(event.change.personId)
    ? [...state.accessEnded, event.change.personId]
    : state.accessEnded;
  return {
    view: applyMeetingChange({ ...state.view, sequence: event.sequence }, event.change, event.at),
    sequence: event.sequence, gapAfter: null, accessEnded,
  };
}

/** A vote just opened: an open ballot's totals start at zero; a secret one's stay hidden until it closes. */
const noVotes = (ballot: VoteView['ballot']): VoteTally => ({
  totals: ballot === 'open' ? { yes: 0, no: 0, abstain: 0 } : null, respondedAllotments: 0, voted: [], choices: [],
});

/**
 * One seat's vote into the tally: a tally event carries only the seat that voted (and, for an open ballot, its choice
 * and the totals after it), so that an assembly's events stay small; the seat replaces an earlier vote of its own.
 */
export function withSeat(tally: VoteTally, change: TallyChanged): VoteTally {
  const seatId = change.seat.seatId;
  const voted = [...tally.voted.filter((v) => v.seatId !== seatId), change.seat];
  const choices = change.choice ? [...tally.choices.filter((c) => c.seatId !== seatId), change.choice] : tally.choices;
  return { totals: change.totals ?? tally.totals, respondedAllotments: change.respondedAllotments, voted, choices };
}

function withVote(view: MeetingView, voteId: string, change: (vote: VoteView) => VoteView): MeetingView {
  return { ...view, votes: view.votes.map((v) => (v.voteId === voteId ? change(v) : v)) };
}

/** The view after one change; `at` is when the meeting made it. */
export function applyMeetingChange(view: MeetingView, change: MeetingChange, at: string): MeetingView {
  switch (change.type) {
    case 'meeting-status-changed':
      return { ...view, status: change.status };
    case 'meeting-agenda-changed':
      return { ...view, agenda: change.agenda };
    case 'attendance-recorded': {
      const others = view.attendance.filter((a) => a.seatId !== change.seatId);
      const attendance = [...others, { seatId: change.seatId, status: change.status }].sort((a, b) => (a.seatId < b.seatId ? -1 : 1));
      const quorum = { ...view.quorum, presentAllotments: change.presentAllotments, required: change.quorumRequired, met: change.quorumMet };
      return { ...view, attendance, quorum };
    }
    case 'proxy-given':
      return {
        ...view,
        proxies: [...view.proxies.filter((p) => p.seatId !== change.seatId), { seatId: change.seatId, holderSeatId: change.holderSeatId, givenAt: at }],
      };
    case 'proxy-revoked':
      return { ...view, proxies: view.proxies.filter((p) => p.seatId !== change.seatId) };
    case 'motion-changed': {
      const found = view.motions.some((m) => m.motionId === change.motion.motionId);
      const motions = found
        ? view.motions.map((m) => (m.motionId === change.motion.motionId ? change.motion : m))
        : [...view.motions, change.motion];
      return { ...view, motions };
    }
    case 'vote-opened':
      return view.votes.some((v) => v.voteId === change.voteId) ? view : {
        ...view,
        votes: [...view.votes, {
          voteId: change.voteId, motionId: change.motionId, amendmentId: change.amendmentId, method: change.method, ballot: change.ballot,
          status: 'open', openedAt: at, closedAt: null, tally: noVotes(change.ballot), result: null, decisionNumber: null, objections: [],
        }],
      };
    case 'tally-changed':
      return withVote(view, change.voteId, (v) => ({ ...v, tally: withSeat(v.tally, change) }));
    case 'vote-closed': {
      // The seats (and an open ballot's choices) came one at a time; the close adds a secret ballot's totals.
      const { totals } = change.result;
      return withVote(view, change.voteId, (v) => ({
        ...v, status: 'closed', closedAt: at, result: change.result, decisionNumber: change.decisionNumber,
        tally: { ...v.tally, totals, respondedAllotments: totals.yes + totals.no + totals.abstain },
      }));
    }
    default:
      return view; // access-ended changes nothing of the meeting; a kind this build does not know: the next snapshot brings it
  }
}
