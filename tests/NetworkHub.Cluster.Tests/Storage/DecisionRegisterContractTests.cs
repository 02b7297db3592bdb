using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Silo.Committees;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// The decision register on each database: numbers per committee and UTC year, idempotent by motion, safe under
/// concurrent writers, paged in number order, searched literally and without regard to case.
/// </summary>
public abstract class DecisionRegisterContractTests
{
    private static readonly DateTimeOffset Spring = new(2026, 4, 14, 9, 30, 0, TimeSpan.Zero);
    private static readonly VoteResult Adopted = new(VoteOutcome.Adopted, VotingMethod.SimpleMajority, new VoteTotals(7, 2, 1), 10, 12, 7, true);

    private readonly IStorageFixture _fixture;

    private protected DecisionRegisterContractTests(IStorageFixture fixture) => _fixture = fixture;

    private DecisionRegister Register => _fixture.Silo.Services.GetRequiredService<DecisionRegister>();

    private static DecisionDraft Draft(DateTimeOffset decidedAt, string title = "Adopt the annual plan", string text = "The committee adopts the plan.") =>
        new(Guid.NewGuid(), Guid.NewGuid(), title, text, Adopted, BallotKind.Open, decidedAt);

    [Fact]
    public async Task AppendAsync_NumbersPerCommitteeAndUtcYear()
    {
        Guid steering = Guid.NewGuid(), board = Guid.NewGuid();

        var first = await Register.AppendAsync(steering, "SC", Draft(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999)));
        // Half past midnight in Paris is still the old year in UTC.
        var second = await Register.AppendAsync(steering, "SC", Draft(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(1))));
        var newYear = await Register.AppendAsync(steering, "SC", Draft(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var otherCommittee = await Register.AppendAsync(board, "NBT2", Draft(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        var afterNewYear = await Register.AppendAsync(steering, "SC", Draft(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(["SC-2026-001", "SC-2026-002", "SC-2027-001", "NBT2-2026-001", "SC-2026-003"],
            new[] { first, second, newYear, otherCommittee, afterNewYear }.Select(d => d.Number));
        Assert.Equal((2026, 2), (second.Year, second.Sequence));
        Assert.Equal(TimeSpan.Zero, second.DecidedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), second.DecidedAt);
    }

    [Fact]
    public async Task AppendAsync_WrittenDecision_ReadsBackExactly()
    {
        var committee = Guid.NewGuid();
        var draft = Draft(Spring.AddTicks(1_234_567), "Budget — « révisé »", "Line one\nLine two") with
        {
            Result = new VoteResult(VoteOutcome.Adopted, VotingMethod.Consensus, new VoteTotals(3, 0, 9), 12, 14, 8, true),
            Ballot = BallotKind.Secret,
        };

        var written = await Register.AppendAsync(committee, "SC", draft);

        Assert.Equal(new Decision("SC-2026-001", committee, 2026, 1, draft.MeetingId, draft.MotionId, draft.Title, draft.Text, draft.Result,
            BallotKind.Secret, Spring.AddTicks(1_234_560)), written);
        Assert.Equal(written, await Register.FindAsync(committee, "SC-2026-001"));
    }

    [Fact]
    public async Task AppendAsync_SameMotionAgain_ReturnsTheStoredDecisionUnchanged()
    {
        var committee = Guid.NewGuid();
        var draft = Draft(Spring);
        var first = await Register.AppendAsync(committee, "SC", draft);

        var again = await Register.AppendAsync(committee, "XYZ", draft with { Title = "Something else", DecidedAt = Spring.AddYears(1) });
        var next = await Register.AppendAsync(committee, "SC", Draft(Spring));

        Assert.Equal(first, again);
        Assert.Equal("SC-2026-002", next.Number);
        Assert.Equal([first, next], (await Register.PageAsync(committee, null, null, null, 100)).Decisions);
    }

    [Fact]
    public async Task AppendAsync_SameMotionInAnotherCommittee_IsAnotherDecision()
    {
        var draft = Draft(Spring);

        var one = await Register.AppendAsync(Guid.NewGuid(), "SC", draft);
        var other = await Register.AppendAsync(Guid.NewGuid(), "SC", draft);

        Assert.Equal(one.Number, other.Number);
        Assert.NotEqual(one.CommitteeId, other.CommitteeId);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentWriters_TakeEveryNumberOnceAndEachMotionOnce()
    {
        var committee = Guid.NewGuid();
        var drafts = Enumerable.Range(0, 12).Select(_ => Draft(Spring)).ToList();

        // Each draft twice at once: the numbers race, and so does each motion with itself.
        var written = await Task.WhenAll(drafts.Concat(drafts).Select(d => Task.Run(() => Register.AppendAsync(committee, "SC", d))));

        var stored = (await Register.PageAsync(committee, null, null, null, 100)).Decisions;
        Assert.Equal(Enumerable.Range(1, 12), stored.Select(d => d.Sequence));
        Assert.Equal(drafts.Select(d => d.MotionId).Order(), stored.Select(d => d.MotionId).Order());
        Assert.All(written, d => Assert.Equal(stored.Single(s => s.MotionId == d.MotionId), d));
    }

    [Fact]
    public async Task PageAsync_FollowsTheCursorInNumberOrderAcrossYears()
    {
        var committee = Guid.NewGuid();
        var written = new List<Decision>();
        foreach (var at in new[] { Spring.AddYears(1), Spring, Spring.AddDays(1), Spring.AddYears(1).AddDays(1), Spring.AddDays(2), Spring.AddYears(-1), Spring.AddDays(3) })
        {
            written.Add(await Register.AppendAsync(committee, "SC", Draft(at)));
        }

        await Register.AppendAsync(Guid.NewGuid(), "SC", Draft(Spring));

        var seen = new List<Decision>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await Register.PageAsync(committee, null, null, after, 3);
            Assert.True(page.Decisions.Count <= 3);
            seen.AddRange(page.Decisions);
            after = page.NextAfter;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(
            ["SC-2025-001", "SC-2026-001", "SC-2026-002", "SC-2026-003", "SC-2026-004", "SC-2027-001", "SC-2027-002"],
            seen.Select(d => d.Number));
        Assert.Equal(written.OrderBy(d => d.Year).ThenBy(d => d.Sequence), seen);

        var lastYear = await Register.PageAsync(committee, null, 2026, "SC-2026-002", 100);
        Assert.Equal(["SC-2026-003", "SC-2026-004"], lastYear.Decisions.Select(d => d.Number));
        Assert.Null(lastYear.NextAfter);

        // Exactly one page full: no cursor to an empty page.
        var exact = await Register.PageAsync(committee, null, 2027, null, 2);
        Assert.Equal(2, exact.Decisions.Count);
        Assert.Null(exact.NextAfter);
    }

    [Theory]
    [InlineData("2026-001")]
    [InlineData("SC-2026-1-2")]
    [InlineData("sc-2026-001")]
    [InlineData("SC-x-001")]
    [InlineData("SC-2026--1")]
    [InlineData("")]
    public async Task PageAsync_CursorNotANumber_IsInvalidInput(string after)
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Register.PageAsync(Guid.NewGuid(), null, null, after, 10));

        Assert.Equal(ErrorCodes.InvalidCursor, error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task PageAsync_LimitOutOfRange_Throws(int limit) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Register.PageAsync(Guid.NewGuid(), null, null, null, limit));

    [Fact]
    public async Task PageAsync_Text_MatchesTitleOrTextLiterallyIgnoringCase()
    {
        var committee = Guid.NewGuid();
        foreach (var (title, text) in new[]
                 {
                     ("Budget 100% approved", "The whole budget."),
                     ("Budget 1000 approved", "A thousand."),
                     ("Rule for snake_case names", "Names."),
                     ("Rule for snakeXcase names", "Other names."),
                     ("Économie sociale", "Le comité soutient l'ÉCONOMIE solidaire."),
                     ("Back\\slash policy", "Paths."),
                 })
        {
            await Register.AppendAsync(committee, "SC", Draft(Spring, title, text));
        }

        async Task<string[]> Titles(string query) =>
            [.. (await Register.PageAsync(committee, query, null, null, 100)).Decisions.Select(d => d.Title)];

        Assert.Equal(["Budget 100% approved"], await Titles("0%"));
        Assert.Equal(["Budget 100% approved"], await Titles("%"));
        Assert.Equal(["Rule for snake_case names"], await Titles("e_c"));
        Assert.Equal(["Back\\slash policy"], await Titles("k\\s"));
        Assert.Equal(["Budget 100% approved", "Budget 1000 approved"], await Titles("bUdGeT"));
        Assert.Equal(["Économie sociale"], await Titles("éCONOMIE"));
        Assert.Equal(["Économie sociale"], await Titles("économie solidaire"));
        Assert.Equal(["Budget 1000 approved"], await Titles("  thousand  "));
        Assert.Empty(await Titles("approved a"));
        Assert.Equal(6, (await Titles("   ")).Length);
    }

    [Fact]
    public async Task FindAsync_ByNumber_WithinTheCommitteeOnly()
    {
        Guid committee = Guid.NewGuid(), other = Guid.NewGuid();
        await Register.AppendAsync(committee, "SC", Draft(Spring));
        var second = await Register.AppendAsync(committee, "SC", Draft(Spring));
        await Register.AppendAsync(other, "AB", Draft(Spring));

        Assert.Equal(second, await Register.FindAsync(committee, "SC-2026-002"));
        Assert.Equal(second, await Register.FindAsync(committee, " sc-2026-002 "));
        Assert.Null(await Register.FindAsync(committee, "SC-2026-003"));
        Assert.Null(await Register.FindAsync(committee, "AB-2026-001"));
        Assert.Null(await Register.FindAsync(Guid.NewGuid(), "SC-2026-001"));
    }

    [Theory]
    [InlineData("S")]
    [InlineData("sc")]
    [InlineData("S-C")]
    [InlineData("ABCDEFGHIJK")]
    public async Task AppendAsync_CodeNotACommitteeCode_Throws(string code) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Register.AppendAsync(Guid.NewGuid(), code, Draft(Spring)));
}

public sealed class SqliteDecisionRegisterContractTests(SqliteStorageFixture fixture)
    : DecisionRegisterContractTests(fixture), IClassFixture<SqliteStorageFixture>;

public sealed class PostgreSqlDecisionRegisterContractTests(PostgreSqlStorageFixture fixture)
    : DecisionRegisterContractTests(fixture), IClassFixture<PostgreSqlStorageFixture>;
