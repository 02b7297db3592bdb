// The browser's connection to the live session hub, for the session room to build on.
//
// The hub's methods and events belong to the session room's author; nothing here guesses at them. The two maps
// below start empty and are filled in from the hub's typed client interface (contracts ILiveSessionClient) and
// its public methods, so every `on` and `invoke` is checked by tsc.
import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
} from '@microsoft/signalr';

/** Where api/LiveSessions/LiveSessionSetup.cs maps LiveSessionHub. */
export const liveSessionHubPath = '/hubs/sessions';

/** Events the hub sends: name → payload. Filled in from ILiveSessionClient. */
export type LiveSessionEvents = Record<never, unknown>;

/** Methods the browser calls: name → [arguments, result]. Filled in from the hub's public methods. */
export type LiveSessionMethods = Record<never, [unknown[], unknown]>;

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
}
