// The live hub, faked for the document screens' tests: each page's client is kept in `hubs`, to send it the hub's
// messages and see what it asked. Installed with
//   vi.mock('../sessions/liveSessionClient', async (original) => ({ ...await original(), LiveSessionClient: (await import('./fakeHub')).FakeHub }));
export const hubs: FakeHub[] = [];

export class FakeHub {
  invoked: [string, ...unknown[]][] = [];
  private handlers = new Map<string, ((payload: unknown) => void)[]>();
  private connected = false;
  private reconnected: (() => void)[] = [];

  constructor(private readonly options: { onStateChange?: (state: string) => void }) { hubs.push(this); }
  get status() { return this.connected ? 'connected' : 'disconnected'; }
  async start() { this.connected = true; this.options.onStateChange?.('connected'); }
  async stop() { this.connected = false; }
  on(event: string, handler: (payload: unknown) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return () => undefined;
  }
  onReconnected(handler: () => void) { this.reconnected.push(handler); }
  reconnect() { for (const handler of this.reconnected) handler(); }
  async invoke(method: string, ...args: unknown[]) {
    this.invoked.push([method, ...args]);
    return { documentId: args[0], sequence: 0 };
  }
  emit(event: string, payload: unknown) { for (const handler of this.handlers.get(event) ?? []) handler(payload); }
}
