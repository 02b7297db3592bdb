using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Coalitions;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Forums;
using NetworkHub.Contracts.Organisations;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;
using NetworkHub.Contracts.WorkingGroups;
using NetworkHub.Silo.Coalitions;
using NetworkHub.Silo.Organisations;
using Orleans.Serialization;

namespace NetworkHub.Silo.Tests;

/// <summary>One value of each contracts folder and of the persisted states through Orleans' serializer: a missing [Id] or
/// [GenerateSerializer] shows up here as a lost field or an exception.</summary>
public sealed class SerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.CreateVersion7();

    public static TheoryData<object> Values() =>
    [
        Caller.ApiKey(Id, ApiKeyScope.ReadWrite),
        new RegisterAccountCommand("a@b.org", "pw", "Name", "Pseudo", "CO", ["es"]),
        new IssueCredentialCommand(Caller.Person(Id), At),
        new OrganisationDetails(Id, "Org", OrganisationKind.Funder, "CO", "Andes", ["x"], "d", "https://x.org", Visibility.Private, 3, At, At, SpaceRole.Coordinator),
        new ApiKeyCreated(Id, "ci", ApiKeyScope.Read, "nhk_x", At),
        new CoalitionDetails(Id, "C", "charter", "SN", "Sahel", ["t"], Visibility.MembersOnly, 2, At, At, SpaceRole.Observer, CoalitionKind.Partnership, true),
        new CoalitionOrganisation(Id, "Org", CoalitionOrganisationStatus.Active, At, MemberOrganisationRole.Observer, OrganisationKind.MunicipalityOrRegion, "BR", "Nordeste"),
        new CoalitionOrganisationPage([new CoalitionOrganisation(Id, "(private organisation)", CoalitionOrganisationStatus.Invited, At, MemberOrganisationRole.None, null, null, null)], "next"),
        new CoalitionOrganisationQuery(CoalitionOrganisationStatus.Active, "CO", null, OrganisationKind.Funder, "c", 10),
        new MemberOrganisationListing("Org", OrganisationKind.Funder, "CO", null, Visibility.MembersOnly),
        new OrganisationCoalition(Id, "Coalition", CoalitionOrganisationStatus.Invited, At),
        new WorkingGroupDetails(Id, new SpaceRef(SpaceKind.Coalition, Id), "WG", "purpose", Visibility.Private, 1, At, At, null, true),
        new ForumDetails(Id, null, "Forum", "d", ["Migration"], Visibility.Public, 1, At, At, SpaceRole.Member, false),
        new PersonDetails(Id, "Name", "Display", "Pseudo", "a@b.org", "CO", ["es"], 4),
        new DirectoryQuery("CO", "Andes", "peace", "funder", "red", "cursor", 25, true, new HashSet<Guid> { Id }),
        new DirectoryPage([new DirectoryEntry(Id, "N", "funder", "CO", null, ["t"], Visibility.Public, "s")], "next"),
        new AuditPage([new AuditEntry(7, At, Id, null, AuditActions.RoleChanged, Id, "Member -> Coordinator")], 7),
        new InvitationSummary(Id, SpaceRole.Observer, InvitationStatus.Accepted, At, At, Id, Id, "note"),
        new SpaceSummary(new SpaceRef(SpaceKind.Forum, Id), "F", Visibility.Public, SpaceRole.Member, new SpaceRef(SpaceKind.Coalition, Id)),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void RoundTrip_KeepsEveryField(object value)
    {
        var copy = Serializer.Deserialize<object>(Serializer.SerializeToArray(value));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(value, value.GetType()), System.Text.Json.JsonSerializer.Serialize(copy, copy!.GetType()));
    }

    [Fact]
    public void RoundTrip_DomainException_KeepsCodeAndMessage()
    {
        var copy = Serializer.Deserialize<Exception>(Serializer.SerializeToArray<Exception>(new TooManyAttemptsException(ErrorCodes.LockedOut, "locked", TimeSpan.FromMinutes(3))));

        var error = Assert.IsType<TooManyAttemptsException>(copy);
        Assert.Equal((ErrorCodes.LockedOut, "locked", TimeSpan.FromMinutes(3)), (error.Code, error.Message, error.RetryAfter));
    }

    [Fact]
    public void RoundTrip_PersistedState_KeepsBaseAndDerivedFields()
    {
        var state = new CoalitionState { Exists = true, Name = "C", Version = 5, Country = "SN", Topics = ["t"] };
        state.Organisations.Add(new CoalitionOrganisationRecord { OrganisationId = Id, Status = CoalitionOrganisationStatus.Invited, Since = At });
        state.Members.Add(new() { PersonId = Id, Role = SpaceRole.Coordinator, Since = At });
        var organisation = new OrganisationState { Name = "O", Kind = OrganisationKind.ResearchInstitute };
        organisation.ApiKeys.Add(new ApiKeyRecord { Id = Id, Name = "k", CredentialKey = "cred_x", Scope = ApiKeyScope.ReadWrite });
        organisation.Coalitions.Add(new OrganisationCoalition(Id, "C", CoalitionOrganisationStatus.Active, At));

        var coalitionCopy = Serializer.Deserialize<CoalitionState>(Serializer.SerializeToArray(state));
        var organisationCopy = Serializer.Deserialize<OrganisationState>(Serializer.SerializeToArray(organisation));

        Assert.Equal((true, "C", 5, "SN"), (coalitionCopy!.Exists, coalitionCopy.Name, coalitionCopy.Version, coalitionCopy.Country));
        Assert.Equal(CoalitionOrganisationStatus.Invited, coalitionCopy.Organisations.Single().Status);
        Assert.Equal(SpaceRole.Coordinator, coalitionCopy.Members.Single().Role);
        Assert.Equal(("O", OrganisationKind.ResearchInstitute, "cred_x"), (organisationCopy!.Name, organisationCopy.Kind, organisationCopy.ApiKeys.Single().CredentialKey));
        Assert.Equal(CoalitionOrganisationStatus.Active, organisationCopy.Coalitions.Single().Status);
    }
}
