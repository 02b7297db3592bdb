// One stream of the live hub (a session, a meeting) kept joined: connects, joins, resumes after a drop by joining
// again with the last sequence applied (so the hub sends exactly what was missed, or a snapshot), rejoins after a gap,
// and gives up only when the server ends the connection. The stream's own messages and reducer stay with its room.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ConnectionEnded } from '../generated/hub';
import { LiveSessionClient, asApiError, type ConnectionStatus } from '../sessions/liveSessionClient';

/** 'ended': the server closed the connection because the sign-in ended; it is not retried. */
export type RoomConnection = ConnectionStatus | 'offline' | 'ended';

export interface LiveStreamOptions {
  /** The hub's address, for tests; the live hub unless given. */
  hubPath?: string;
  /** The last sequence the room applied; null before its first snapshot. */
  sequence: number | null;
  /** Set by the room's reducer when an event arrived past a gap: the stream is joined again from there. */
  gapAfter: number | null;
  /** Registers the handlers of the stream's messages on a new connection. */
  listen: (hub: LiveSessionClient) => void;
  /** Joins the stream after `after` (null: from a snapshot); run on connect, on reconnect and after a gap. */
  join: (hub: LiveSessionClient, after: number | null) => Promise<void>;
}

export interface LiveStream {
  connection: RoomConnection;
  joinError: unknown;
  /** Set when the server ended the connection (signed out elsewhere, sign-in expired). */
  ended: ConnectionEnded | null;
  /** The connection now, for calls; null while the room is not mounted. */
  hub: () => LiveSessionClient | null;
}

export function useLiveStream(streamId: string, token: () => string | null, options: LiveStreamOptions): LiveStream {
  const [connection, setConnection] = useState<RoomConnection>('connecting');
  const [joinError, setJoinError] = useState<unknown>(null);
  const [ended, setEnded] = useState<ConnectionEnded | null>(null);
  // Read by join, which runs from hub callbacks; kept current by the first effect below, before any effect joins.
  const latest = useRef(options);
  useEffect(() => { latest.current = options; });
  const client = useRef<LiveSessionClient | null>(null);
  const joining = useRef(false);

  const join = useCallback(() => {
    const hub = client.current;
    if (!hub || joining.current || hub.status !== 'connected') return Promise.resolve();
    joining.current = true;
    const { join: joinStream, sequence } = latest.current;
    return joinStream(hub, sequence)
      .then(() => setJoinError(null), (error: unknown) => setJoinError(asApiError(error)))
      .finally(() => { joining.current = false; });
  }, []);
  // The hub asks for the token on every (re)connect: it must get the current one, and a new token must not
  // tear the connection down.
  const currentToken = useEffectEvent(() => token());
  const hubPath = options.hubPath;

  useEffect(() => {
    let stopped = false;
    const hub = new LiveSessionClient({
      hubPath,
      accessToken: () => currentToken(),
      onStateChange: (status) => {
        if (!stopped) setConnection((now) => (now === 'ended' || (now === 'offline' && status !== 'connected') ? now : status));
      },
    });
    client.current = hub;
    latest.current.listen(hub);
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
  }, [streamId, hubPath, join]);

  // An event past a gap: ask again from the last one applied.
  const { gapAfter } = options;
  useEffect(() => {
    if (gapAfter !== null) void join();
  }, [gapAfter, join]);

  return { connection, joinError, ended, hub: () => client.current };
}
