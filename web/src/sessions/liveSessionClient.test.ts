import { describe, expect, it } from 'vitest';
import { formatRemaining } from './Agenda';
import { LiveSessionClient, hubError, retryForever } from './liveSessionClient';

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

  it('reads the code and message of a hub error, and calls anything else a lost connection', () => {
    const error = new Error("An unexpected error occurred invoking 'Advance' on the server. HubException: live-session.not-facilitator: Only facilitators can do this.");
    expect(hubError(error)).toEqual({ code: 'live-session.not-facilitator', message: 'Only facilitators can do this.' });
    expect(hubError(new Error('WebSocket closed')).code).toBe('network.offline');
  });

  it('formats the time left as minutes and seconds, never below zero', () => {
    expect([125_000, 59_001, 0, -5_000].map(formatRemaining)).toEqual(['2:05', '1:00', '0:00', '0:00']);
  });
});
