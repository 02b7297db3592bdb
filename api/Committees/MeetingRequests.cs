using System.ComponentModel.DataAnnotations;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Committees;

namespace NetworkHub.Api.Committees;

/// <summary>
/// A meeting to schedule. <c>timeZone</c> is an IANA name; <c>onlineLink</c> and papers are https addresses;
/// <c>deadline</c> is required for a written procedure.
/// </summary>
public sealed record ScheduleMeetingRequest(
    [property: Required, StringLength(MeetingLimits.TitleMaxLength), PlainText] string Title,
    [property: Required] MeetingType? Type,
    [property: Required] DateTimeOffset? StartsAt,
    [property: Required, StringLength(100), PlainText] string TimeZone,
    [property: StringLength(MeetingLimits.PlaceMaxLength), PlainText] string? Place,
    [property: StringLength(MeetingLimits.UrlMaxLength), WebAddress] string? OnlineLink,
    DateTimeOffset? Deadline,
    [property: MaxLength(MeetingLimits.AgendaMaxItems), NoNullItems] IReadOnlyList<MeetingAgendaItemRequest>? Agenda)
{
    public MeetingPlan ToPlan() => new(Title, Type!.Value, StartsAt!.Value, TimeZone, Place, OnlineLink, Deadline, [.. (Agenda ?? []).Select(i => i.ToDraft())]);
}

/// <summary>Replaces the agenda. An item given with its <c>id</c> keeps it (and its motions); one without is new.</summary>
public sealed record UpdateMeetingAgendaRequest(
    [property: Required, MaxLength(MeetingLimits.AgendaMaxItems), NoNullItems] IReadOnlyList<MeetingAgendaItemRequest>? Items)
{
    public IReadOnlyList<MeetingAgendaItemDraft> ToDrafts() => [.. Items!.Select(i => i.ToDraft())];
}

public sealed record MeetingAgendaItemRequest(
    [property: Required, StringLength(MeetingLimits.TitleMaxLength), PlainText] string Title,
    Guid? Presenter = null,
    [property: MaxLength(MeetingLimits.PapersPerItem), NoNullItems] IReadOnlyList<MeetingPaperRequest>? Papers = null,
    Guid? Id = null)
{
    public MeetingAgendaItemDraft ToDraft() => new(Id, Title, Presenter, [.. (Papers ?? []).Select(p => new MeetingPaper(p.Title, p.Url, p.DocumentId))]);
}

/// <summary>A paper: <c>documentId</c>, a document stored here that the one scheduling may see, or <c>url</c>, an https link; exactly one.</summary>
public sealed record MeetingPaperRequest(
    [property: Required, StringLength(MeetingLimits.TitleMaxLength), PlainText] string Title,
    [property: StringLength(MeetingLimits.UrlMaxLength), WebAddress] string? Url = null,
    Guid? DocumentId = null);

public sealed record AttendanceRequest([property: Required] AttendanceStatus? Status);

public sealed record ProxyRequest([property: Required] Guid? HolderSeatId);

/// <summary>A motion: Markdown text. <c>agendaItemId</c> is required at a sitting, optional in a written procedure;
/// <c>approvesMinutesOf</c> names an earlier meeting whose circulated minutes the motion approves once adopted;
/// <c>fromProposal</c> a draft motion of the committee (from a live session) that this motion moves.</summary>
public sealed record MotionRequest(
    [property: Required, StringLength(MeetingLimits.TitleMaxLength), PlainText] string Title,
    [property: Required, StringLength(MeetingLimits.MotionTextMaxLength), FreeText] string Text,
    [property: Required] Guid? MoverSeatId,
    Guid? SeconderSeatId = null,
    Guid? AgendaItemId = null,
    Guid? ApprovesMinutesOf = null,
    Guid? FromProposal = null)
{
    public MotionDraft ToDraft() => new(AgendaItemId, Title, Text, MoverSeatId!.Value, SeconderSeatId, ApprovesMinutesOf, FromProposal);
}

/// <summary>An amendment: the motion's full new text (Markdown) and a note on what it changes.</summary>
public sealed record AmendmentRequest(
    [property: Required, StringLength(MeetingLimits.MotionTextMaxLength), FreeText] string Text,
    [property: Required] Guid? MoverSeatId,
    [property: StringLength(MeetingLimits.AmendmentNoteMaxLength), FreeText] string? Note = null,
    Guid? SeconderSeatId = null)
{
    public AmendmentDraft ToDraft() => new(Text, Note, MoverSeatId!.Value, SeconderSeatId);
}

public sealed record SecondRequest([property: Required] Guid? SeatId);

/// <summary>Puts a motion (or, with <c>amendmentId</c>, one of its amendments) to the vote; the method defaults to the committee's.</summary>
public sealed record OpenVoteRequest(
    [property: Required] Guid? MotionId,
    Guid? AmendmentId = null,
    VotingMethod? Method = null,
    BallotKind Ballot = BallotKind.Open)
{
    public OpenVoteCommand ToCommand() => new(MotionId!.Value, AmendmentId, Method, Ballot);
}

/// <summary>A vote for a seat. <c>reason</c> is required for a no under consensus (an objection).</summary>
public sealed record CastVoteRequest(
    [property: Required] Guid? SeatId,
    [property: Required] BallotChoice? Choice,
    [property: StringLength(MeetingLimits.ObjectionReasonMaxLength), FreeText] string? Reason = null)
{
    public CastVoteCommand ToCommand() => new(SeatId!.Value, Choice!.Value, Reason);
}
