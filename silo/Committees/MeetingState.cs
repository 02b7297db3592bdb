using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Live;

namespace NetworkHub.Silo.Committees;

/// <summary>
/// A meeting's stored state. Bounded by <see cref="MeetingLimits"/>. A secret ballot's record holds its totals and the
/// seats that voted, never which seat chose what.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.MeetingState")]
public sealed class MeetingState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid CommitteeId { get; set; }
    [Id(2)] public Guid CreatedBy { get; set; }
    [Id(3)] public string Title { get; set; } = "";
    [Id(4)] public MeetingType Type { get; set; }
    [Id(5)] public DateTimeOffset StartsAt { get; set; }
    [Id(6)] public string TimeZone { get; set; } = "UTC";
    [Id(7)] public string? Place { get; set; }
    [Id(8)] public string? OnlineLink { get; set; }
    [Id(9)] public DateTimeOffset? Deadline { get; set; }
    [Id(10)] public MeetingStatus Status { get; set; }
    [Id(11)] public int Version { get; set; }
    [Id(12)] public List<MeetingAgendaItem> Agenda { get; set; } = [];
    [Id(13)] public Dictionary<Guid, AttendanceStatus> Attendance { get; set; } = [];
    [Id(14)] public List<MeetingProxy> Proxies { get; set; } = [];
    [Id(15)] public List<MotionRecord> Motions { get; set; } = [];
    [Id(16)] public List<VoteRecord> Votes { get; set; } = [];
    [Id(17)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(18)] public DateTimeOffset CreatedAt { get; set; }
    [Id(19)] public MeetingPlan? Plan { get; set; }

    /// <summary>The committee's list has not yet taken the meeting's latest status: written with the change, cleared once told.</summary>
    [Id(20)] public bool ListingPending { get; set; }

    /// <summary>The live stream's counter and last events (bounded), written with every change.</summary>
    [Id(40)] public EventLog<MeetingEvent> Log { get; set; } = new();
}

[GenerateSerializer, Alias("NetworkHub.MotionRecord")]
public sealed class MotionRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public Guid? AgendaItemId { get; set; }
    [Id(2)] public string Title { get; set; } = "";
    [Id(4)] public Guid Mover { get; set; }
    [Id(5)] public Guid? Seconder { get; set; }
    [Id(6)] public MotionStatus Status { get; set; }
    [Id(8)] public List<AmendmentRecord> Amendments { get; set; } = [];
    [Id(9)] public DateTimeOffset ProposedAt { get; set; }

    /// <summary>Adopted, to be numbered by the register: set in the same write as the close, cleared with the number.</summary>
    [Id(10)] public DecisionDraft? PendingDecision { get; set; }
    [Id(11)] public string? DecisionNumber { get; set; }

    /// <summary>The wording as moved and as each adopted amendment left it.</summary>
    [Id(12)] public MotionText Wording { get; set; } = new();

    /// <summary>The earlier meeting whose minutes this motion approves, once adopted and numbered.</summary>
    [Id(13)] public Guid? ApprovesMinutesOf { get; set; }

    /// <summary>The committee's proposal this motion moves, and where that came from in a live session.</summary>
    [Id(14)] public Guid? FromProposal { get; set; }
    [Id(15)] public ProposalOrigin? Origin { get; set; }

    /// <summary>The proposal is still to learn that this motion moved it: set with the motion, cleared once delivered.</summary>
    [Id(16)] public bool ProposalPending { get; set; }

    public string Text => Wording.Current.Text;
}

[GenerateSerializer, Alias("NetworkHub.AmendmentRecord")]
public sealed class AmendmentRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Text { get; set; } = "";
    [Id(2)] public string? Note { get; set; }
    [Id(3)] public Guid Mover { get; set; }
    [Id(4)] public Guid? Seconder { get; set; }
    [Id(5)] public MotionStatus Status { get; set; }
    [Id(6)] public DateTimeOffset ProposedAt { get; set; }

    /// <summary>The motion's version this amendment was drafted on; it can be adopted only while that is current.</summary>
    [Id(7)] public int BasedOnVersion { get; set; }
}

/// <summary>
/// One vote. <see cref="Choices"/> is kept for open ballots only; a secret ballot keeps <see cref="Totals"/>,
/// <see cref="Voted"/> and, under consensus, the objections' reasons without their seats.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.VoteRecord")]
public sealed class VoteRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public Guid MotionId { get; set; }
    [Id(2)] public Guid? AmendmentId { get; set; }
    [Id(3)] public VotingMethod Method { get; set; }
    [Id(4)] public BallotKind Ballot { get; set; }
    [Id(5)] public VoteStatus Status { get; set; }
    [Id(6)] public DateTimeOffset OpenedAt { get; set; }
    [Id(7)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(8)] public VoteTotals Totals { get; set; } = VoteTotals.Zero;
    [Id(9)] public List<VotedSeat> Voted { get; set; } = [];
    [Id(10)] public List<SeatChoice> Choices { get; set; } = [];
    [Id(11)] public List<string> Objections { get; set; } = [];
    [Id(12)] public VoteResult? Result { get; set; }
}
