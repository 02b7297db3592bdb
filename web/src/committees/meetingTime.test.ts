import { describe, expect, it } from 'vitest';
import { formatInZone, isTimeZone, zonedToIso } from './meetingTime';

describe('meetingTime', () => {
  it('reads a wall-clock time in the meeting\'s zone, across a change of offset', () => {
    expect(zonedToIso('2026-03-02T09:00', 'Africa/Dakar')).toBe('2026-03-02T09:00:00.000Z');
    expect(zonedToIso('2026-03-02T09:00', 'America/Bogota')).toBe('2026-03-02T14:00:00.000Z');
    expect(zonedToIso('2026-01-15T09:30', 'Europe/Paris')).toBe('2026-01-15T08:30:00.000Z');
    expect(zonedToIso('2026-07-15T09:30', 'Europe/Paris')).toBe('2026-07-15T07:30:00.000Z');
  });

  it('shows an instant in the meeting\'s zone and names it', () => {
    expect(formatInZone('2026-03-02T14:00:00Z', 'America/Bogota', 'en')).toBe('Mar 2, 2026, 9:00 AM (America/Bogota)');
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
