import { useSession } from '../auth/session';
import type { CommitteeDetails } from '../generated/openapi';

/** What the signed-in person may do in a committee, as its answer says: the server checks again on every call. */
export interface CommitteeStanding {
  personId: string | null;
  /** Sees inside: seats, meetings, decisions, action items. */
  inside: boolean;
  /** Offers, changes and ends seats; sets rules and offices. */
  coordinator: boolean;
  /** Chair, co-chair or secretary: keeps the minutes. */
  runsMeetings: boolean;
  /** Schedules meetings and manages action items: those who run meetings and the coordinators. */
  organises: boolean;
}

export function standingIn(committee: CommitteeDetails, personId: string | null): CommitteeStanding {
  const { chair, coChairs, secretary } = committee.offices;
  const runsMeetings = !!personId && (chair === personId || secretary === personId || coChairs.includes(personId));
  const coordinator = committee.yourRole === 'coordinator';
  return { personId, inside: committee.yourRole !== null, coordinator, runsMeetings, organises: runsMeetings || coordinator };
}

export function useCommitteeStanding(committee: CommitteeDetails): CommitteeStanding {
  const { session } = useSession();
  return standingIn(committee, session?.personId ?? null);
}
