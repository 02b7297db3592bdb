// The meeting room's live state: joins the meeting on the live hub (useLiveStream: resume with the last sequence,
// rejoin after a gap) and feeds its snapshots and events to the reducer. Nothing here polls: the caller's own
// standing is read over REST again only when the attendance, the proxies or the status it depends on change.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useReducer } from 'react';
import { queries } from '../api/queries';
import type { MeetingStanding, MeetingView } from '../generated/hub';
import { useLiveStream, type LiveStream } from '../live/useLiveStream';
import { initialMeetingState, meetingReducer, type MeetingState } from './meetingState';

export interface LiveMeeting extends Omit<LiveStream, 'hub'> {
  state: MeetingState;
  /** What the signed-in person may do now; null until first read. */
  you: MeetingStanding | null;
}

/** What the caller's standing depends on: who attends how, who holds whose proxy, and whether the meeting sits. */
export const standingChanges = (view: MeetingView | null) => (view
  ? [view.status, ...view.attendance.map((a) => `${a.seatId}:${a.status}`), ...view.proxies.map((p) => `${p.seatId}>${p.holderSeatId}`)].join('|')
  : '');

export function useMeeting(meetingId: string, token: () => string | null): LiveMeeting {
  const [state, dispatch] = useReducer(meetingReducer, initialMeetingState);
  const stream = useLiveStream(meetingId, token, {
    sequence: state.sequence,
    gapAfter: state.gapAfter,
    listen: (hub) => {
      hub.on('MeetingSnapshot', (view) => dispatch({ type: 'snapshot', view }));
      hub.on('MeetingEvent', (event) => dispatch({ type: 'event', event }));
      hub.on('MeetingEvents', (events) => { for (const event of events) dispatch({ type: 'event', event }); });
    },
    join: async (hub, after) => { await hub.invoke('JoinMeeting', meetingId, after); },
  });
  // Keeps the last answer while a new one is read, so the controls do not blink on every attendance change.
  const standing = useQuery({ ...queries.meetingStanding(meetingId, standingChanges(state.view)), enabled: state.view !== null, placeholderData: keepPreviousData });
  return { state, you: standing.data?.you ?? null, connection: stream.connection, joinError: stream.joinError, ended: stream.ended };
}
