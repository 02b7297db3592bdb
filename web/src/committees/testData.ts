// Named people, organisations and answers for the committee screens' tests.
import type { ActionItem, CommitteeDetails, MeetingView, Proposal, Seat, SpaceMember, SpaceRole } from '../generated/openapi';
import { api, server } from '../testing/network';

export const people = {
  chair: '00000000-0000-7000-8000-0000000000c1',
  secretary: '00000000-0000-7000-8000-0000000000c2',
  coordinator: '00000000-0000-7000-8000-0000000000c3',
  representative: '00000000-0000-7000-8000-0000000000c4',
  alternate: '00000000-0000-7000-8000-0000000000c5',
  outsider: '00000000-0000-7000-8000-0000000000c6',
};

export const names: Record<string, string> = {
  [people.chair]: 'Aminata Diallo', [people.secretary]: 'Lucía Pérez', [people.coordinator]: 'Karim Haddad',
  [people.representative]: 'Nadia Benali', [people.alternate]: 'Tomás Rivera',
};

export const committeeId = '00000000-0000-7000-8000-00000000c0c0';
export const organisationId = '00000000-0000-7000-8000-0000000000a1';

export const committee = (yourRole: SpaceRole | null, patch: Partial<CommitteeDetails> = {}): CommitteeDetails => ({
  id: committeeId, parent: { kind: 'coalition', id: '00000000-0000-7000-8000-0000000000b1' }, name: 'Steering Committee', mandate: null,
  visibility: 'members-only', version: 3, createdAt: '2026-01-01T10:00:00Z', updatedAt: '2026-01-01T10:00:00Z', yourRole, requireTwoFactor: false,
  rules: { quorum: { kind: 'more-than-percent', value: 50 }, defaultMethod: 'simple-majority', maxProxiesPerHolder: 1 },
  offices: { chair: people.chair, coChairs: [], secretary: people.secretary }, code: 'SC',
  ...patch,
});

export const seat = (patch: Partial<Seat> = {}): Seat => ({
  seatId: '00000000-0000-7000-8000-0000000005e1', organisationId, organisationName: 'Red de la Tierra', kind: 'founding-partner', status: 'active',
  termStart: '2026-01-01T00:00:00Z', termEnd: null, allotment: 2, representative: people.representative, alternate: people.alternate,
  invitedAt: '2026-01-01T00:00:00Z', votes: true, ...patch,
});

export const member = (personId: string, role: SpaceRole = 'member'): SpaceMember => ({ personId, name: names[personId] ?? personId, role, since: '2026-01-01T10:00:00Z' });

export const actionItem = (patch: Partial<ActionItem> = {}): ActionItem => ({
  itemId: '00000000-0000-7000-8000-0000000001a1', committeeId, title: 'Send the budget to partners', notes: null,
  assignee: { personId: people.representative, seatId: null }, dueAt: '2026-02-01T00:00:00Z', status: 'open', meetingId: null, decisionNumber: null,
  createdBy: people.secretary, createdAt: '2026-01-10T10:00:00Z', updatedAt: '2026-01-10T10:00:00Z', overdue: false, overdueNoticedAt: null, version: 1,
  ...patch,
});

/** People's names as anyone inside the committee may see them. */
export function personNames() {
  server.use(api.get('/api/v1/people/{personId}', ({ params, response }) => response(200).json({
    id: params.personId, name: names[params.personId] ?? 'Someone', displayName: names[params.personId] ?? 'Someone', pseudonym: null, email: null,
    country: null, languages: [], version: 1,
  })));
}

export const meetingView = (patch: Partial<MeetingView> = {}): MeetingView => ({
  meetingId: '00000000-0000-7000-8000-0000000000e1', committeeId, title: 'First meeting', type: 'regular', status: 'closed',
  startsAt: '2026-01-15T14:00:00Z', timeZone: 'America/Bogota', place: null, onlineLink: null, deadline: null, agenda: [], attendance: [],
  quorum: { presentAllotments: 0, votingAllotments: 0, required: 1, met: false }, proxies: [], motions: [], votes: [], version: 1, sequence: 1,
  you: { runsMeeting: false, secretary: false, representedSeats: [], castingSeats: [] },
  ...patch,
});

export const proposal = (patch: Partial<Proposal> = {}): Proposal => ({
  proposalId: '00000000-0000-7000-8000-0000000000d1', committeeId, kind: 'motion', title: 'Water for every municipality',
  text: 'The forum asks the partners to fund water points.',
  origin: { sessionId: '00000000-0000-7000-8000-0000000000e1', itemId: '00000000-0000-7000-8000-0000000000e2', sourceKind: 'outcome', sourceId: null, quote: 'Acuerdo sobre el agua' },
  status: 'draft', meetingId: null, motionId: null, actionItemId: null, decisionNumber: null, proposedBy: people.coordinator,
  proposedAt: '2026-03-01T10:00:00Z', ...patch,
});
