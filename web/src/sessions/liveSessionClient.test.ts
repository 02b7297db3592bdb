import { describe, expect, it } from 'vitest';
import { LiveSessionClient, retryForever } from './liveSessionClient';

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
});
