// The browser's connection to the live session hub, for the session room to build on.
//
// The two maps below mirror the hub's typed client interface (api/LiveSessions/ILiveSessionClient.cs) and its
// public methods (api/LiveSessions/LiveSessionHub.cs), so every `on` and `invoke` is checked by tsc. Methods that
// change the session answer with the sequence number of their event, sent once the change is stored.
import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
} from '@microsoft/signalr';
import type { ConnectionEnded, ContributeCommand, LiveSessionEvent, LiveSessionJoined, LiveSessionView, StatementVote } from './types';

/** Where api/LiveSessions/LiveSessionSetup.cs maps LiveSessionHub. */
export const liveSessionHubPath = '/hubs/sessions';

/** Events the hub sends: name → payload. Filled in from ILiveSessionClient. */
export interface LiveSessionEvents {
  /** The next change of a session this connection joined. */
  Event: LiveSessionEvent;
  /** The whole session: on joining, or when too far behind to catch up event by event. */
  Snapshot: LiveSessionView;
  /** The last message before the server closes the connection: the sign-in it was made with ended. */
  Ended: ConnectionEnded;
}

/** Methods the browser calls: name → [arguments, result]. Filled in from the hub's public methods. */
type Id = string;
type Ack = number;
export interface LiveSessionMethods {
  Join: [[sessionId: Id, afterSequence: number | null], LiveSessionJoined];
  Leave: [[sessionId: Id], void];
  OpenLobby: [[sessionId: Id], Ack];
  Start: [[sessionId: Id], Ack];
  Advance: [[sessionId: Id], Ack];
  GoBack: [[sessionId: Id], Ack];
  ExtendTimer: [[sessionId: Id, minutes: number, roomId: Id | null], Ack];
  Pause: [[sessionId: Id], Ack];
  Resume: [[sessionId: Id], Ack];
  Close: [[sessionId: Id], Ack];
  AppointCoFacilitator: [[sessionId: Id, personId: Id], Ack];
  Mute: [[sessionId: Id, personId: Id, muted: boolean], Ack];
  RemoveParticipant: [[sessionId: Id, personId: Id], Ack];
  RecordOutcome: [[sessionId: Id, itemId: Id, text: string], Ack];
  Contribute: [[sessionId: Id, command: ContributeCommand], Ack];
  React: [[sessionId: Id, contributionId: Id, reaction: string], Ack];
  RaiseHand: [[sessionId: Id], Ack];
  LowerHand: [[sessionId: Id], Ack];
  GiveFloor: [[sessionId: Id, personId: Id | null], Ack];
  ReorderQueue: [[sessionId: Id, order: Id[]], Ack];
  SkipSpeaker: [[sessionId: Id, personId: Id], Ack];
  Vote: [[sessionId: Id, itemId: Id, choices: number[]], Ack];
  SubmitStatement: [[sessionId: Id, itemId: Id, text: string], Ack];
  VoteOnStatement: [[sessionId: Id, statementId: Id, vote: StatementVote], Ack];
  PostSummary: [[sessionId: Id, roomId: Id, text: string], Ack];
}

export interface LiveSessionClientOptions {
  /** The hub's address; the live session hub unless given. */
  hubPath?: string;
  /** The signed-in person's bearer token; browsers cannot set headers on WebSockets, so SignalR sends it as ?access_token=. */
  accessToken: () => string | null;
  onStateChange?: (state: ConnectionStatus) => void;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** Reconnect soon, then back off to every 10 s, and never give up: people on phones lose signal and come back. */
export const retryForever: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => [0, 1000, 2000, 5000][previousRetryCount] ?? 10_000,
};

export class LiveSessionClient {
  readonly connection: HubConnection;

  constructor(private readonly options: LiveSessionClientOptions) {
    this.connection = new HubConnectionBuilder()
      .withUrl(options.hubPath ?? liveSessionHubPath, { accessTokenFactory: () => options.accessToken() ?? '' })
      .withAutomaticReconnect(retryForever)
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.onreconnecting(() => options.onStateChange?.('reconnecting'));
    this.connection.onreconnected(() => options.onStateChange?.('connected'));
    this.connection.onclose(() => options.onStateChange?.('disconnected'));
  }

  get status(): ConnectionStatus {
    switch (this.connection.state) {
      case HubConnectionState.Connected: return 'connected';
      case HubConnectionState.Reconnecting: return 'reconnecting';
      case HubConnectionState.Connecting: return 'connecting';
      default: return 'disconnected';
    }
  }

  async start(): Promise<void> {
    this.options.onStateChange?.('connecting');
    await this.connection.start();
    this.options.onStateChange?.('connected');
  }

  stop(): Promise<void> {
    return this.connection.stop();
  }

  on<E extends keyof LiveSessionEvents & string>(event: E, handler: (payload: LiveSessionEvents[E]) => void): () => void {
    const listener = (payload: LiveSessionEvents[E]) => handler(payload);
    this.connection.on(event, listener);
    return () => this.connection.off(event, listener);
  }

  invoke<M extends keyof LiveSessionMethods & string>(method: M, ...args: LiveSessionMethods[M][0]): Promise<LiveSessionMethods[M][1]> {
    return this.connection.invoke(method, ...args);
  }

  /** Called after SignalR reconnected by itself (a new connection: the session must be joined again). */
  onReconnected(handler: () => void): void {
    this.connection.onreconnected(() => handler());
  }
}

/**
 * The hub's error code: failures arrive as "… HubException: {code}: {message}" (api HubErrorFilter). Returns
 * the code and message, so the room can say what went wrong in the reader's language.
 */
export function hubError(error: unknown): { code: string; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  const match = /HubException: ([a-z-]+\.[a-z-]+): (.*)$/s.exec(text);
  return match ? { code: match[1], message: match[2] } : { code: 'network.offline', message: text };
}
