// JSON shapes of the live session hub and REST routes, mirroring contracts/LiveSessions. Enums travel as kebab-case.

export type LiveSessionStatus = 'scheduled' | 'lobby' | 'running' | 'paused' | 'closed';
export type AgendaFormat = 'plenary' | 'speaking-round' | 'poll' | 'statements' | 'breakout';
export type BreakoutMode = 'random' | 'organisations-together' | 'organisations-apart';
export type StatementVote = 'agree' | 'disagree' | 'pass';
export type LiveSessionRole = 'observer' | 'participant' | 'facilitator';

export const agendaFormats: readonly AgendaFormat[] = ['plenary', 'speaking-round', 'poll', 'statements', 'breakout'];
/** contracts LiveSessionLimits.Reactions */
export const reactions = ['agree', 'applause', 'heart', 'question', 'thanks'] as const;
export type Reaction = (typeof reactions)[number];

export interface PollSettings { options: string[]; multipleChoice: boolean; anonymous: boolean }
export interface BreakoutSettings { rooms: number; mode: BreakoutMode }

export interface AgendaItem {
  id: string;
  title: string;
  format: AgendaFormat;
  plannedMinutes: number;
  poll?: PollSettings | null;
  breakout?: BreakoutSettings | null;
  speakerSeconds?: number | null;
}

export interface LiveSessionDetails {
  id: string;
  forumId: string;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  languages: string[];
  status: LiveSessionStatus;
  agenda: AgendaItem[];
  currentItem: number;
  itemEndsAt: string | null;
  coFacilitators: string[];
  yourRole: LiveSessionRole | null;
  sequence: number;
}

export interface LiveSessionSummary { id: string; title: string; startsAt: string; status: LiveSessionStatus }

export interface SessionOrganisation { id: string; name: string }
export interface PresentPerson { personId: string; name: string; role: LiveSessionRole; organisations: SessionOrganisation[] }
export interface OrganisationCount { organisationId: string; name: string; present: number }
export interface ReactionCount { reaction: string; count: number }

export interface Contribution {
  id: string;
  itemId: string;
  roomId: string | null;
  authorId: string;
  authorName: string;
  text: string;
  replyTo: string | null;
  at: string;
  reactions: ReactionCount[];
}

export interface SpeakingQueueView { waiting: string[]; speaker: string | null; speakerEndsAt: string | null }
export interface PollBallot { personId: string; choices: number[] }
export interface PollResult { options: string[]; counts: number[]; voters: number; closed: boolean; ballots?: PollBallot[] | null }
export interface StatementTally { statementId: string; text: string; agree: number; disagree: number; pass: number }
export interface GroupStance { statementId: string; agreeShare: number; disagreeShare: number; voters: number }
export interface OpinionGroup { index: number; size: number; stances: GroupStance[] }
export interface StatementResults { broadAgreement: string[]; groups: OpinionGroup[] }

export interface BreakoutRoom {
  id: string;
  name: string;
  members: string[];
  rapporteur: string | null;
  endsAt: string;
  summary: string | null;
}

export interface ItemContent {
  itemId: string;
  contributions: Contribution[];
  queue: SpeakingQueueView | null;
  poll: PollResult | null;
  statements: StatementTally[];
  statementResults: StatementResults | null;
  rooms: BreakoutRoom[];
  outcome: string | null;
}

export interface LiveSessionView {
  details: LiveSessionDetails;
  sequence: number;
  present: PresentPerson[];
  organisations: OrganisationCount[];
  muted: string[];
  items: ItemContent[];
}

export interface AttendanceEntry { personId: string; name: string; firstJoinedAt: string }
export interface LiveSessionRecord { details: LiveSessionDetails; items: ItemContent[]; attendance: AttendanceEntry[] }

/** LiveSessionChange: the kind is the "type" property. */
export type LiveSessionChange =
  | { type: 'session-status-changed'; status: LiveSessionStatus; itemEndsAt: string | null }
  | { type: 'agenda-changed'; agenda: AgendaItem[] }
  | { type: 'item-opened'; index: number; itemId: string; endsAt: string }
  | { type: 'timer-extended'; itemId: string; roomId: string | null; endsAt: string }
  | { type: 'facilitator-appointed'; personId: string }
  | { type: 'participant-muted'; personId: string; muted: boolean }
  | { type: 'participant-removed'; personId: string }
  | { type: 'presence-changed'; person: PresentPerson; present: boolean }
  | { type: 'contribution-posted'; contribution: Contribution }
  | { type: 'reaction-changed'; contributionId: string; reaction: string; count: number }
  | { type: 'speaking-queue-changed'; itemId: string; queue: SpeakingQueueView }
  | { type: 'poll-tallied'; itemId: string; result: PollResult }
  | { type: 'statement-submitted'; itemId: string; statementId: string; text: string }
  | { type: 'statement-tallied'; itemId: string; tally: StatementTally }
  | { type: 'statements-concluded'; itemId: string; results: StatementResults }
  | { type: 'breakout-opened'; itemId: string; rooms: BreakoutRoom[] }
  | { type: 'summary-posted'; itemId: string; roomId: string; text: string }
  | { type: 'outcome-recorded'; itemId: string; text: string }
  /** The forum changed what the person may do here; role null: they lost access, and this is the last event they get. */
  | { type: 'access-changed'; personId: string; role: LiveSessionRole | null };

export interface LiveSessionEvent { sequence: number; at: string; change: LiveSessionChange }

/** Why the hub closed the connection: 'live-session.signed-out' or 'live-session.credential-expired'. */
export interface ConnectionEnded { code: string; message: string }

/** The answer to the hub's Join, after the snapshot or the missed events were sent. */
export interface LiveSessionJoined { sessionId: string; role: LiveSessionRole; sequence: number }

export interface ContributeCommand { id: string; text: string; replyTo?: string | null }

export interface AgendaItemRequest {
  title: string;
  format: AgendaFormat;
  plannedMinutes: number;
  poll?: { options: string[]; multipleChoice?: boolean; anonymous?: boolean };
  breakout?: { rooms: number; mode?: BreakoutMode };
  speakerSeconds?: number;
}

export interface ScheduleSessionRequest {
  title: string;
  description?: string | null;
  startsAt: string;
  endsAt: string;
  timeZone?: string;
  languages?: string[];
  agenda: AgendaItemRequest[];
}
