// Connects the room to the hub (the shared stream machinery of useLiveStream): feeds snapshots and events to the
// reducer, and keeps the role the session's join answered.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useReducer, useState } from 'react';
import { ApiError } from '../api/client';
import type { ConnectionEnded, LiveSessionRole } from '../generated/hub';
import { useLiveStream, type RoomConnection } from '../live/useLiveStream';
import type { LiveSessionMethods } from './liveSessionClient';
import { initialRoomState, roomReducer } from './roomState';

export type { RoomConnection };

export interface LiveSession {
  state: ReturnType<typeof roomReducer>;
  role: LiveSessionRole | null;
  connection: RoomConnection;
  joinError: unknown;
  /** Set when the server ended the connection (signed out elsewhere, sign-in expired). */
  ended: ConnectionEnded | null;
  /** Calls a hub method on this session and answers its acknowledgement; failures are an ApiError with the hub's code. */
  call<M extends Exclude<keyof LiveSessionMethods, 'Join' | 'Leave' | 'JoinMeeting' | 'LeaveMeeting'>>(
    method: M, ...args: LiveSessionMethods[M][0] extends [string, ...infer Rest] ? Rest : never): Promise<number>;
}

export function useLiveSession(sessionId: string, token: () => string | null): LiveSession {
  const [state, dispatch] = useReducer(roomReducer, initialRoomState);
  const [role, setRole] = useState<LiveSessionRole | null>(null);
  const stream = useLiveStream(sessionId, token, {
    sequence: state.sequence,
    gapAfter: state.gapAfter,
    listen: (hub) => {
      hub.on('Snapshot', (view) => dispatch({ type: 'snapshot', view }));
      hub.on('Event', (event) => dispatch({ type: 'event', event }));
      hub.on('Events', (events) => { for (const event of events) dispatch({ type: 'event', event }); });
    },
    join: async (hub, after) => {
      const joined = await hub.invoke('Join', sessionId, after);
      setRole(joined.role);
    },
  });

  const call: LiveSession['call'] = (method, ...args) => {
    const hub = stream.hub();
    if (!hub) return Promise.reject(new ApiError(0, 'network.offline', null));
    // The hub's methods all take the session first; tsc cannot follow the generic through the spread.
    return (hub.invoke as (m: typeof method, ...a: unknown[]) => Promise<number>)(method, sessionId, ...args);
  };

  return { state, role, connection: stream.connection, joinError: stream.joinError, ended: stream.ended, call };
}

/**
 * One control's hub calls (a button, a form): busy while a call runs (a second press meanwhile does nothing), the
 * failure kept for its message. A TanStack mutation, so the room's actions keep their state like the REST forms do.
 */
export function useHubAction() {
  const mutation = useMutation({ mutationFn: (action: () => Promise<unknown>) => action() });
  const { isPending, error, mutateAsync } = mutation;
  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (isPending) return;
    // The failure is in `error` for the control to show; the caller's own code after the await does not run.
    await mutateAsync(action).catch(() => undefined);
  }, [isPending, mutateAsync]);
  return { busy: isPending, error, run };
}
