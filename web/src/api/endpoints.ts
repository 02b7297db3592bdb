// Typed calls for each route of /api/v1 the app uses. Paths are built from ids the API gave us, encoded anyway.
import { create, del, get, post, put } from './client';
import type {
  AccessToken, ApiKeyCreated, ApiKeyScope, ApiKeySummary, AuditPage, CoalitionDetails, CoalitionOrganisationPage,
  CoalitionRequest, DirectoryFilter, DirectoryPage, ForumDetails, ForumRequest, InvitationCreated, InvitationPreview,
  InvitationSummary, JoinRequestSummary, MemberOrganisationRole, OrganisationCoalition, OrganisationDetails, OrganisationRequest, PersonDetails, RegisterRequest,
  SpaceAccess, SpaceDetails, SpaceKind, SpaceMember, SpaceRole, SpaceSummary, WorkingGroupDetails, WorkingGroupRequest,
  RecoveryCodes, SecondFactorRequired, SignInFacts, TwoFactorSetup, TwoFactorStatus,
} from './types';

const v1 = '/api/v1';
const e = encodeURIComponent;

/** The route segment of each kind of space: /api/v1/{segment}/{id}, and the app's own /{segment}/{id}. */
export const kindSegment: Record<SpaceKind, string> = {
  organisation: 'organisations',
  coalition: 'coalitions',
  'working-group': 'working-groups',
  forum: 'forums',
};

const space = (kind: SpaceKind, id: string) => `${v1}/${kindSegment[kind]}/${e(id)}`;

export const api = {
  // The same answer whether the address was new or had an account: the next step is always to sign in.
  register: (body: RegisterRequest) => post<{ next: string }>(`${v1}/accounts`, body),
  signIn: (email: string, password: string) => post<AccessToken | SecondFactorRequired>(`${v1}/auth/token`, { email, password }),
  completeSignIn: (email: string, challenge: string, code: string) =>
    post<AccessToken>(`${v1}/auth/second-factor`, { email, challenge, code }),
  signOut: () => post<void>(`${v1}/auth/sign-out`),
  mySignIn: () => get<SignInFacts>(`${v1}/me/sign-in`),
  twoFactor: () => get<TwoFactorStatus>(`${v1}/me/two-factor`),
  beginTwoFactor: () => post<TwoFactorSetup>(`${v1}/me/two-factor`),
  confirmTwoFactor: (code: string) => post<RecoveryCodes>(`${v1}/me/two-factor/confirm`, { code }),
  disableTwoFactor: (password: string, code: string) => post<void>(`${v1}/me/two-factor/disable`, { password, code }),
  me: () => get<PersonDetails>(`${v1}/me`),
  mySpaces: () => get<SpaceSummary[]>(`${v1}/me/spaces`),
  person: (id: string) => get<PersonDetails>(`${v1}/people/${e(id)}`),

  directory: (which: 'organisations' | 'coalitions', filter: DirectoryFilter) =>
    get<DirectoryPage>(`${v1}/${which}`, { ...filter }),

  // Creates take an idempotency key: one per form, so a retried submit cannot make a second space.
  createOrganisation: (body: OrganisationRequest, key: string) => create<OrganisationDetails>(`${v1}/organisations`, body, key),
  createCoalition: (body: CoalitionRequest, key: string) => create<CoalitionDetails>(`${v1}/coalitions`, body, key),
  createWorkingGroup: (parent: 'organisation' | 'coalition', parentId: string, body: WorkingGroupRequest, key: string) =>
    create<WorkingGroupDetails>(`${space(parent, parentId)}/working-groups`, body, key),
  createForum: (coalitionId: string, body: ForumRequest, key: string) =>
    create<ForumDetails>(`${space('coalition', coalitionId)}/forums`, body, key),

  details: <T extends SpaceDetails = SpaceDetails>(kind: SpaceKind, id: string) => get<T>(space(kind, id)),
  /** Replaces the profile; the body is the kind's request shape (see profileOf). */
  update: <T extends SpaceDetails = SpaceDetails>(kind: SpaceKind, id: string, body: object) => put<T>(space(kind, id), body),
  workingGroups: (kind: 'organisation' | 'coalition', id: string) => get<SpaceSummary[]>(`${space(kind, id)}/working-groups`),
  forums: (coalitionId: string) => get<SpaceSummary[]>(`${space('coalition', coalitionId)}/forums`),
  coalitionOrganisations: (coalitionId: string, cursor?: string) =>
    get<CoalitionOrganisationPage>(`${space('coalition', coalitionId)}/organisations?limit=100${cursor ? `&cursor=${e(cursor)}` : ''}`),
  inviteOrganisation: (coalitionId: string, organisationId: string, peopleRole: MemberOrganisationRole = 'observer') =>
    post<void>(`${space('coalition', coalitionId)}/organisations`, { organisationId, peopleRole }),
  organisationCoalitions: (organisationId: string) =>
    get<OrganisationCoalition[]>(`${space('organisation', organisationId)}/coalitions`),
  answerCoalition: (coalitionId: string, organisationId: string, accept: boolean) =>
    post<void>(`${space('coalition', coalitionId)}/organisations/${e(organisationId)}/${accept ? 'accept' : 'decline'}`),
  leaveCoalition: (coalitionId: string, organisationId: string) =>
    del(`${space('coalition', coalitionId)}/organisations/${e(organisationId)}`),

  members: (kind: SpaceKind, id: string) => get<SpaceMember[]>(`${space(kind, id)}/members`),
  changeRole: (kind: SpaceKind, id: string, personId: string, role: SpaceRole) =>
    put<void>(`${space(kind, id)}/members/${e(personId)}/role`, { role }),
  removeMember: (kind: SpaceKind, id: string, personId: string) => del(`${space(kind, id)}/members/${e(personId)}`),
  leave: (kind: SpaceKind, id: string) => post<void>(`${space(kind, id)}/leave`),

  invitations: (kind: SpaceKind, id: string) => get<InvitationSummary[]>(`${space(kind, id)}/invitations`),
  invite: (kind: SpaceKind, id: string, role: SpaceRole, expiresInDays: number, note: string | null) =>
    post<InvitationCreated>(`${space(kind, id)}/invitations`, { role, expiresInDays, note }),
  revokeInvitation: (kind: SpaceKind, id: string, invitationId: string) =>
    del(`${space(kind, id)}/invitations/${e(invitationId)}`),

  requestToJoin: (kind: SpaceKind, id: string, message: string | null) =>
    post<void>(`${space(kind, id)}/join-requests`, { message }),
  joinRequests: (kind: SpaceKind, id: string) => get<JoinRequestSummary[]>(`${space(kind, id)}/join-requests`),
  decideJoinRequest: (kind: SpaceKind, id: string, personId: string, approve: boolean) =>
    post<void>(`${space(kind, id)}/join-requests/${e(personId)}/${approve ? 'approve' : 'reject'}`),

  audit: (kind: SpaceKind, id: string, after: number | null, limit = 50) =>
    get<AuditPage>(`${space(kind, id)}/audit`, { after, limit }),

  previewInvitation: (token: string) => get<InvitationPreview>(`${v1}/invitations/${e(token)}`),
  acceptInvitation: (token: string) => post<SpaceAccess>(`${v1}/invitations/${e(token)}/accept`),
  declineInvitation: (token: string) => post<void>(`${v1}/invitations/${e(token)}/decline`),

  apiKeys: (organisationId: string) => get<ApiKeySummary[]>(`${space('organisation', organisationId)}/api-keys`),
  createApiKey: (organisationId: string, name: string, scope: ApiKeyScope) =>
    post<ApiKeyCreated>(`${space('organisation', organisationId)}/api-keys`, { name, scope }),
  revokeApiKey: (organisationId: string, keyId: string) =>
    del(`${space('organisation', organisationId)}/api-keys/${e(keyId)}`),
};
