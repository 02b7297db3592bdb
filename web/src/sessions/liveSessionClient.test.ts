import { describe, expect, it } from 'vitest';
import { formatRemaining } from './Agenda';
import { ApiError } from '../api/client';
import { LiveSessionClient, retryForever, unwrapReply } from './liveSessionClient';

describe('LiveSessionClient', () => {
  it('retries quickly at first, then every ten seconds, and never gives up', () => {
    const delays = [0, 1, 2, 3, 4, 50].map((previousRetryCount) =>
      retryForever.nextRetryDelayInMilliseconds({ previousRetryCount, elapsedMilliseconds: 0, retryReason: new Error('lost') }));
    expect(delays).toEqual([0, 1000, 2000, 5000, 10_000, 10_000]);
  });

  it('starts disconnected, without touching the network until started', () => {
    const client = new LiveSessionClient({ hubPath: 'http://localhost/hubs/test', accessToken: () => 'nht_x' });
    expect(client.status).toBe('disconnected');
  });

  it('answers the value of a successful reply', () => {
    expect(unwrapReply<number>({ value: 42, error: null })).toBe(42);
  });

  it('turns a failed reply into an ApiError with the typed code and message', () => {
    const reply = { value: 0, error: { code: 'live-session.not-facilitator', message: 'Only facilitators can do this.', retryAfterSeconds: null } };
    const error = (() => { try { unwrapReply(reply); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'live-session.not-facilitator', detail: 'Only facilitators can do this.' });
  });

  it('unwraps a reply the hub answered, and calls a failure without a reply a lost connection', async () => {
    const client = new LiveSessionClient({ hubPath: 'http://localhost/hubs/test', accessToken: () => null });
    const answers: Record<string, unknown> = {
      Start: { value: 7, error: null },
      Advance: { value: 0, error: { code: 'live-session.no-more-items', message: 'No more items.', retryAfterSeconds: null } },
    };
    client.connection.invoke = ((method: string) =>
      method in answers ? Promise.resolve(answers[method]) : Promise.reject(new Error('WebSocket closed'))) as typeof client.connection.invoke;

    await expect(client.invoke('Start', 's1')).resolves.toBe(7);
    await expect(client.invoke('Advance', 's1')).rejects.toMatchObject({ code: 'live-session.no-more-items', detail: 'No more items.' });
    await expect(client.invoke('Pause', 's1')).rejects.toMatchObject({ status: 0, code: 'network.offline' });
  });

  it('formats the time left as minutes and seconds, never below zero', () => {
    expect([125_000, 59_001, 0, -5_000].map(formatRemaining)).toEqual(['2:05', '1:00', '0:00', '0:00']);
  });
});
