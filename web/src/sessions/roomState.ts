// The session room's state, kept in sequence as every live room is (live/sequence.ts).
import { continues, outOfSequence, withSnapshot, type Sequenced } from '../live/sequence';
import type { Contribution, ItemContent, LiveSessionChange, LiveSessionEvent, LiveSessionRole, LiveSessionView, PresentPerson } from '../generated/hub';

export interface RoomState extends Sequenced<LiveSessionView> {
  /** People removed while this room was open: a removed person's own room says so (the hub then drops them). */
  removed: string[];
  /** Roles the forum changed while this room was open; null: that person lost access (the hub then drops them). */
  roles: Record<string, LiveSessionRole | null>;
}

export type RoomAction = { type: 'snapshot'; view: LiveSessionView } | { type: 'event'; event: LiveSessionEvent };

export const initialRoomState: RoomState = { view: null, sequence: null, gapAfter: null, removed: [], roles: {} };

export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  if (action.type === 'snapshot') return withSnapshot(state, action.view);
  const { event } = action;
  if (!continues(state, event.sequence)) return outOfSequence(state, event.sequence);
  const removed = event.change.type === 'participant-removed' && !state.removed.includes(event.change.personId)
    ? [...state.removed, event.change.personId]
    : state.removed;
  const roles = event.change.type === 'access-changed' ? { ...state.roles, [event.change.personId]: event.change.role } : state.roles;
  return { view: applyChange({ ...state.view, sequence: event.sequence }, event.change), sequence: event.sequence, gapAfter: null, removed, roles };
}

const emptyItem = (itemId: string): ItemContent => ({
  itemId, contributions: [], queue: null, poll: null, statements: [], statementResults: null, rooms: [], outcome: null,
});

function withItem(view: LiveSessionView, itemId: string, change: (item: ItemContent) => ItemContent): LiveSessionView {
  const found = view.items.some((i) => i.itemId === itemId);
  const items = found ? view.items.map((i) => (i.itemId === itemId ? change(i) : i)) : [...view.items, change(emptyItem(itemId))];
  return { ...view, items };
}

function withContribution(view: LiveSessionView, id: string, change: (c: Contribution) => Contribution): LiveSessionView {
  return {
    ...view,
    items: view.items.map((item) => (item.contributions.some((c) => c.id === id)
      ? { ...item, contributions: item.contributions.map((c) => (c.id === id ? change(c) : c)) }
      : item)),
  };
}

/** Counts per organisation of the people present, as the grain computes them for a snapshot. */
export function countOrganisations(present: PresentPerson[]): LiveSessionView['organisations'] {
  const counts = new Map<string, { organisationId: string; name: string; present: number }>();
  for (const person of present) {
    for (const o of person.organisations) {
      const entry = counts.get(o.id) ?? { organisationId: o.id, name: o.name, present: 0 };
      entry.present += 1;
      counts.set(o.id, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.present - a.present || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function applyChange(view: LiveSessionView, change: LiveSessionChange): LiveSessionView {
  const details = view.details;
  switch (change.type) {
    case 'session-status-changed':
      return { ...view, details: { ...details, status: change.status, itemEndsAt: change.itemEndsAt } };
    case 'agenda-changed':
      return { ...view, details: { ...details, agenda: change.agenda } };
    case 'item-opened':
      return withItem({ ...view, details: { ...details, currentItem: change.index, itemEndsAt: change.endsAt } }, change.itemId, (i) => i);
    case 'timer-extended':
      if (change.roomId) {
        return withItem(view, change.itemId, (i) => ({
          ...i, rooms: i.rooms.map((r) => (r.id === change.roomId ? { ...r, endsAt: change.endsAt } : r)),
        }));
      }
      return { ...view, details: { ...details, itemEndsAt: change.endsAt } };
    case 'facilitator-appointed':
      return details.coFacilitators.includes(change.personId)
        ? view
        : { ...view, details: { ...details, coFacilitators: [...details.coFacilitators, change.personId] } };
    case 'participant-muted': {
      const muted = view.muted.filter((id) => id !== change.personId);
      return { ...view, muted: change.muted ? [...muted, change.personId] : muted };
    }
    case 'participant-removed': {
      const present = view.present.filter((p) => p.personId !== change.personId);
      return { ...view, present, organisations: countOrganisations(present) };
    }
    case 'access-changed': {
      const present = change.role === null
        ? view.present.filter((p) => p.personId !== change.personId)
        : view.present.map((p) => (p.personId === change.personId ? { ...p, role: change.role! } : p));
      return { ...view, present, organisations: countOrganisations(present) };
    }
    case 'presence-changed': {
      const others = view.present.filter((p) => p.personId !== change.person.personId);
      const present = change.present ? [...others, change.person] : others;
      return { ...view, present, organisations: countOrganisations(present) };
    }
    case 'contribution-posted':
      return withItem(view, change.contribution.itemId, (i) => (i.contributions.some((c) => c.id === change.contribution.id)
        ? i
        : { ...i, contributions: [...i.contributions, change.contribution] }));
    case 'reaction-changed':
      return withContribution(view, change.contributionId, (c) => {
        const others = c.reactions.filter((r) => r.reaction !== change.reaction);
        return { ...c, reactions: change.count > 0 ? [...others, { reaction: change.reaction, count: change.count }] : others };
      });
    case 'speaking-queue-changed':
      return withItem(view, change.itemId, (i) => ({ ...i, queue: change.queue }));
    case 'poll-tallied':
      return withItem(view, change.itemId, (i) => ({ ...i, poll: change.result }));
    case 'statement-submitted':
      return withItem(view, change.itemId, (i) => (i.statements.some((s) => s.statementId === change.statementId)
        ? i
        : { ...i, statements: [...i.statements, { statementId: change.statementId, text: change.text, agree: 0, disagree: 0, pass: 0 }] }));
    case 'statement-tallied':
      return withItem(view, change.itemId, (i) => ({
        ...i,
        statements: i.statements.some((s) => s.statementId === change.tally.statementId)
          ? i.statements.map((s) => (s.statementId === change.tally.statementId ? change.tally : s))
          : [...i.statements, change.tally],
      }));
    case 'statements-concluded':
      return withItem(view, change.itemId, (i) => ({ ...i, statementResults: change.results }));
    case 'breakout-opened':
      return withItem(view, change.itemId, (i) => ({ ...i, rooms: change.rooms }));
    case 'summary-posted':
      return withItem(view, change.itemId, (i) => ({
        ...i, rooms: i.rooms.map((r) => (r.id === change.roomId ? { ...r, summary: change.text } : r)),
      }));
    case 'outcome-recorded':
      return withItem(view, change.itemId, (i) => ({ ...i, outcome: change.text }));
    default:
      return view; // a kind this build does not know yet: the next snapshot brings it
  }
}

/** The item on the agenda now, and what happened under it so far. */
export function currentItem(view: LiveSessionView) {
  const item = view.details.agenda[view.details.currentItem];
  if (!item) return null;
  return { item, content: view.items.find((c) => c.itemId === item.id) ?? emptyItem(item.id) };
}

/** Display names by person id, from presence and contribution authors (people who left keep their name). */
export function namesOf(view: LiveSessionView): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of view.items) for (const c of item.contributions) names.set(c.authorId, c.authorName);
  for (const p of view.present) names.set(p.personId, p.name);
  return names;
}
