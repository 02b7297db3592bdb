// JSON shapes of the public REST API (/api/v1), mirroring contracts/**. Enums travel as kebab-case strings.

export type SpaceKind = 'organisation' | 'coalition' | 'working-group' | 'forum';
export type Visibility = 'public' | 'members-only' | 'private';
export type SpaceRole = 'observer' | 'member' | 'coordinator';
export type InvitationStatus = 'open' | 'accepted' | 'declined' | 'revoked' | 'expired';
export type ApiKeyScope = 'read' | 'read-write';
export type OrganisationKind =
  | 'civil-society-organisation'
  | 'network-secretariat'
  | 'municipality-or-region'
  | 'government-body'
  | 'funder'
  | 'research-institute'
  | 'international-organisation';

export const spaceRoles: readonly SpaceRole[] = ['observer', 'member', 'coordinator'];
export const visibilities: readonly Visibility[] = ['public', 'members-only', 'private'];
export const organisationKinds: readonly OrganisationKind[] = [
  'civil-society-organisation',
  'network-secretariat',
  'municipality-or-region',
  'government-body',
  'funder',
  'research-institute',
  'international-organisation',
];

export interface SpaceRef { kind: SpaceKind; id: string }

export interface AccessToken { token: string; tokenType: string; expiresAt: string; personId: string }

/** The password was right; the second step sends this challenge with an authenticator or recovery code. */
export interface SecondFactorRequired { challenge: string; expiresAt: string }

export interface TwoFactorStatus { enabled: boolean; recoveryCodesLeft: number }

/** A new authenticator secret (base32) and its otpauth:// URI; on only once a code of it is confirmed. */
export interface TwoFactorSetup { secret: string; otpAuthUri: string }

/** Shown once, when two-factor sign-in is turned on; the server keeps only their hashes. */
export interface RecoveryCodes { codes: string[] }

/** When this token's sign-in happened and whether it used a second factor. */
export interface SignInFacts { at: string; secondFactor: boolean }

export interface PersonDetails {
  id: string;
  name: string;
  displayName: string | null;
  pseudonym: string | null;
  email: string | null;
  country: string | null;
  languages: string[];
  version: number;
}

export interface SpaceSummary {
  space: SpaceRef;
  name: string;
  visibility: Visibility;
  yourRole: SpaceRole | null;
  parent: SpaceRef | null;
}

interface SpaceDetailsBase {
  id: string;
  name: string;
  visibility: Visibility;
  version: number;
  createdAt: string;
  updatedAt: string;
  yourRole: SpaceRole | null;
  /** Members must have signed in with a second factor to see or do anything inside. */
  requireTwoFactor: boolean;
}

export interface OrganisationDetails extends SpaceDetailsBase {
  kind: OrganisationKind;
  country: string;
  region: string | null;
  topics: string[];
  description: string | null;
  website: string | null;
}

export type CoalitionKind = 'network' | 'partnership' | 'platform' | 'alliance' | 'campaign' | 'other';

export const coalitionKinds: readonly CoalitionKind[] = ['network', 'partnership', 'platform', 'alliance', 'campaign', 'other'];

export interface CoalitionDetails extends SpaceDetailsBase {
  description: string | null;
  country: string | null;
  region: string | null;
  topics: string[];
  kind: CoalitionKind;
  coordinatorsSeeChildSpaces: boolean;
}

export interface WorkingGroupDetails extends SpaceDetailsBase {
  parent: SpaceRef;
  purpose: string | null;
  openToMemberOrganisations: boolean;
}

export interface ForumDetails extends SpaceDetailsBase {
  parent: SpaceRef | null;
  description: string | null;
  themes: string[];
  openToMemberOrganisations: boolean;
}

export type SpaceDetails = OrganisationDetails | CoalitionDetails | WorkingGroupDetails | ForumDetails;

export interface DirectoryEntry {
  id: string;
  name: string;
  kind: string | null;
  country: string | null;
  region: string | null;
  topics: string[];
  visibility: Visibility;
  summary: string | null;
}

export interface DirectoryPage { items: DirectoryEntry[]; nextCursor: string | null }

export interface DirectoryFilter {
  country?: string;
  region?: string;
  topic?: string;
  kind?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface SpaceMember { personId: string; name: string; role: SpaceRole; since: string }

export interface InvitationCreated { invitationId: string; token: string; role: SpaceRole; expiresAt: string }

export interface InvitationSummary {
  invitationId: string;
  role: SpaceRole;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
  usedBy: string | null;
  note: string | null;
}

export interface InvitationPreview { space: SpaceRef; spaceName: string; role: SpaceRole; expiresAt: string }

export interface SpaceAccess { space: SpaceRef; visibility: Visibility; role: SpaceRole | null; canSeeInside: boolean }

export interface JoinRequestSummary { personId: string; name: string; message: string | null; requestedAt: string }

export interface AuditEntry {
  sequence: number;
  at: string;
  actorPersonId: string | null;
  actorOrganisationId: string | null;
  action: string;
  subjectId: string | null;
  detail: string | null;
}

export interface AuditPage { entries: AuditEntry[]; nextAfter: number | null }

export type CoalitionOrganisationStatus = 'invited' | 'active' | 'left';

/** The role a member organisation's people hold through it (never coordinator). */
export type MemberOrganisationRole = 'none' | 'observer' | 'member';

/** A member organisation; one the caller may not see comes without name, kind or place. */
export interface CoalitionOrganisation {
  organisationId: string;
  name: string;
  status: CoalitionOrganisationStatus;
  since: string;
  peopleRole: MemberOrganisationRole;
  kind: OrganisationKind | null;
  country: string | null;
  region: string | null;
}

export interface CoalitionOrganisationPage { items: CoalitionOrganisation[]; nextCursor: string | null }

/** A coalition as the organisation's own members see it (GET /organisations/{id}/coalitions). */
export interface OrganisationCoalition {
  coalitionId: string;
  name: string;
  status: CoalitionOrganisationStatus;
  since: string;
}

export interface ApiKeyCreated { keyId: string; name: string; scope: ApiKeyScope; key: string; createdAt: string }

export interface ApiKeySummary {
  keyId: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

export interface OrganisationRequest {
  name: string;
  kind: OrganisationKind;
  country: string;
  region?: string | null;
  topics?: string[];
  description?: string | null;
  website?: string | null;
  visibility?: Visibility;
}

export interface CoalitionRequest {
  name: string;
  description?: string | null;
  country?: string | null;
  region?: string | null;
  topics?: string[];
  visibility?: Visibility;
  kind?: CoalitionKind;
  /** The coalition's coordinators observe its working groups and forums. Left out: kept as it is (true for a new coalition). */
  coordinatorsSeeChildSpaces?: boolean;
}

/** Left out, openToMemberOrganisations keeps what the space has (for a new one: open unless private). */
export interface WorkingGroupRequest { name: string; purpose?: string | null; visibility?: Visibility; openToMemberOrganisations?: boolean }

export interface ForumRequest { name: string; description?: string | null; themes?: string[]; visibility?: Visibility; openToMemberOrganisations?: boolean }

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  pseudonym?: string | null;
  country?: string | null;
  languages?: string[];
  invitation?: string | null;
}
