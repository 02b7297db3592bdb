// What the app reads, as TanStack Query options: one cache for every screen, keyed so that a change can refresh
// everything it affects by a prefix. Everything about one space sits under ['space', kind, id]; everything about the
// signed-in person under ['me']. A mutation invalidates the narrowest prefix that covers what it changed.
import { infiniteQueryOptions, QueryClient, queryOptions } from '@tanstack/react-query';
import type { SpaceKind, SpaceRef } from '../generated/openapi';
import { ApiError } from './client';
import { api, type CommentFilter, type DirectoryFilter, type SpaceDocumentFilter } from './endpoints';

export const keys = {
  me: ['me'] as const,
  space: (kind: SpaceKind, id: string) => ['space', kind, id] as const,
  directory: ['directory'] as const,
  person: (id: string) => ['person', id] as const,
  invitation: (token: string) => ['invitation', token] as const,
  /** One live session's REST reads (its record, its audit log); its live state comes from the hub, not the cache. */
  session: (id: string) => ['session', id] as const,
  /** One committee meeting's REST reads (what the caller may do there, its minutes); its live state comes from the hub. */
  meeting: (id: string) => ['meeting', id] as const,
  /** One document's reads (its comments); a feedback round's under ['feedback-round', id]. */
  document: (id: string) => ['document', id] as const,
  /** Search results across spaces: any document change may move them, so they are read again whenever shown. */
  documentSearch: ['document-search'] as const,
  feedbackRound: (id: string) => ['feedback-round', id] as const,
};

export const queries = {
  me: () => queryOptions({ queryKey: [...keys.me, 'person'], queryFn: api.me }),
  mySpaces: () => queryOptions({ queryKey: [...keys.me, 'spaces'], queryFn: api.mySpaces }),
  mySignIn: () => queryOptions({ queryKey: [...keys.me, 'sign-in'], queryFn: api.mySignIn }),
  twoFactor: () => queryOptions({ queryKey: [...keys.me, 'two-factor'], queryFn: api.twoFactor }),
  person: (id: string) => queryOptions({ queryKey: keys.person(id), queryFn: () => api.person(id), staleTime: 5 * 60_000 }),

  /** One listing of the directory, page by page: each page asks for the cursor the previous one answered. */
  directory: (which: 'organisations' | 'coalitions', filter: Omit<DirectoryFilter, 'cursor' | 'limit'>, limit = 20) =>
    infiniteQueryOptions({
      queryKey: [...keys.directory, which, filter, limit],
      queryFn: ({ pageParam }) => api.directory(which, { ...filter, cursor: pageParam, limit }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),

  details: (kind: SpaceKind, id: string) =>
    queryOptions({ queryKey: [...keys.space(kind, id), 'details'], queryFn: () => api.details(kind, id) }),
  members: (kind: SpaceKind, id: string) =>
    queryOptions({ queryKey: [...keys.space(kind, id), 'members'], queryFn: () => api.members(kind, id) }),
  invitations: (kind: SpaceKind, id: string) =>
    queryOptions({ queryKey: [...keys.space(kind, id), 'invitations'], queryFn: () => api.invitations(kind, id) }),
  joinRequests: (kind: SpaceKind, id: string) =>
    queryOptions({ queryKey: [...keys.space(kind, id), 'join-requests'], queryFn: () => api.joinRequests(kind, id) }),
  workingGroups: (kind: 'organisation' | 'coalition', id: string) =>
    queryOptions({ queryKey: [...keys.space(kind, id), 'working-groups'], queryFn: () => api.workingGroups(kind, id) }),
  forums: (coalitionId: string) =>
    queryOptions({ queryKey: [...keys.space('coalition', coalitionId), 'forums'], queryFn: () => api.forums(coalitionId) }),
  organisationCoalitions: (organisationId: string) =>
    queryOptions({ queryKey: [...keys.space('organisation', organisationId), 'coalitions'], queryFn: () => api.organisationCoalitions(organisationId) }),
  coalitionOrganisations: (coalitionId: string) =>
    infiniteQueryOptions({
      queryKey: [...keys.space('coalition', coalitionId), 'organisations'],
      queryFn: ({ pageParam }) => api.coalitionOrganisations(coalitionId, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  // Every change in the space adds an entry: read again whenever the log is opened.
  audit: (kind: SpaceKind, id: string) =>
    infiniteQueryOptions({
      queryKey: [...keys.space(kind, id), 'audit'],
      queryFn: ({ pageParam }) => api.audit(kind, id, pageParam),
      initialPageParam: null as number | null,
      getNextPageParam: (last) => last.nextAfter,
      staleTime: 0,
    }),
  meetings: (committeeId: string) =>
    queryOptions({ queryKey: [...keys.space('committee', committeeId), 'meetings'], queryFn: () => api.meetings(committeeId) }),
  /** The register, page by page after the last number of the previous page; `q` searches title and text. */
  decisions: (committeeId: string, q: string) =>
    infiniteQueryOptions({
      queryKey: [...keys.space('committee', committeeId), 'decisions', q],
      queryFn: ({ pageParam }) => api.decisions(committeeId, q, pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextAfter,
    }),
  actionItems: (committeeId: string, overdue: boolean) =>
    queryOptions({ queryKey: [...keys.space('committee', committeeId), 'action-items', overdue], queryFn: () => api.actionItems(committeeId, overdue) }),
  myActionItems: () => queryOptions({ queryKey: [...keys.me, 'action-items'], queryFn: api.myActionItems }),
  proposals: (committeeId: string) =>
    queryOptions({ queryKey: [...keys.space('committee', committeeId), 'proposals'], queryFn: () => api.proposals(committeeId) }),
  meeting: (id: string) => queryOptions({ queryKey: [...keys.meeting(id), 'view'], queryFn: () => api.meeting(id) }),
  minutes: (meetingId: string) => queryOptions({ queryKey: [...keys.meeting(meetingId), 'minutes'], queryFn: () => api.minutes(meetingId) }),

  apiKeys: (organisationId: string) =>
    queryOptions({ queryKey: [...keys.space('organisation', organisationId), 'api-keys'], queryFn: () => api.apiKeys(organisationId) }),

  invitation: (token: string) => queryOptions({ queryKey: keys.invitation(token), queryFn: () => api.previewInvitation(token) }),

  forumSessions: (forumId: string) =>
    queryOptions({ queryKey: [...keys.space('forum', forumId), 'sessions'], queryFn: () => api.forumSessions(forumId) }),
  forumCommittees: (forumId: string) =>
    queryOptions({ queryKey: [...keys.space('forum', forumId), 'committees'], queryFn: () => api.forumCommittees(forumId) }),
  /** A session's audit log, page by page; `changes` says it has new entries, so a new value starts from the first page. */
  sessionAudit: (id: string, changes: string) =>
    infiniteQueryOptions({
      queryKey: [...keys.session(id), 'audit', changes],
      queryFn: ({ pageParam }) => api.sessionAudit(id, pageParam),
      initialPageParam: null as number | null,
      getNextPageParam: (page) => page.nextAfter,
    }),
  /**
   * The meeting as the caller sees it, for `you` (their offices and the seats they may vote for now), which the hub's
   * group messages do not carry; `changes` names the attendance, proxies and status it depends on, so a new value reads it again.
   */
  meetingStanding: (id: string, changes: string) =>
    queryOptions({ queryKey: [...keys.meeting(id), 'standing', changes], queryFn: () => api.meeting(id), staleTime: Infinity }),
  seats: (committeeId: string) =>
    queryOptions({ queryKey: [...keys.space('committee', committeeId), 'seats'], queryFn: () => api.seats(committeeId) }),
  /** A space's documents, page by page after the previous page's last row; a create or change in the space refreshes them. */
  spaceDocuments: (space: SpaceRef, filter: SpaceDocumentFilter) =>
    infiniteQueryOptions({
      queryKey: [...keys.space(space.kind, space.id), 'documents', filter],
      queryFn: ({ pageParam }) => api.spaceDocuments(space, filter, pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextAfter,
    }),
  spacePublications: (space: SpaceRef, tag: string | undefined) =>
    infiniteQueryOptions({
      queryKey: [...keys.space(space.kind, space.id), 'publications', tag ?? null],
      queryFn: ({ pageParam }) => api.spacePublications(space, tag, pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextAfter,
    }),
  documentSearch: (q: string) =>
    infiniteQueryOptions({
      queryKey: [...keys.documentSearch, q],
      queryFn: ({ pageParam }) => api.searchDocuments(q, pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextAfter,
      staleTime: 0,
    }),
  document: (id: string) => queryOptions({ queryKey: [...keys.document(id), 'details'], queryFn: () => api.document(id) }),
  // Two stored versions never change, so neither does what differs between them.
  compareVersions: (id: string, from: number, to: number) =>
    queryOptions({ queryKey: [...keys.document(id), 'compare', from, to], queryFn: () => api.compareDocumentVersions(id, from, to), staleTime: Infinity }),
  documentVersions: (id: string) => queryOptions({ queryKey: [...keys.document(id), 'versions'], queryFn: () => api.documentVersions(id) }),
  // A version's text never changes once stored.
  documentVersion: (id: string, number: number) =>
    queryOptions({ queryKey: [...keys.document(id), 'version', number], queryFn: () => api.documentVersion(id, number), staleTime: Infinity }),
  documentComments: (documentId: string, filter: CommentFilter) =>
    queryOptions({ queryKey: [...keys.document(documentId), 'comments', filter], queryFn: () => api.documentComments(documentId, filter) }),
  documentRounds: (id: string) => queryOptions({ queryKey: [...keys.document(id), 'feedback-rounds'], queryFn: () => api.documentRounds(id) }),
  feedbackRound: (id: string) => queryOptions({ queryKey: [...keys.feedbackRound(id), 'details'], queryFn: () => api.feedbackRound(id) }),
  feedbackRoundReport: (id: string) => queryOptions({ queryKey: [...keys.feedbackRound(id), 'report'], queryFn: () => api.feedbackRoundReport(id) }),
  myFeedbackRounds: () => queryOptions({ queryKey: [...keys.me, 'feedback-rounds'], queryFn: api.myFeedbackRounds }),
  sessionRecord: (id: string) => queryOptions({ queryKey: [...keys.session(id), 'record'], queryFn: () => api.sessionRecord(id), staleTime: Infinity }),
};

/**
 * The app's cache. A 4xx answer is an answer (retrying a 404 or 403 only delays the message); a lost connection or a
 * 503 is retried twice, which covers a node restarting behind the load balancer.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
