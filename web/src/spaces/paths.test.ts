import { describe, expect, it } from 'vitest';
import { safeNext } from '../auth/session';
import { invitationLink, newId, spacePath, splitList } from './paths';

describe('paths and small helpers', () => {
  it('addresses each kind of space', () => {
    expect(spacePath({ kind: 'working-group', id: 'abc' })).toBe('/working-groups/abc');
    expect(invitationLink('coalition.a.b.c', 'https://hub.example')).toBe('https://hub.example/invitations/coalition.a.b.c');
  });

  it('makes time-ordered version 7 ids', () => {
    const first = newId(1_700_000_000_000);
    const later = newId(1_700_000_000_001);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.slice(0, 13) < later.slice(0, 13)).toBe(true);
  });

  it('splits comma lists', () => {
    expect(splitList(' land, water ,, land ,rights ')).toEqual(['land', 'water', 'rights']);
  });

  it('follows only same-site paths after sign-in', () => {
    expect(safeNext('/coalitions/1')).toBe('/coalitions/1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null, '/spaces')).toBe('/spaces');
  });
});
