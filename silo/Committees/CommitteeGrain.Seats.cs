using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Silo.Organisations;
using NetworkHub.Silo.Spaces;

namespace NetworkHub.Silo.Committees;

/// <summary>An organisation learns whether it is offered or holds a seat in a committee.</summary>
[GenerateSerializer, Alias("NetworkHub.TrackCommitteeSeatEffect")]
public sealed record TrackCommitteeSeatEffect([property: Id(0)] Guid OrganisationId, [property: Id(1)] Guid CommitteeId, [property: Id(2)] bool HoldsSeat) : SpaceEffect
{
    public override string Target => $"organisation-seat/{OrganisationId}";

    public override Task DeliverAsync(IGrainFactory grains) => grains.GetGrain<IOrganisationGrain>(OrganisationId).TrackCommitteeSeatAsync(CommitteeId, HoldsSeat);
}

/// <summary>
/// Seats: offered by the committee's coordinators, answered for by the organisation's own coordinators, vacant by
/// themselves when their term ends (the <see cref="TermsReminder"/> reminder, at the earliest term end).
/// </summary>
public sealed partial class CommitteeGrain
{
    private const string TermsReminder = "committee-terms";

    /// <summary>How often the terms reminder looks again while a term is still to end; it is moved to the next term end after each tick.</summary>
    private static readonly TimeSpan TermsReminderPeriod = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<Seat>> GetSeatsAsync(Caller caller)
    {
        await _space.RequireInsideAsync(caller, "seats");
        return [.. State.Seats.Select(s => s.ToSeat())];
    }

    public async Task<Seat> InviteSeatAsync(Caller caller, SeatInvitation invitation)
    {
        await _space.RequireRoleAsync(caller, SpaceRole.Coordinator);
        var termStart = invitation.TermStart ?? _space.Now;
        ValidateTerms(invitation.Kind, termStart, invitation.TermEnd, invitation.Allotment);

        // Not-found for an organisation the coordinator may not see: nobody offers a seat to what they cannot know of.
        var organisation = await GrainFactory.GetGrain<IOrganisationGrain>(invitation.OrganisationId).GetSummaryAsync(caller);
        if (State.Seats.Exists(s => s.OrganisationId == invitation.OrganisationId && s.Live))
        {
            throw new ConflictException(CommitteeErrors.SeatTaken, "That organisation already holds a seat here, or is offered one.");
        }

        PruneSeats(State.Seats);
        if (State.Seats.Count >= CommitteeLimits.SeatsMax)
        {
            throw new ConflictException(CommitteeErrors.TooManySeats, $"A committee keeps at most {CommitteeLimits.SeatsMax} seats, ended ones included.");
        }

        var seat = new SeatRecord
        {
            SeatId = Guid.CreateVersion7(),
            OrganisationId = invitation.OrganisationId,
            OrganisationName = organisation.Name,
            Kind = invitation.Kind,
            Status = SeatStatus.Invited,
            TermStart = termStart,
            TermEnd = invitation.TermEnd,
            Allotment = invitation.Allotment,
            InvitedAt = _space.Now,
            ChangedAt = _space.Now,
        };
        State.Seats.Add(seat);
        _space.Audit(caller, CommitteeAuditActions.SeatInvited, seat.SeatId, $"organisation {seat.OrganisationId}, {seat.Kind}, allotment {seat.Allotment}");
        _space.Effect(new TrackCommitteeSeatEffect(seat.OrganisationId, this.GetPrimaryKey(), true));
        await SaveWithTermsAsync();
        return seat.ToSeat();
    }

    public async Task<Seat> AcceptSeatAsync(Caller caller, Guid seatId, SeatPeople people)
    {
        var seat = await SeatForOrganisationAsync(caller, seatId);
        RequireStatus(seat, SeatStatus.Invited);
        await RequirePeopleOfAsync(seat.OrganisationId, people);
        seat.Status = SeatStatus.Active;
        seat.ChangedAt = _space.Now;
        Name(seat, people);
        _space.Audit(caller, CommitteeAuditActions.SeatAccepted, seat.SeatId, $"organisation {seat.OrganisationId}");
        await _space.SaveAsync();
        return seat.ToSeat();
    }

    public async Task<Seat> DeclineSeatAsync(Caller caller, Guid seatId)
    {
        var seat = await SeatForOrganisationAsync(caller, seatId);
        RequireStatus(seat, SeatStatus.Invited);
        Close(seat, SeatStatus.Declined);
        _space.Audit(caller, CommitteeAuditActions.SeatDeclined, seat.SeatId, $"organisation {seat.OrganisationId}");
        await SaveWithTermsAsync();
        return seat.ToSeat();
    }

    public async Task<Seat> NameSeatPeopleAsync(Caller caller, Guid seatId, SeatPeople people)
    {
        var seat = await SeatForOrganisationAsync(caller, seatId);
        RequireStatus(seat, SeatStatus.Active);
        await RequirePeopleOfAsync(seat.OrganisationId, people);
        var before = new[] { seat.Representative, seat.Alternate }.OfType<Guid>().ToList();
        Name(seat, people);
        foreach (var person in before.Where(p => !seat.Names(p)))
        {
            _space.NarrowAccess(person);
        }

        _space.Audit(caller, CommitteeAuditActions.SeatPeopleNamed, seat.SeatId, $"organisation {seat.OrganisationId}");
        await _space.SaveAsync();
        return seat.ToSeat();
    }

    public async Task<Seat> StepDownAsync(Caller caller, Guid seatId)
    {
        var seat = await SeatForOrganisationAsync(caller, seatId);
        RequireStatus(seat, SeatStatus.Active);
        Close(seat, SeatStatus.SteppedDown);
        _space.Audit(caller, CommitteeAuditActions.SeatSteppedDown, seat.SeatId, $"organisation {seat.OrganisationId}");
        await SaveWithTermsAsync();
        return seat.ToSeat();
    }

    public async Task<Seat> UpdateSeatAsync(Caller caller, Guid seatId, SeatTerms terms)
    {
        var seat = await SeatForCoordinatorAsync(caller, seatId);
        ValidateTerms(terms.Kind, terms.TermStart, terms.TermEnd, terms.Allotment);
        var narrower = seat.Status == SeatStatus.Active && (terms.Kind == SeatKind.Observer) != (seat.Kind == SeatKind.Observer);
        seat.Kind = terms.Kind;
        seat.TermStart = terms.TermStart;
        seat.TermEnd = terms.TermEnd;
        seat.Allotment = terms.Allotment;
        if (narrower)
        {
            // Whether the seat votes changed: open meetings count it again.
            _space.NarrowAccess(null);
        }

        _space.Audit(caller, CommitteeAuditActions.SeatChanged, seat.SeatId,
            $"{seat.Kind}, allotment {seat.Allotment}, term {seat.TermStart:O} to {seat.TermEnd?.ToString("O") ?? "open"}");
        await SaveWithTermsAsync();
        return seat.ToSeat();
    }

    public async Task<Seat> EndSeatAsync(Caller caller, Guid seatId)
    {
        var seat = await SeatForCoordinatorAsync(caller, seatId);
        Close(seat, SeatStatus.Vacant);
        _space.Audit(caller, CommitteeAuditActions.SeatEnded, seat.SeatId, $"organisation {seat.OrganisationId}");
        await SaveWithTermsAsync();
        return seat.ToSeat();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != TermsReminder)
        {
            await _space.ReceiveReminder(reminderName, status);
            return;
        }

        var now = _space.Now;
        var ended = State.Seats.Where(s => s.Live && s.TermEnd <= now).ToList();
        foreach (var seat in ended)
        {
            Close(seat, SeatStatus.Vacant);
            _space.Audit(Caller.Anonymous, CommitteeAuditActions.SeatTermEnded, seat.SeatId, $"organisation {seat.OrganisationId}, term ended {seat.TermEnd:O}");
        }

        if (ended.Count > 0)
        {
            await SaveWithTermsAsync();
        }
        else
        {
            await ScheduleTermsAsync();
        }
    }

    /// <summary>
    /// The terms reminder is set to the earliest term end of a live seat before the write (so a crash right after it
    /// still ends that term), and removed when no live seat has an end.
    /// </summary>
    private async Task SaveWithTermsAsync()
    {
        await ScheduleTermsAsync();
        await _space.SaveAsync();
    }

    private async Task ScheduleTermsAsync()
    {
        var next = State.Seats.Where(s => s.Live && s.TermEnd is not null).Min(s => s.TermEnd);
        if (next is { } end)
        {
            var due = end - _space.Now;
            await this.RegisterOrUpdateReminder(TermsReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, TermsReminderPeriod);
        }
        else if (await this.GetReminder(TermsReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Ends a seat's say here: its people lose what it gave them, and the organisation forgets the committee.</summary>
    private void Close(SeatRecord seat, SeatStatus status)
    {
        var people = new[] { seat.Representative, seat.Alternate }.OfType<Guid>().ToList();
        seat.Status = status;
        seat.ChangedAt = _space.Now;
        _space.Effect(new TrackCommitteeSeatEffect(seat.OrganisationId, this.GetPrimaryKey(), false));
        foreach (var person in people)
        {
            TrackPerson(person);
            _space.NarrowAccess(person);
        }
    }

    private void Name(SeatRecord seat, SeatPeople people)
    {
        var before = new[] { seat.Representative, seat.Alternate }.OfType<Guid>();
        seat.Representative = people.Representative;
        seat.Alternate = people.Alternate;
        foreach (var person in before.Concat([people.Representative]).Concat(people.Alternate is { } a ? [a] : []).Distinct())
        {
            TrackPerson(person);
        }
    }

    /// <summary>
    /// The person's list of spaces names this committee while they are on its roster or named for a held seat (so
    /// export and erasure find it); the role there is a hint, each seat is confirmed with its organisation when asked.
    /// </summary>
    private void TrackPerson(Guid person)
    {
        var role = _space.Roster.RoleOf(person);
        if (role is null or SpaceRole.Observer && State.Seats.Exists(s => s.Status == SeatStatus.Active && s.Names(person)))
        {
            role = SpaceRole.Member;
        }

        _space.Effect(new TrackSpaceEffect(person, _space.Ref, role));
    }

    /// <summary>Makes room for one more seat: ended and declined seats beyond the limit go, those that ended longest ago first.</summary>
    public static void PruneSeats(List<SeatRecord> seats, int max = CommitteeLimits.SeatsMax)
    {
        var excess = seats.Count - (max - 1);
        if (excess <= 0)
        {
            return;
        }

        foreach (var seat in seats.Where(s => !s.Live).OrderBy(s => s.ChangedAt).Take(excess).ToList())
        {
            seats.Remove(seat);
        }
    }

    /// <summary>
    /// The seats the person may act for now: held seats naming them, each confirmed with the holding organisation, so
    /// someone who left it holds nothing from the next call on.
    /// </summary>
    private async Task<IReadOnlyList<SeatStanding>> SeatsOfAsync(Guid person)
    {
        var named = State.Seats.Where(s => s.Status == SeatStatus.Active && s.Names(person)).ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var belongs = await Task.WhenAll(named.Select(async s => await OrganisationRoleAsync(s.OrganisationId, person) >= SpaceRole.Member));
        return [.. named.Where((_, i) => belongs[i]).Select(s => new SeatStanding(s.SeatId, s.Representative == person, s.Alternate == person))];
    }

    private static void ValidateTerms(SeatKind kind, DateTimeOffset termStart, DateTimeOffset? termEnd, int allotment)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new RejectedException(CommitteeErrors.InvalidSeat, "Unknown kind of seat.");
        }

        var least = kind == SeatKind.Observer ? 0 : 1;
        if (allotment < least || allotment > CommitteeLimits.AllotmentMax)
        {
            throw new RejectedException(CommitteeErrors.InvalidSeat,
                $"A seat holds 1 to {CommitteeLimits.AllotmentMax} votes (an observer's may hold none).");
        }

        if (termEnd is { } end && end <= termStart)
        {
            throw new RejectedException(CommitteeErrors.InvalidSeat, "A term ends after it starts.");
        }
    }

    private static void RequireStatus(SeatRecord seat, SeatStatus status)
    {
        if (seat.Status != status)
        {
            throw new ConflictException(CommitteeErrors.SeatNotOpen, $"The seat is {seat.Status}, not {status}.");
        }
    }

    /// <summary>Representative and alternate are two different people who belong to the organisation (member or coordinator).</summary>
    private async Task RequirePeopleOfAsync(Guid organisationId, SeatPeople people)
    {
        if (people.Alternate == people.Representative)
        {
            throw new RejectedException(CommitteeErrors.NotOrganisationPerson, "The alternate is someone other than the representative.");
        }

        foreach (var person in new[] { people.Representative, people.Alternate }.OfType<Guid>())
        {
            if (await OrganisationRoleAsync(organisationId, person) is not >= SpaceRole.Member)
            {
                throw new RejectedException(CommitteeErrors.NotOrganisationPerson,
                    $"{person} is not a member of the organisation; invite them there first.");
            }
        }
    }

    /// <summary>A seat the committee's coordinators may change: one that is offered or held.</summary>
    private async Task<SeatRecord> SeatForCoordinatorAsync(Caller caller, Guid seatId)
    {
        await _space.RequireRoleAsync(caller, SpaceRole.Coordinator);
        var seat = State.Seats.Find(s => s.SeatId == seatId)
            ?? throw new NotFoundException(CommitteeErrors.SeatNotFound, "No such seat in this committee.");
        if (!seat.Live)
        {
            throw new ConflictException(CommitteeErrors.SeatNotOpen, $"The seat is {seat.Status}.");
        }

        return seat;
    }

    /// <summary>
    /// The holding organisation's coordinators answer for its seat even when the committee is private to everyone else;
    /// anyone who may not see the committee gets the not-found of an id that does not exist.
    /// </summary>
    private async Task<SeatRecord> SeatForOrganisationAsync(Caller caller, Guid seatId)
    {
        var seat = State.Seats.Find(s => s.SeatId == seatId);
        if (seat is not null && await OrganisationCoordinators.IsAsync(GrainFactory, caller, seat.OrganisationId))
        {
            (await _space.AccessAsync(caller)).RequireSecondFactor();
            return seat;
        }

        await _space.RequireVisibleAsync(caller);
        caller.RequirePerson();
        return seat is null
            ? throw new NotFoundException(CommitteeErrors.SeatNotFound, "No such seat in this committee.")
            : throw new ForbiddenException(CommitteeErrors.NotOrganisationCoordinator, "Only the organisation's coordinators can answer for its seat.");
    }


    public Task<PersonInSpace?> GetPersonDataAsync(Guid personId)
    {
        var positions = Positions(personId);
        var data = PersonData.Export(State, _space.Ref, personId, _space.Now);
        if (data is null && (positions.Count == 0 || !State.Exists))
        {
            return Task.FromResult(data);
        }

        return Task.FromResult<PersonInSpace?>((data ?? new PersonInSpace(_space.Ref, State.Name, null, null, false, null, [], [], [])) with { Positions = positions });
    }

    /// <summary>What the person is named as here, in words, for their export.</summary>
    private List<string> Positions(Guid personId)
    {
        List<string> positions = [];
        if (State.Offices.Chair == personId)
        {
            positions.Add("chair");
        }

        if (State.Offices.CoChairs.Contains(personId))
        {
            positions.Add("co-chair");
        }

        if (State.Offices.Secretary == personId)
        {
            positions.Add("secretary");
        }

        foreach (var seat in State.Seats.Where(s => s.Names(personId)))
        {
            var what = seat.Representative == personId ? "representative" : "alternate";
            positions.Add($"{what} of seat {seat.SeatId} ({seat.OrganisationName}, {seat.Status})");
        }

        return positions;
    }

    /// <summary>The person leaves the offices and the seats that name them; the organisation names someone else.</summary>
    public Task ErasePersonAsync(Guid personId, Guid formerId) => _space.ErasePersonAsync(personId, formerId, () =>
    {
        var changed = false;
        foreach (var seat in State.Seats.Where(s => s.Names(personId)))
        {
            seat.Representative = seat.Representative == personId ? null : seat.Representative;
            seat.Alternate = seat.Alternate == personId ? null : seat.Alternate;
            changed = true;
        }

        var offices = State.Offices;
        if (offices.Chair == personId || offices.Secretary == personId || offices.CoChairs.Contains(personId))
        {
            State.Offices = new CommitteeOffices(
                offices.Chair == personId ? null : offices.Chair,
                [.. offices.CoChairs.Where(p => p != personId)],
                offices.Secretary == personId ? null : offices.Secretary);
            changed = true;
        }

        if (changed)
        {
            _space.NarrowAccess(personId);
        }

        return changed;
    });
}
