using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Committees;

[GenerateSerializer, Alias("NetworkHub.CommitteeState")]
public sealed class CommitteeState : SpaceState
{
    [Id(0)] public string? Mandate { get; set; }
    [Id(1)] public CommitteeRules Rules { get; set; } = CommitteeRules.Default;
    [Id(2)] public string Code { get; set; } = "";
    [Id(3)] public CommitteeOffices Offices { get; set; } = CommitteeOffices.None;

    /// <summary>Offered, held and ended seats; at most <see cref="CommitteeLimits.SeatsMax"/>.</summary>
    [Id(4)] public List<SeatRecord> Seats { get; set; } = [];

    /// <summary>The most recent <see cref="CommitteeLimits.MeetingsKept"/> meetings by start.</summary>
    [Id(5)] public List<MeetingSummary> Meetings { get; set; } = [];
}

[GenerateSerializer, Alias("NetworkHub.SeatRecord")]
public sealed class SeatRecord
{
    [Id(0)] public Guid SeatId { get; set; }
    [Id(1)] public Guid OrganisationId { get; set; }
    [Id(2)] public string OrganisationName { get; set; } = "";
    [Id(3)] public SeatKind Kind { get; set; }
    [Id(4)] public SeatStatus Status { get; set; }
    [Id(5)] public DateTimeOffset TermStart { get; set; }
    [Id(6)] public DateTimeOffset? TermEnd { get; set; }
    [Id(7)] public int Allotment { get; set; }
    [Id(8)] public Guid? Representative { get; set; }
    [Id(9)] public Guid? Alternate { get; set; }
    [Id(10)] public DateTimeOffset InvitedAt { get; set; }

    /// <summary>When the status last changed: which ended seats are pruned first.</summary>
    [Id(11)] public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Offered or held: the organisation has a say here.</summary>
    public bool Live => Status is SeatStatus.Invited or SeatStatus.Active;

    public bool Names(Guid personId) => Representative == personId || Alternate == personId;

    public Seat ToSeat() => new(SeatId, OrganisationId, OrganisationName, Kind, Status, TermStart, TermEnd, Allotment, Representative, Alternate, InvitedAt);
}

/// <summary>
/// A committee of a coalition or a forum (see <see cref="ICommitteeGrain"/>): a space whose people are its roster,
/// the representatives and alternates of the organisations holding its seats, and, as observers, the coordinators of
/// those organisations. Seats are in <c>CommitteeGrain.Seats.cs</c>.
/// </summary>
public sealed partial class CommitteeGrain : Grain, ICommitteeGrain, IRemindable
{
    private readonly Space<CommitteeState> _space;

    public CommitteeGrain(
        [PersistentState("committee", StorageNames.Default)] IPersistentState<CommitteeState> state,
        IGrainFactory grains, TimeProvider clock, ILogger<CommitteeGrain> logger)
    {
        _space = new Space<CommitteeState>(this, grains, state, clock, logger, SpaceKind.Committee)
        {
            AccessNarrowed = AccessNarrowed,
            InheritedRole = InheritedRoleAsync,
            // Told by the space above through its outbox, which retries a failure: the meetings hear of it within this
            // call, as nothing here is written that would deliver an effect. No deadlock on the way back: the meetings
            // ask this committee and it asks the organisations through interleaving calls.
            AccessChangedAbove = person => MeetingsAccessEffect.For(State.Meetings, person).DeliverAsync(GrainFactory),
        };
    }

    private CommitteeState State => _space.State;

    public async Task<CommitteeDetails> CreateAsync(Caller caller, SpaceRef parent, CommitteeProfile profile)
    {
        if (parent.Kind is not (SpaceKind.Coalition or SpaceKind.Forum))
        {
            throw new RejectedException(ErrorCodes.ParentRequired, "A committee belongs to a coalition or a forum.");
        }

        var code = Validate(profile);
        Visibility? parentVisibility = null;
        if (!State.Exists)
        {
            parentVisibility = await ChildSpaces.AdoptAsync(GrainFactory, caller, parent, _space.Ref, profile.Visibility, SpaceRole.Coordinator);
        }

        await _space.CreateCoreAsync(caller, profile.Name, profile.Visibility, parent, parentVisibility, s => Apply(s, profile, code), profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    public async Task<CommitteeDetails> GetAsync(Caller caller)
    {
        var access = await _space.RequireVisibleAsync(caller);
        return Details(access.Role);
    }

    public async Task<CommitteeDetails> UpdateAsync(Caller caller, CommitteeProfile profile, int? expectedVersion)
    {
        var code = Validate(profile);
        await _space.UpdateCoreAsync(caller, expectedVersion, profile.Name, profile.Visibility, s => Apply(s, profile, code), requireTwoFactor: profile.RequireTwoFactor);
        return await DetailsAsync(caller);
    }

    public async Task<CommitteeDetails> SetOfficesAsync(Caller caller, CommitteeOffices offices)
    {
        var access = await _space.RequireVisibleAsync(caller);
        access.RequireRole(caller, SpaceRole.Coordinator);
        var coChairs = offices.CoChairs.Distinct().ToList();
        if (coChairs.Count > CommitteeLimits.MaxCoChairs)
        {
            throw new RejectedException(CommitteeErrors.NotInCommittee, $"A committee has at most {CommitteeLimits.MaxCoChairs} co-chairs.");
        }

        var holders = coChairs.Concat(new[] { offices.Chair, offices.Secretary }.OfType<Guid>()).Distinct();
        var strangers = holders.Where(p => _space.Roster.RoleOf(p) is null && !State.Seats.Exists(s => s.Status == SeatStatus.Active && s.Names(p))).ToList();
        if (strangers.Count > 0)
        {
            throw new RejectedException(CommitteeErrors.NotInCommittee,
                "Office holders must have a role in the committee or represent one of its seats: " + string.Join(", ", strangers));
        }

        var next = new CommitteeOffices(offices.Chair, coChairs, offices.Secretary);
        if (!SameOffices(next, State.Offices))
        {
            State.Offices = next;
            State.Version++;
            State.UpdatedAt = _space.Now;
            _space.Audit(caller, CommitteeAuditActions.OfficesChanged, detail: $"version {State.Version}");
            await _space.SaveAsync();
        }

        return Details(access.Role);
    }

    private static bool SameOffices(CommitteeOffices a, CommitteeOffices b) =>
        a.Chair == b.Chair && a.Secretary == b.Secretary && a.CoChairs.SequenceEqual(b.CoChairs);

    public async Task<CommitteeStanding> GetStandingAsync(Caller caller)
    {
        var access = await _space.RequireVisibleAsync(caller);
        access.RequireSecondFactor();
        if (caller.PersonId is not { } person)
        {
            return new CommitteeStanding(access.Role, [], false, false);
        }

        var seats = await SeatsOfAsync(person);
        var holds = access.Role is not null;
        var offices = State.Offices;
        return new CommitteeStanding(access.Role, seats,
            holds && (offices.Chair == person || offices.CoChairs.Contains(person)),
            holds && offices.Secretary == person);
    }

    public Task<CommitteeRoll> GetRollAsync() => Task.FromResult(new CommitteeRoll(
        State.Rules, State.Offices, [.. State.Seats.Where(s => s.Status == SeatStatus.Active).Select(s => s.ToSeat())], State.EffectiveVisibility));

    public async Task AdoptMeetingAsync(Caller caller, MeetingSummary meeting)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(meeting.CommitteeId, this.GetPrimaryKey());
        var standing = await GetStandingAsync(caller);
        if (!standing.RunsMeetings && standing.Role != SpaceRole.Coordinator)
        {
            throw new ForbiddenException(CommitteeErrors.NotSecretary, "Only the chair, a co-chair, the secretary or a coordinator of this committee can schedule its meetings.");
        }

        var known = State.Meetings.Exists(m => m.MeetingId == meeting.MeetingId);
        if (UpsertMeeting(meeting) && !known)
        {
            _space.Audit(caller, CommitteeAuditActions.MeetingAdopted, meeting.MeetingId, meeting.Type.ToString());
        }

        await _space.SaveAsync();
    }

    public async Task MeetingChangedAsync(MeetingSummary meeting)
    {
        var index = State.Meetings.FindIndex(m => m.MeetingId == meeting.MeetingId);
        if (index < 0 || State.Meetings[index] == meeting || meeting.CommitteeId != this.GetPrimaryKey())
        {
            return;
        }

        UpsertMeeting(meeting);
        await _space.SaveAsync();
    }

    /// <summary>Keeps the list to the most recent meetings by start; false when the meeting is older than all of them.</summary>
    private bool UpsertMeeting(MeetingSummary meeting)
    {
        State.Meetings.RemoveAll(m => m.MeetingId == meeting.MeetingId);
        State.Meetings.Add(meeting);
        State.Meetings.Sort((a, b) => b.StartsAt.CompareTo(a.StartsAt));
        if (State.Meetings.Count > CommitteeLimits.MeetingsKept)
        {
            State.Meetings.RemoveRange(CommitteeLimits.MeetingsKept, State.Meetings.Count - CommitteeLimits.MeetingsKept);
        }

        return State.Meetings.Exists(m => m.MeetingId == meeting.MeetingId);
    }

    public async Task<IReadOnlyList<MeetingSummary>> GetMeetingsAsync(Caller caller)
    {
        await _space.RequireInsideAsync(caller, "meetings");
        return [.. State.Meetings];
    }

    /// <summary>The register numbers and writes it (idempotent by motion); the committee lends its code.</summary>
    public Task<IReadOnlyList<Guid>> GetMeetingIdsAsync() => Task.FromResult<IReadOnlyList<Guid>>([.. State.Meetings.Select(m => m.MeetingId)]);

    public async Task<Decision> RecordDecisionAsync(DecisionDraft draft)
    {
        if (!State.Exists)
        {
            throw new NotFoundException(ErrorCodes.SpaceNotFound, $"No committee with id {this.GetPrimaryKey()}.");
        }

        return await Register.AppendAsync(this.GetPrimaryKey(), State.Code, draft);
    }

    public async Task<DecisionPage> GetDecisionsAsync(Caller caller, string? text, int? year, string? after, int limit)
    {
        await _space.RequireInsideAsync(caller, "decisions");
        return await Register.PageAsync(this.GetPrimaryKey(), text, year, after, limit);
    }

    public async Task<Decision> GetDecisionAsync(Caller caller, string number)
    {
        await _space.RequireInsideAsync(caller, "decisions");
        return await Register.FindAsync(this.GetPrimaryKey(), number)
            ?? throw new NotFoundException(CommitteeErrors.DecisionNotFound, $"No decision numbered {number} in this committee.");
    }

    private DecisionRegister Register => GrainContext.ActivationServices.GetRequiredService<DecisionRegister>();

    /// <summary>
    /// Someone (or, for null, everyone) may have lost access here: the open meetings check their watchers again, after
    /// the write, through the outbox (see Live streams in docs/architecture.md).
    /// </summary>
    private void AccessNarrowed(Guid? personId) => _space.Effect(MeetingsAccessEffect.For(State.Meetings, personId));

    /// <summary>
    /// The role a person holds without being on the roster: member while representing or standing in for a held seat
    /// and belonging to its organisation (asked now); observer as a coordinator of the parent coalition who may look
    /// into its children (the seats, not the coalition's member organisations, say who sits here), or as a coordinator
    /// of an organisation offered or holding a seat, so they can see the committee and answer for their seat.
    /// </summary>
    private async Task<SpaceRole?> InheritedRoleAsync(Guid person)
    {
        if ((await SeatsOfAsync(person)).Count > 0)
        {
            return SpaceRole.Member;
        }

        if (await CoalitionChildRole.OfAsync(GrainFactory, State.Parent, person, openToMemberOrganisations: false) is { } viaParent)
        {
            return viaParent;
        }

        return await CoordinatesSeatOrganisationAsync(person) ? SpaceRole.Observer : null;
    }

    private async Task<bool> CoordinatesSeatOrganisationAsync(Guid person)
    {
        var organisations = State.Seats.Where(s => s.Live).Select(s => s.OrganisationId).ToHashSet();
        if (organisations.Count == 0)
        {
            return false;
        }

        var spaces = await GrainFactory.GetGrain<IPersonGrain>(person).GetSpacesAsync();
        foreach (var space in spaces.Where(s => s.Space.Kind == SpaceKind.Organisation && s.Role == SpaceRole.Coordinator && organisations.Contains(s.Space.Id)))
        {
            if (await OrganisationRoleAsync(space.Space.Id, person) == SpaceRole.Coordinator)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The person's role in the organisation as it stands now: whether they belong, not what their sign-in may see there.</summary>
    private async Task<SpaceRole?> OrganisationRoleAsync(Guid organisationId, Guid person)
    {
        try
        {
            return (await GrainFactory.GetGrain<IOrganisationGrain>(organisationId).GetAccessAsync(Caller.Person(person, secondFactor: true))).Role;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>Validates the rules and the code; returns the code to keep (the name's initials when none is given).</summary>
    private static string Validate(CommitteeProfile profile)
    {
        var rules = profile.Rules;
        var quorumValid = rules.Quorum.Kind switch
        {
            QuorumKind.MoreThanPercent or QuorumKind.AtLeastPercent => rules.Quorum.Value is >= 1 and <= 100,
            QuorumKind.AtLeastCount => rules.Quorum.Value >= 1,
            _ => false,
        };
        if (!quorumValid || !Enum.IsDefined(rules.DefaultMethod))
        {
            throw new RejectedException(CommitteeErrors.InvalidRules, "A quorum is a percentage from 1 to 100, or a count of at least 1.");
        }

        if (rules.MaxProxiesPerHolder is < 0 or > CommitteeLimits.MaxProxiesPerHolder)
        {
            throw new RejectedException(CommitteeErrors.InvalidRules, $"A seat may carry from 0 to {CommitteeLimits.MaxProxiesPerHolder} proxies.");
        }

        if (profile.Code is { } code)
        {
            return CodeFormat().IsMatch(code)
                ? code
                : throw new RejectedException(CommitteeErrors.InvalidCode, "A code is 2 to 10 capital letters or digits, such as SC.");
        }

        return DefaultCode(profile.Name);
    }

    /// <summary>
    /// The initials of the name in capitals ("Steering Committee": SC), accents dropped; a one-word name gives its first
    /// letters ("Board": BOARD, cut at 10), and a name without letters or digits "CM".
    /// </summary>
    public static string DefaultCode(string name)
    {
        var plain = new string([.. name.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]).ToUpperInvariant();
        var words = plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(IsCodeChar)]))
            .Where(w => w.Length > 0)
            .ToList();
        var initials = new string([.. words.Select(w => w[0])]);
        if (initials.Length < CommitteeLimits.CodeMinLength)
        {
            initials = string.Concat(words);
        }

        return initials.Length switch
        {
            < CommitteeLimits.CodeMinLength => "CM",
            > CommitteeLimits.CodeMaxLength => initials[..CommitteeLimits.CodeMaxLength],
            _ => initials,
        };
    }

    private static bool IsCodeChar(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    [GeneratedRegex(CommitteeLimits.CodePattern)]
    private static partial Regex CodeFormat();

    private static void Apply(CommitteeState s, CommitteeProfile profile, string code)
    {
        s.Mandate = profile.Mandate;
        s.Rules = profile.Rules;
        s.Code = code;
    }

    private async Task<CommitteeDetails> DetailsAsync(Caller caller) => Details(await _space.RoleOfAsync(caller));

    private CommitteeDetails Details(SpaceRole? role) => new(
        this.GetPrimaryKey(), State.Parent!, State.Name, State.Mandate, State.EffectiveVisibility, State.Version,
        State.CreatedAt, State.UpdatedAt, role, State.Rules, State.Offices, State.RequireTwoFactor, State.Code);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _space.ActivateAsync();

    public Task<SpaceAccess> GetAccessAsync(Caller caller) => _space.GetAccessAsync(caller);

    public Task<SpaceSummary> GetSummaryAsync(Caller caller) => _space.GetSummaryAsync(caller);

    public Task<IReadOnlyList<SpaceRef>> GetChildrenAsync(Caller caller) => _space.GetChildrenAsync(caller);

    public Task<Visibility> AdoptChildAsync(Caller caller, SpaceRef child, SpaceRole required) => _space.AdoptChildAsync(caller, child, required);

    public Task<Visibility> GetVisibilityAsync() => _space.GetVisibilityAsync();

    public Task ParentVisibilityChangedAsync(Visibility parentVisibility) => _space.ParentVisibilityChangedAsync(parentVisibility);

    public Task AccessChangedAboveAsync(Guid? personId) => _space.AccessChangedAboveAsync(personId);

    public Task<IReadOnlyList<SpaceMember>> GetMembersAsync(Caller caller) => _space.GetMembersAsync(caller);

    public Task<InvitationCreated> InviteAsync(Caller caller, InviteCommand command) => _space.InviteAsync(caller, command);

    public Task<IReadOnlyList<InvitationSummary>> GetInvitationsAsync(Caller caller) => _space.GetInvitationsAsync(caller);

    public Task RevokeInvitationAsync(Caller caller, Guid invitationId) => _space.RevokeInvitationAsync(caller, invitationId);

    public Task<InvitationPreview> PreviewInvitationAsync(Guid invitationId, string secret) => _space.PreviewInvitationAsync(invitationId, secret);

    public Task<SpaceAccess> AcceptInvitationAsync(Caller caller, Guid invitationId, string secret) => _space.AcceptInvitationAsync(caller, invitationId, secret);

    public Task DeclineInvitationAsync(Guid invitationId, string secret) => _space.DeclineInvitationAsync(invitationId, secret);

    public Task RequestToJoinAsync(Caller caller, string? message) => _space.RequestToJoinAsync(caller, message);

    public Task<IReadOnlyList<JoinRequestSummary>> GetJoinRequestsAsync(Caller caller) => _space.GetJoinRequestsAsync(caller);

    public Task DecideJoinRequestAsync(Caller caller, Guid personId, bool approve) => _space.DecideJoinRequestAsync(caller, personId, approve);

    public Task LeaveAsync(Caller caller) => _space.LeaveAsync(caller);

    public Task RemoveMemberAsync(Caller caller, Guid personId) => _space.RemoveMemberAsync(caller, personId);

    public Task ChangeRoleAsync(Caller caller, Guid personId, SpaceRole role) => _space.ChangeRoleAsync(caller, personId, role);

    public Task<AuditPage> GetAuditAsync(Caller caller, long? after, int limit) => _space.GetAuditAsync(caller, after, limit);
}
