// The browser's connection to the live session hub, for the session room to build on.
//
// Every method name, argument, answer and message comes from src/generated/hub.ts, generated from the hub's
// checked-in contract (docs/hub-contract.json), so a changed hub fails the type check here or where it is used.
// Every hub method answers a reply, its value or a typed error; `invoke` unwraps it, and a failure is an ApiError
// with the server's code. Methods that change the session answer the sequence number of their event, sent once the
// change is stored.
import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
} from '@microsoft/signalr';
import { ApiError } from '../api/client';
import type { ErrorCode } from '../generated/errors';
import { liveSessionHubPath, type HubReply, type LiveSessionEvents, type LiveSessionMethods } from '../generated/hub';

export { liveSessionHubPath, type LiveSessionEvents, type LiveSessionMethods };

export interface LiveSessionClientOptions {
  /** The hub's address; the live session hub unless given. */
  hubPath?: string;
  /** The signed-in person's bearer token; browsers cannot set headers on WebSockets, so SignalR sends it as ?access_token=. */
  accessToken: () => string | null;
  onStateChange?: (state: ConnectionStatus) => void;
}

/** The connection as the room shows it; the client's own notion, not part of the hub's contract. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** Reconnect soon, then back off to every 10 s, and never give up: people on phones lose signal and come back. */
export const retryForever: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => [0, 1000, 2000, 5000][previousRetryCount] ?? 10_000,
};

/**
 * A hub reply as an answer: its value, or its error as an ApiError. A hub error has no HTTP status, so the status
 * is 0, the same as for no answer at all; the code tells them apart and is what the app acts on.
 */
export function unwrapReply<T>(reply: HubReply): T {
  if (reply.error) throw new ApiError(0, reply.error.code as ErrorCode, reply.error.message);
  return reply.value as T;
}

/** Anything a hub call throws other than a typed error (a lost connection, SignalR's generic error) as an ApiError. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'network.offline', error instanceof Error ? error.message : null);
}

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

  on<E extends keyof LiveSessionEvents>(event: E, handler: (payload: LiveSessionEvents[E]) => void): () => void {
    const listener = (payload: LiveSessionEvents[E]) => handler(payload);
    this.connection.on(event, listener);
    return () => this.connection.off(event, listener);
  }

  /** Calls a hub method and answers the value of its reply; every failure is an ApiError (see unwrapReply). */
  async invoke<M extends keyof LiveSessionMethods>(method: M, ...args: LiveSessionMethods[M][0]): Promise<LiveSessionMethods[M][1]> {
    let reply: HubReply;
    try {
      reply = await this.connection.invoke<HubReply>(method, ...args);
    } catch (error) {
      throw asApiError(error);
    }
    return unwrapReply<LiveSessionMethods[M][1]>(reply);
  }

  /** Called after SignalR reconnected by itself (a new connection: the session must be joined again). */
  onReconnected(handler: () => void): void {
    this.connection.onreconnected(() => handler());
  }
}
