namespace NetworkHub.Contracts.LiveSessions;

/// <summary>Stable error codes of live sessions. Clients switch on these; never change a released one.</summary>
public static class LiveSessionErrors
{
    public const string NotFound = "live-session.not-found";
    public const string Exists = "live-session.exists";
    public const string NotFacilitator = "live-session.not-facilitator";
    public const string NotParticipant = "live-session.not-participant";
    public const string WrongStatus = "live-session.wrong-status";
    public const string Closed = "live-session.closed";
    public const string NotRunning = "live-session.not-running";
    public const string NotClosed = "live-session.not-closed";
    public const string WrongFormat = "live-session.wrong-format";
    public const string ItemNotCurrent = "live-session.item-not-current";
    public const string NoMoreItems = "live-session.no-more-items";
    public const string Muted = "live-session.muted";
    public const string Removed = "live-session.removed";
    public const string InvalidInput = "live-session.invalid-input";
    public const string TextTooLong = "live-session.text-too-long";
    public const string InvalidAgenda = "live-session.invalid-agenda";
    public const string InvalidBallot = "live-session.invalid-ballot";
    public const string ContributionNotFound = "live-session.contribution-not-found";
    public const string StatementNotFound = "live-session.statement-not-found";
    public const string RoomNotFound = "live-session.room-not-found";
    public const string NotRapporteur = "live-session.not-rapporteur";
    public const string InvalidQueueOrder = "live-session.invalid-queue-order";
    public const string RateLimited = "live-session.rate-limited";

    /// <summary>The item has no such summary, poll result, outcome or broadly agreed statement to propose from.</summary>
    public const string SourceNotFound = "live-session.source-not-found";

    /// <summary>A session proposes to at most <see cref="LiveSessionLimits.ProposalCommitteesMax"/> committees.</summary>
    public const string TooManyCommittees = "live-session.too-many-committees";

    /// <summary>The connection's token was revoked (signed out) or its API key withdrawn; the server closes the connection.</summary>
    public const string SignedOut = "live-session.signed-out";

    /// <summary>A browser page from another origin tried to connect to the hub (403 before the connection opens).</summary>
    public const string OriginNotAllowed = "live-session.origin-not-allowed";

    /// <summary>The connection's token expired; the server closes the connection.</summary>
    public const string CredentialExpired = "live-session.credential-expired";
}

/// <summary>Audit actions of a session, shown to facilitators. Stable strings.</summary>
public static class LiveSessionAuditActions
{
    public const string Scheduled = "live-session.scheduled";
    public const string AgendaChanged = "live-session.agenda-changed";
    public const string StatusChanged = "live-session.status-changed";
    public const string CoFacilitatorAppointed = "live-session.co-facilitator-appointed";
    public const string ParticipantMuted = "live-session.participant-muted";
    public const string ParticipantUnmuted = "live-session.participant-unmuted";
    public const string ParticipantRemoved = "live-session.participant-removed";
}
