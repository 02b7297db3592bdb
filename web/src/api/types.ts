// Server shapes come from the generated contract (src/generated/openapi.ts); this module only re-exports them
// under the names the screens used before, while they move to importing the generated module directly.
export type {
  AccessToken, ApiKeyCreated, ApiKeyScope, ApiKeySummary, AuditEntry, AuditPage, CoalitionDetails, CoalitionKind,
  CoalitionOrganisation, CoalitionOrganisationPage, CoalitionOrganisationStatus, CoalitionRequest, DirectoryEntry, DirectoryPage,
  ForumDetails, ForumRequest, InvitationCreated, InvitationPreview, InvitationStatus, InvitationSummary, JoinRequestSummary,
  MemberOrganisationRole, OrganisationCoalition, OrganisationDetails, OrganisationKind, OrganisationRequest, PersonDetails,
  RecoveryCodes, RegisterRequest, SecondFactorRequired, SignInFacts, SpaceAccess, SpaceKind, SpaceMember, SpaceRef, SpaceRole,
  SpaceSummary, TwoFactorSetup, TwoFactorStatus, Visibility, WorkingGroupDetails, WorkingGroupRequest,
} from '../generated/openapi';
export type { DirectoryFilter, SpaceDetails, SpaceRequest } from './endpoints';
export {
  coalitionKindValues as coalitionKinds, organisationKindValues as organisationKinds, spaceRoleValues as spaceRoles,
  visibilityValues as visibilities,
} from '../generated/openapi';
