// Connects the room to the hub: joins, feeds snapshots and events to the reducer, and resumes after a drop by
// joining again with the last sequence it applied, so the hub sends exactly what was missed (or a snapshot).
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useReducer, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { ConnectionEnded, LiveSessionRole } from '../generated/hub';
import { LiveSessionClient, asApiError, type ConnectionStatus, type LiveSessionMethods } from './liveSessionClient';
import { initialRoomState, roomReducer } from './roomState';

/** 'ended': the server closed the connection because the sign-in ended; it is not retried. */
export type RoomConnection = ConnectionStatus | 'offline' | 'ended';

export interface LiveSession {
  state: ReturnType<typeof roomReducer>;
  role: LiveSessionRole | null;
  connection: RoomConnection;
  joinError: unknown;
  /** Set when the server ended the connection (signed out elsewhere, sign-in expired). */
  ended: ConnectionEnded | null;
  /** Calls a hub method on this session and answers its acknowledgement; failures are an ApiError with the hub's code. */
  call<M extends Exclude<keyof LiveSessionMethods, 'Join' | 'Leave'>>(
    method: M, ...args: LiveSessionMethods[M][0] extends [string, ...infer Rest] ? Rest : never): Promise<number>;
}

export function useLiveSession(sessionId: string, token: () => string | null): LiveSession {
  const [state, dispatch] = useReducer(roomReducer, initialRoomState);
  const [role, setRole] = useState<LiveSessionRole | null>(null);
  const [connection, setConnection] = useState<RoomConnection>('connecting');
  const [joinError, setJoinError] = useState<unknown>(null);
  const [ended, setEnded] = useState<ConnectionEnded | null>(null);
  // Read by join, which runs from hub callbacks; kept current by the first effect below, before any effect joins.
  const sequence = useRef<number | null>(null);
  useEffect(() => { sequence.current = state.sequence; }, [state.sequence]);
  const client = useRef<LiveSessionClient | null>(null);
  const joining = useRef(false);

  const join = useCallback(async () => {
    const hub = client.current;
    if (!hub || joining.current || hub.status !== 'connected') return;
    joining.current = true;
    try {
      const joined = await hub.invoke('Join', sessionId, sequence.current);
      setRole(joined.role);
      setJoinError(null);
    } catch (error) {
      setJoinError(asApiError(error));
    } finally {
      joining.current = false;
    }
  }, [sessionId]);

  // The hub asks for the token on every (re)connect: it must get the current one, and a new token must not
  // tear the connection down.
  const currentToken = useEffectEvent(() => token());

  useEffect(() => {
    let stopped = false;
    const hub = new LiveSessionClient({
      accessToken: () => currentToken(),
      onStateChange: (status) => {
        if (!stopped) setConnection((now) => (now === 'ended' || (now === 'offline' && status !== 'connected') ? now : status));
      },
    });
    client.current = hub;
    hub.on('Snapshot', (view) => dispatch({ type: 'snapshot', view }));
    hub.on('Event', (event) => dispatch({ type: 'event', event }));
    // Retrying would only be refused: the token no longer stands for anyone. The room says why.
    let over = false;
    hub.on('Ended', (why) => { over = true; setEnded(why); setConnection('ended'); void hub.stop(); });
    hub.onReconnected(() => void join());
    const connect = () => hub.start().then(join, (error: unknown) => { if (!stopped) setJoinError(error); });
    void connect();

    // A phone that reports going offline has lost its socket, even if the browser has not noticed yet: drop it
    // now, and on coming back connect afresh and ask for what was missed.
    const offline = () => { setConnection('offline'); void hub.stop(); };
    const online = () => { if (hub.status === 'disconnected' && !over) void connect(); };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      void hub.stop();
      client.current = null;
    };
  }, [sessionId, join]);

  // An event past a gap: ask again from the last one applied.
  useEffect(() => {
    if (state.gapAfter !== null) void join();
  }, [state.gapAfter, join]);

  const call: LiveSession['call'] = (method, ...args) => {
    const hub = client.current;
    if (!hub) return Promise.reject(new ApiError(0, 'network.offline', null));
    // The hub's methods all take the session first; tsc cannot follow the generic through the spread.
    return (hub.invoke as (m: typeof method, ...a: unknown[]) => Promise<number>)(method, sessionId, ...args);
  };

  return { state, role, connection, joinError, ended, call };
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
