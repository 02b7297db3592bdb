import { kindSegment } from '../api/endpoints';
import type { SpaceRef } from '../generated/openapi';

/** The app's own address of a space: /organisations/{id}, /working-groups/{id}, … */
export const spacePath = (space: SpaceRef) => `/${kindSegment[space.kind]}/${space.id}`;

export const invitationLink = (token: string, origin = globalThis.location?.origin ?? '') =>
  `${origin}/invitations/${encodeURIComponent(token)}`;

/** "land, water ,  rights" → ["land", "water", "rights"]: trimmed, empty items dropped, duplicates removed. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

/**
 * A UUIDv7 (time-ordered, like the server's own ids): the Idempotency-Key of a create, or a draft's key. getRandomValues, unlike
 * randomUUID, also exists on plain-http pages served from a LAN address.
 */
export function newId(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(now / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
