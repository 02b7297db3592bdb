using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.Tests.Access;

/// <summary>One hub method, the arguments it is called with, and what each principal must get, in <see cref="Principal"/> order.</summary>
public sealed record HubRow(string Method, string[] Expected, Func<AccessWorld, object?[]> Arguments);

/// <summary>
/// What every method of the live-session hub answers to every principal, called on the running session of the
/// private forum (close: on a second session of it, so the rows may run in any order) over a real SignalR connection
/// per principal. <see cref="Ok"/> means the call got past every access
/// check: it succeeded, or the session refused it for its state (not running, wrong format, no such statement), which
/// it only tells those who may act. Denials are the error codes. The removed member's connection was opened and had
/// joined before the removal; the signed-out token's connection was closed by the server at the sign-out
/// (<see cref="Closed"/>), and a new connection with it is refused at the handshake.
/// </summary>
public static class HubMatrix
{
    public const string Ok = "ok";
    public const string Closed = "closed";
    private const string NotFound = LiveSessionErrors.NotFound;
    private const string NotFac = LiveSessionErrors.NotFacilitator;
    private const string NotPart = LiveSessionErrors.NotParticipant;
    private const string NoMeeting = CommitteeErrors.MeetingNotFound;
    private const string NoDoc = Contracts.Documents.DocumentErrors.NotFound;

    /// <summary>The codes that mean "you may not"; any other session code means the caller was let in.</summary>
    public static readonly IReadOnlySet<string> Denials = new HashSet<string>(StringComparer.Ordinal)
    {
        LiveSessionErrors.NotFound, LiveSessionErrors.NotFacilitator, LiveSessionErrors.NotParticipant, LiveSessionErrors.Removed,
        LiveSessionErrors.Muted, LiveSessionErrors.SignedOut, LiveSessionErrors.CredentialExpired, ErrorCodes.SignInRequired, ErrorCodes.PersonRequired,
    };

    public static readonly IReadOnlyList<HubRow> Rows = new Table
    {
        //                            Anon      Outs      Obs      Mem      Coord Rmvd      SOut    OwnR      OthW      OwnW
        { "Join",                    [NotFound, NotFound, Ok,      Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, null] },
        { "Contribute",              [NotFound, NotFound, NotPart, Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, new ContributeCommand(Guid.CreateVersion7(), "Aporte")] },
        { "React",                   [NotFound, NotFound, NotPart, Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, w.HubContribution, "+1"] },
        { "RecordOutcome",           [NotFound, NotFound, NotPart, Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, w.HubSession.Agenda[0].Id, "Acordado"] },
        { "RaiseHand",               [NotFound, NotFound, NotPart, Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id] },
        { "LowerHand",               [NotFound, NotFound, NotPart, Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id] },
        { "Vote",                    [NotFound, NotFound, NotPart, Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, w.HubSession.Agenda[2].Id, new[] { 0 }] },
        { "SubmitStatement",         [NotFound, NotFound, NotPart, Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, w.HubSession.Agenda[3].Id, "Afirmación"] },
        { "VoteOnStatement",         [NotFound, NotFound, NotPart, Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, Guid.CreateVersion7(), StatementVote.Agree] },
        { "PostSummary",             [NotFound, NotFound, NotPart, Ok,      Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, Guid.CreateVersion7(), "Resumen"] },
        { "ExtendTimer",             [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, 1, null] },
        { "Mute",                    [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, w.Target.PersonId, true] },
        { "AppointCoFacilitator",    [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, w.Target.PersonId] },
        // Someone who is not a co-facilitator (the target is made one above, and facilitators cannot be removed).
        { "RemoveParticipant",       [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, w.Rejected.PersonId] },
        { "GiveFloor",               [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, null] },
        { "ReorderQueue",            [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, Array.Empty<Guid>()] },
        { "SkipSpeaker",             [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id, w.Target.PersonId] },
        { "OpenLobby",               [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id] },
        { "Start",                   [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id] },
        { "Advance",                 [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id] },
        { "GoBack",                  [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id] },
        { "Pause",                   [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id] },
        { "Resume",                  [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSession.Id] },

        // Leaving a session group is the connection's own business: it asks nothing of the session and reveals nothing.
        { "Leave",                   [Ok,       Ok,       Ok,      Ok,      Ok,   Ok,       Closed, Ok,       Ok,       Ok], w => [w.HubSession.Id] },
        { "Close",                   [NotFound, NotFound, NotFac,  NotFac,  Ok,   NotFound, Closed, NotFound, NotFound, NotFound], w => [w.HubSessionToClose] },

        // The session's id names no meeting: not-found alike for everyone, as for a meeting of a committee they cannot see.
        { "JoinMeeting",             [NoMeeting, NoMeeting, NoMeeting, NoMeeting, NoMeeting, NoMeeting, Closed, NoMeeting, NoMeeting, NoMeeting], w => [w.HubSession.Id, null] },
        { "LeaveMeeting",            [Ok,       Ok,       Ok,      Ok,      Ok,   Ok,       Closed, Ok,       Ok,       Ok], w => [w.HubSession.Id] },

        // Likewise for documents: the session's id names no document.
        { "JoinDocument",            [NoDoc,    NoDoc,    NoDoc,   NoDoc,   NoDoc, NoDoc,   Closed, NoDoc,    NoDoc,    NoDoc], w => [w.HubSession.Id, null] },
        { "LeaveDocument",           [Ok,       Ok,       Ok,      Ok,      Ok,   Ok,       Closed, Ok,       Ok,       Ok], w => [w.HubSession.Id] },
    };

    private sealed class Table : List<HubRow>
    {
        public void Add(string method, string[] expected, Func<AccessWorld, object?[]> arguments) => Add(new HubRow(method, expected, arguments));
    }
}
