// Each route of /api/v1 the app uses, through the generated client: tsc checks every path, parameter, body and
// answer against docs/openapi.json, so a changed contract fails the build here or where the answer is used.
import type {
  ActionItemRequest, ActionItemStatus, AmendmentRequest, ApiKeyScope, AttendanceStatus, CastVoteRequest, CoalitionDetails, CoalitionRequest,
  CommentStatus, CommitteeDetails, CreateDocumentRequest, DocumentStatus, SpaceRef, UpdateDocumentRequest, CommitteeOffices, CommitteeRequest, ForumDetails, ForumRequest, MemberOrganisationRole, MotionRequest, OpenVoteRequest,
  OpenRoundRequest, OrganisationDetails, OrganisationRequest, PostCommentRequest, RegisterRequest, ResponseKind, ScheduleMeetingRequest, ScheduleSessionRequest, SeatInvitationRequest, SeatPeopleRequest,
  SeatTermsRequest, SessionProposalRequest, SpaceKind, SpaceRole, WorkingGroupDetails, WorkingGroupRequest,
} from '../generated/openapi';
import type { paths } from '../generated/openapi';

type AgendaRequest = NonNullable<paths['/api/v1/live-sessions/{id}/agenda']['put']['requestBody']>['content']['application/json'];
import { limits } from '../generated/errors';
import { http, unwrap } from './client';

/** Any space's details: the answer of GET /api/v1/{kind}/{id}. */
export type SpaceDetails = OrganisationDetails | CoalitionDetails | WorkingGroupDetails | ForumDetails | CommitteeDetails;

/** The body of PUT /api/v1/{kind}/{id}: the kind's own request shape. */
export type SpaceRequest = OrganisationRequest | CoalitionRequest | WorkingGroupRequest | ForumRequest | CommitteeRequest;

/** The route segment of each kind of space: /api/v1/{segment}/{id}, and the app's own /{segment}/{id}. */
export const kindSegment = {
  organisation: 'organisations',
  coalition: 'coalitions',
  'working-group': 'working-groups',
  forum: 'forums',
  committee: 'committees',
} as const satisfies Record<SpaceKind, string>;

type Segment = (typeof kindSegment)[SpaceKind];
const seg = (kind: SpaceKind): Segment => kindSegment[kind];

/** The query a directory listing takes, as the OpenAPI document names it. */
export type DirectoryFilter = NonNullable<paths['/api/v1/organisations']['get']['parameters']['query']>;

const idempotent = (key: string) => ({ 'Idempotency-Key': key });
const path = (id: string) => ({ params: { path: { id } } });

export const api = {
  // The same answer whether the address was new or had an account: the next step is always to sign in.
  register: (body: RegisterRequest) => unwrap(http.POST('/api/v1/accounts', { body })),
  signIn: (email: string, password: string) => unwrap(http.POST('/api/v1/auth/token', { body: { email, password } })),
  completeSignIn: (email: string, challenge: string, code: string) =>
    unwrap(http.POST('/api/v1/auth/second-factor', { body: { email, challenge, code } })),
  signOut: () => unwrap(http.POST('/api/v1/auth/sign-out')),
  mySignIn: () => unwrap(http.GET('/api/v1/me/sign-in')),
  twoFactor: () => unwrap(http.GET('/api/v1/me/two-factor')),
  beginTwoFactor: () => unwrap(http.POST('/api/v1/me/two-factor')),
  confirmTwoFactor: (code: string) => unwrap(http.POST('/api/v1/me/two-factor/confirm', { body: { code } })),
  disableTwoFactor: (password: string, code: string) => unwrap(http.POST('/api/v1/me/two-factor/disable', { body: { password, code } })),
  me: () => unwrap(http.GET('/api/v1/me')),
  mySpaces: () => unwrap(http.GET('/api/v1/me/spaces')),
  person: (personId: string) => unwrap(http.GET('/api/v1/people/{personId}', { params: { path: { personId } } })),

  directory: (which: 'organisations' | 'coalitions', query: DirectoryFilter) =>
    unwrap(http.GET(`/api/v1/${which}`, { params: { query } })),

  // Creates take an idempotency key: one per form, so a retried submit cannot make a second space.
  createOrganisation: (body: OrganisationRequest, key: string) =>
    unwrap(http.POST('/api/v1/organisations', { body, params: { header: idempotent(key) } })),
  createCoalition: (body: CoalitionRequest, key: string) =>
    unwrap(http.POST('/api/v1/coalitions', { body, params: { header: idempotent(key) } })),
  createWorkingGroup: (parent: 'organisation' | 'coalition', id: string, body: WorkingGroupRequest, key: string) =>
    unwrap(http.POST(`/api/v1/${kindSegment[parent]}/{id}/working-groups`, { body, params: { path: { id }, header: idempotent(key) } })),
  createForum: (id: string, body: ForumRequest, key: string) =>
    unwrap(http.POST('/api/v1/coalitions/{id}/forums', { body, params: { path: { id }, header: idempotent(key) } })),

  details: (kind: SpaceKind, id: string): Promise<SpaceDetails> => unwrap(http.GET(`/api/v1/${seg(kind)}/{id}`, path(id))),
  organisation: (id: string) => unwrap(http.GET('/api/v1/organisations/{id}', path(id))),
  coalition: (id: string) => unwrap(http.GET('/api/v1/coalitions/{id}', path(id))),
  workingGroup: (id: string) => unwrap(http.GET('/api/v1/working-groups/{id}', path(id))),
  forum: (id: string) => unwrap(http.GET('/api/v1/forums/{id}', path(id))),
  /** Replaces a profile; with `version`, only if nobody changed it since that version was read (412 otherwise). */
  update: (kind: SpaceKind, id: string, body: SpaceRequest, version?: number): Promise<SpaceDetails> =>
    unwrap(http.PUT(`/api/v1/${seg(kind)}/{id}`, { body, params: { path: { id } }, headers: version === undefined ? {} : ifMatch(version) })),

  workingGroups: (kind: 'organisation' | 'coalition', id: string) =>
    unwrap(http.GET(`/api/v1/${kindSegment[kind]}/{id}/working-groups`, path(id))),
  forums: (id: string) => unwrap(http.GET('/api/v1/coalitions/{id}/forums', path(id))),
  coalitionOrganisations: (id: string, cursor?: string) =>
    unwrap(http.GET('/api/v1/coalitions/{id}/organisations', { params: { path: { id }, query: { limit: 100, cursor } } })),
  inviteOrganisation: (id: string, organisationId: string, peopleRole: MemberOrganisationRole = 'observer') =>
    unwrap(http.POST('/api/v1/coalitions/{id}/organisations', { body: { organisationId, peopleRole }, params: { path: { id } } })),
  setOrganisationRole: (id: string, organisationId: string, peopleRole: MemberOrganisationRole) =>
    unwrap(http.PUT('/api/v1/coalitions/{id}/organisations/{organisationId}/role', { body: { peopleRole }, params: { path: { id, organisationId } } })),
  organisationCoalitions: (id: string) => unwrap(http.GET('/api/v1/organisations/{id}/coalitions', path(id))),
  answerCoalition: (id: string, organisationId: string, accept: boolean) =>
    unwrap(http.POST(`/api/v1/coalitions/{id}/organisations/{organisationId}/${accept ? 'accept' : 'decline'}`, { params: { path: { id, organisationId } } })),
  leaveCoalition: (id: string, organisationId: string) =>
    unwrap(http.DELETE('/api/v1/coalitions/{id}/organisations/{organisationId}', { params: { path: { id, organisationId } } })),

  members: (kind: SpaceKind, id: string) => unwrap(http.GET(`/api/v1/${seg(kind)}/{id}/members`, path(id))),
  changeRole: (kind: SpaceKind, id: string, personId: string, role: SpaceRole) =>
    unwrap(http.PUT(`/api/v1/${seg(kind)}/{id}/members/{personId}/role`, { body: { role }, params: { path: { id, personId } } })),
  removeMember: (kind: SpaceKind, id: string, personId: string) =>
    unwrap(http.DELETE(`/api/v1/${seg(kind)}/{id}/members/{personId}`, { params: { path: { id, personId } } })),
  leave: (kind: SpaceKind, id: string) => unwrap(http.POST(`/api/v1/${seg(kind)}/{id}/leave`, path(id))),

  invitations: (kind: SpaceKind, id: string) => unwrap(http.GET(`/api/v1/${seg(kind)}/{id}/invitations`, path(id))),
  invite: (kind: SpaceKind, id: string, role: SpaceRole, expiresInDays: number, note: string | null) =>
    unwrap(http.POST(`/api/v1/${seg(kind)}/{id}/invitations`, { body: { role, expiresInDays, note }, params: { path: { id } } })),
  revokeInvitation: (kind: SpaceKind, id: string, invitationId: string) =>
    unwrap(http.DELETE(`/api/v1/${seg(kind)}/{id}/invitations/{invitationId}`, { params: { path: { id, invitationId } } })),

  requestToJoin: (kind: SpaceKind, id: string, message: string | null) =>
    unwrap(http.POST(`/api/v1/${seg(kind)}/{id}/join-requests`, { body: { message }, params: { path: { id } } })),
  joinRequests: (kind: SpaceKind, id: string) => unwrap(http.GET(`/api/v1/${seg(kind)}/{id}/join-requests`, path(id))),
  decideJoinRequest: (kind: SpaceKind, id: string, personId: string, approve: boolean) =>
    unwrap(http.POST(`/api/v1/${seg(kind)}/{id}/join-requests/{personId}/${approve ? 'approve' : 'reject'}`, { params: { path: { id, personId } } })),

  audit: (kind: SpaceKind, id: string, after: number | null, limit = 50) =>
    unwrap(http.GET(`/api/v1/${seg(kind)}/{id}/audit`, { params: { path: { id }, query: { after: after ?? undefined, limit } } })),

  previewInvitation: (token: string) => unwrap(http.GET('/api/v1/invitations/{token}', { params: { path: { token } } })),
  acceptInvitation: (token: string) => unwrap(http.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } } })),
  declineInvitation: (token: string) => unwrap(http.POST('/api/v1/invitations/{token}/decline', { params: { path: { token } } })),

  forumSessions: (forumId: string) => unwrap(http.GET('/api/v1/forums/{forumId}/sessions', { params: { path: { forumId } } })),
  scheduleSession: (forumId: string, body: ScheduleSessionRequest, key: string) =>
    unwrap(http.POST('/api/v1/forums/{forumId}/sessions', { body, params: { path: { forumId }, header: idempotent(key) } })),
  session: (id: string) => unwrap(http.GET('/api/v1/live-sessions/{id}', path(id))),
  sessionRecord: (id: string) => unwrap(http.GET('/api/v1/live-sessions/{id}/record', path(id))),
  sessionAudit: (id: string, after: number | null, limit = 50) =>
    unwrap(http.GET('/api/v1/live-sessions/{id}/audit', { params: { path: { id }, query: { after: after ?? undefined, limit } } })),
  setAgenda: (id: string, body: AgendaRequest) => unwrap(http.PUT('/api/v1/live-sessions/{id}/agenda', { body, params: { path: { id } } })),
  forumCommittees: (id: string) => unwrap(http.GET('/api/v1/forums/{id}/committees', path(id))),
  proposeFromSession: (id: string, body: SessionProposalRequest, key: string) =>
    unwrap(http.POST('/api/v1/live-sessions/{id}/proposals', { body, params: { path: { id }, header: idempotent(key) } })),

  // A committee's meeting. Its live state comes from the hub; these are its reads for the caller and its changes,
  // whose effect arrives back through the hub like everyone else's.
  meeting: (id: string) => unwrap(http.GET('/api/v1/meetings/{id}', path(id))),
  seats: (id: string) => unwrap(http.GET('/api/v1/committees/{id}/seats', path(id))),
  startMeeting: (id: string) => unwrap(http.POST('/api/v1/meetings/{id}/start', path(id))),
  closeMeeting: (id: string) => unwrap(http.POST('/api/v1/meetings/{id}/close', path(id))),
  cancelMeeting: (id: string) => unwrap(http.POST('/api/v1/meetings/{id}/cancel', path(id))),
  recordAttendance: (id: string, seatId: string, status: AttendanceStatus) =>
    unwrap(http.PUT('/api/v1/meetings/{id}/attendance/{seatId}', { body: { status }, params: { path: { id, seatId } } })),
  giveProxy: (id: string, seatId: string, holderSeatId: string) =>
    unwrap(http.PUT('/api/v1/meetings/{id}/proxies/{seatId}', { body: { holderSeatId }, params: { path: { id, seatId } } })),
  revokeProxy: (id: string, seatId: string) =>
    unwrap(http.DELETE('/api/v1/meetings/{id}/proxies/{seatId}', { params: { path: { id, seatId } } })),
  proposeMotion: (id: string, body: MotionRequest) => unwrap(http.POST('/api/v1/meetings/{id}/motions', { body, params: { path: { id } } })),
  secondMotion: (id: string, motionId: string, seatId: string) =>
    unwrap(http.POST('/api/v1/meetings/{id}/motions/{motionId}/second', { body: { seatId }, params: { path: { id, motionId } } })),
  proposeAmendment: (id: string, motionId: string, body: AmendmentRequest) =>
    unwrap(http.POST('/api/v1/meetings/{id}/motions/{motionId}/amendments', { body, params: { path: { id, motionId } } })),
  secondAmendment: (id: string, motionId: string, amendmentId: string, seatId: string) =>
    unwrap(http.POST('/api/v1/meetings/{id}/motions/{motionId}/amendments/{amendmentId}/second',
      { body: { seatId }, params: { path: { id, motionId, amendmentId } } })),
  openVote: (id: string, body: OpenVoteRequest) => unwrap(http.POST('/api/v1/meetings/{id}/votes', { body, params: { path: { id } } })),
  castVote: (id: string, voteId: string, body: CastVoteRequest) =>
    unwrap(http.POST('/api/v1/meetings/{id}/votes/{voteId}/ballots', { body, params: { path: { id, voteId } } })),
  closeVote: (id: string, voteId: string) =>
    unwrap(http.POST('/api/v1/meetings/{id}/votes/{voteId}/close', { params: { path: { id, voteId } } })),

  committee: (id: string) => unwrap(http.GET('/api/v1/committees/{id}', path(id))),
  setOffices: (id: string, body: CommitteeOffices) => unwrap(http.PUT('/api/v1/committees/{id}/offices', { body, params: { path: { id } } })),
  inviteSeat: (id: string, body: SeatInvitationRequest) => unwrap(http.POST('/api/v1/committees/{id}/seats', { body, params: { path: { id } } })),
  changeSeat: (id: string, seatId: string, body: SeatTermsRequest) =>
    unwrap(http.PUT('/api/v1/committees/{id}/seats/{seatId}', { body, params: { path: { id, seatId } } })),
  /** The seat's own answers: the committee's coordinators end it; the organisation's coordinators answer for it. */
  seatAction: (id: string, seatId: string, action: 'end' | 'decline' | 'step-down') =>
    unwrap(http.POST(`/api/v1/committees/{id}/seats/{seatId}/${action}`, { params: { path: { id, seatId } } })),
  acceptSeat: (id: string, seatId: string, body: SeatPeopleRequest) =>
    unwrap(http.POST('/api/v1/committees/{id}/seats/{seatId}/accept', { body, params: { path: { id, seatId } } })),
  nameSeatPeople: (id: string, seatId: string, body: SeatPeopleRequest) =>
    unwrap(http.PUT('/api/v1/committees/{id}/seats/{seatId}/representatives', { body, params: { path: { id, seatId } } })),
  meetings: (id: string) => unwrap(http.GET('/api/v1/committees/{id}/meetings', path(id))),
  scheduleMeeting: (committeeId: string, body: ScheduleMeetingRequest, key: string) =>
    unwrap(http.POST('/api/v1/committees/{id}/meetings', { body, params: { path: { id: committeeId }, header: idempotent(key) } })),
  decisions: (id: string, q: string, after: string | null, limit = 50) =>
    unwrap(http.GET('/api/v1/committees/{id}/decisions', { params: { path: { id }, query: { q: q || undefined, after: after ?? undefined, limit } } })),
  actionItems: (id: string, overdue: boolean) =>
    unwrap(http.GET('/api/v1/committees/{id}/action-items', { params: { path: { id }, query: { overdue: overdue || undefined } } })),
  addActionItem: (id: string, body: ActionItemRequest, key: string) =>
    unwrap(http.POST('/api/v1/committees/{id}/action-items', { body, params: { path: { id }, header: idempotent(key) } })),
  setActionItemStatus: (id: string, itemId: string, status: ActionItemStatus) =>
    unwrap(http.PUT('/api/v1/committees/{id}/action-items/{itemId}/status', { body: { status }, params: { path: { id, itemId } } })),
  myActionItems: () => unwrap(http.GET('/api/v1/me/action-items')),
  proposals: (id: string) => unwrap(http.GET('/api/v1/committees/{id}/proposals', path(id))),
  withdrawProposal: (id: string, proposalId: string) =>
    unwrap(http.POST('/api/v1/committees/{id}/proposals/{proposalId}/withdraw', { params: { path: { id, proposalId } } })),
  minutes: (meetingId: string) => unwrap(http.GET('/api/v1/meetings/{id}/minutes', path(meetingId))),
  // The body is optional in the contract, but routing refuses a POST here that carries no JSON at all.
  draftMinutes: (meetingId: string) => unwrap(http.POST('/api/v1/meetings/{id}/minutes', { body: { replace: false }, params: { path: { id: meetingId } } })),
  editMinutes: (meetingId: string, markdown: string, version: number) =>
    unwrap(http.PUT('/api/v1/meetings/{id}/minutes', { body: { markdown }, params: { path: { id: meetingId } }, headers: ifMatch(version) })),
  circulateMinutes: (meetingId: string) => unwrap(http.POST('/api/v1/meetings/{id}/minutes/circulate', path(meetingId))),
  commentOnMinutes: (meetingId: string, text: string, quote: string | null, key: string) =>
    unwrap(http.POST('/api/v1/meetings/{id}/minutes/comments', { body: { text, quote }, params: { path: { id: meetingId }, header: idempotent(key) } })),

  apiKeys: (id: string) => unwrap(http.GET('/api/v1/organisations/{id}/api-keys', path(id))),
  createApiKey: (id: string, name: string, scope: ApiKeyScope) =>
    unwrap(http.POST('/api/v1/organisations/{id}/api-keys', { body: { name, scope }, params: { path: { id } } })),
  revokeApiKey: (id: string, keyId: string) =>
    unwrap(http.DELETE('/api/v1/organisations/{id}/api-keys/{keyId}', { params: { path: { id, keyId } } })),

  // A space's documents and its publications (the route names the kind as JSON does: working-group, not working-groups).
  spaceDocuments: (space: SpaceRef, filter: SpaceDocumentFilter, after: string | null, limit = limits.pageSizeDefault) =>
    unwrap(http.GET('/api/v1/spaces/{kind}/{id}/documents', {
      params: { path: { kind: space.kind, id: space.id }, query: { status: filter.status, tag: filter.tag, after: after ?? undefined, limit } },
    })),
  spacePublications: (space: SpaceRef, tag: string | undefined, after: string | null, limit = limits.pageSizeDefault) =>
    unwrap(http.GET('/api/v1/spaces/{kind}/{id}/publications', {
      params: { path: { kind: space.kind, id: space.id }, query: { tag, after: after ?? undefined, limit } },
    })),
  createDocument: (space: SpaceRef, body: CreateDocumentRequest, key: string) =>
    unwrap(http.POST('/api/v1/spaces/{kind}/{id}/documents', { body, params: { path: { kind: space.kind, id: space.id }, header: idempotent(key) } })),
  searchDocuments: (q: string, after: string | null, limit = limits.pageSizeDefault) =>
    unwrap(http.GET('/api/v1/documents/search', { params: { query: { q, after: after ?? undefined, limit } } })),

  document: (id: string) => unwrap(http.GET('/api/v1/documents/{id}', path(id))),
  /** Only the fields given change; `version` (the document's, from its read) makes a change made meanwhile a 412. */
  updateDocument: (id: string, body: UpdateDocumentRequest, version: number) =>
    unwrap(http.PATCH('/api/v1/documents/{id}', { body, params: { path: { id } }, headers: ifMatch(version) })),
  deleteDocument: (id: string, version: number) =>
    unwrap(http.DELETE('/api/v1/documents/{id}', { params: { path: { id } }, headers: ifMatch(version) })),
  compareDocumentVersions: (id: string, from: number, to: number) =>
    unwrap(http.GET('/api/v1/documents/{id}/compare', { params: { path: { id }, query: { from, to } } })),
  documentVersions: (id: string) => unwrap(http.GET('/api/v1/documents/{id}/versions', path(id))),
  documentVersion: (id: string, number: number) =>
    unwrap(http.GET('/api/v1/documents/{id}/versions/{number}', { params: { path: { id, number } } })),
  /** A file as multipart/form-data, the change note before the file as the route asks; the browser streams the body. */
  uploadDocumentVersion: (id: string, file: File, changeNote: string | null) => {
    const form = new FormData();
    if (changeNote) form.append('changeNote', changeNote);
    form.append('file', file, file.name);
    return unwrap(http.POST('/api/v1/documents/{id}/versions', { params: { path: { id } }, body: form as never, bodySerializer: (body) => body as unknown as FormData }));
  },
  addMarkdownVersion: (id: string, markdown: string, changeNote: string | null) =>
    unwrap(http.POST('/api/v1/documents/{id}/versions/markdown', { body: { markdown, changeNote }, params: { path: { id } } })),

  // A document's comments and its feedback rounds. A reply names its thread's first comment in `parentId`.
  documentComments: (id: string, filter: CommentFilter) =>
    unwrap(http.GET('/api/v1/documents/{id}/comments', { params: { path: { id }, query: { ...filter, limit: 100 } } })),
  postDocumentComment: (id: string, body: PostCommentRequest, key: string) =>
    unwrap(http.POST('/api/v1/documents/{id}/comments', { body, params: { path: { id }, header: idempotent(key) } })),
  setDocumentCommentStatus: (id: string, commentId: string, status: CommentStatus) =>
    unwrap(http.PUT('/api/v1/documents/{id}/comments/{commentId}/status', { body: { status }, params: { path: { id, commentId } } })),
  respondToDocumentComment: (id: string, commentId: string, kind: ResponseKind, reply: string | null) =>
    unwrap(http.PUT('/api/v1/documents/{id}/comments/{commentId}/response', { body: { kind, reply }, params: { path: { id, commentId } } })),
  documentRounds: (id: string) => unwrap(http.GET('/api/v1/documents/{id}/feedback-rounds', path(id))),
  openFeedbackRound: (id: string, body: OpenRoundRequest, key: string) =>
    unwrap(http.POST('/api/v1/documents/{id}/feedback-rounds', { body, params: { path: { id }, header: idempotent(key) } })),
  feedbackRound: (id: string) => unwrap(http.GET('/api/v1/feedback-rounds/{id}', path(id))),
  closeFeedbackRound: (id: string) => unwrap(http.POST('/api/v1/feedback-rounds/{id}/close', path(id))),
  feedbackRoundReport: (id: string) => unwrap(http.GET('/api/v1/feedback-rounds/{id}/report', path(id))),
  myFeedbackRounds: () => unwrap(http.GET('/api/v1/me/feedback-rounds')),
};

/** A space's document list filtered by status and one tag. */
export interface SpaceDocumentFilter { status?: DocumentStatus; tag?: string }

/** The query of a document's comment list, as the OpenAPI document names it (without paging). */
export type CommentFilter = Omit<NonNullable<paths['/api/v1/documents/{id}/comments']['get']['parameters']['query']>, 'after' | 'limit'>;

/** The ETag the server gives a space of this version (api/Infrastructure/ETags.cs). */
function ifMatch(version: number) {
  return { 'If-Match': `"v${version}"` };
}
