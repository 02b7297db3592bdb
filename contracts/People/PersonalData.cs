using NetworkHub.Contracts.LiveSessions;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Contracts.People;

/// <summary>
/// Everything the person grain holds about a person, for their export and their erasure: never shown to anyone else.
/// <see cref="FormerSpaces"/> are spaces the person left or asked to join, which may still hold their id.
/// </summary>
[GenerateSerializer, Alias("NetworkHub.PersonRecord")]
public sealed record PersonRecord(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] PersonProfile Profile,
    [property: Id(3)] IReadOnlyList<PersonSpace> Spaces,
    [property: Id(4)] IReadOnlyList<SpaceRef> FormerSpaces,
    [property: Id(5)] IReadOnlyList<string> CredentialKeys)
{
    /// <summary>Every space that may hold the person's id: those they belong to, then the others.</summary>
    public IEnumerable<SpaceRef> AllSpaces => Spaces.Select(s => s.Space).Concat(FormerSpaces).Distinct();
}

/// <summary>
/// What one space holds about one person (ids and their own texts only; names are resolved on read, never stored).
/// <see cref="Positions"/>: what a committee names them as (chair, secretary, representative or alternate of a seat).
/// </summary>
[GenerateSerializer, Alias("NetworkHub.PersonInSpace")]
public sealed record PersonInSpace(
    [property: Id(0)] SpaceRef Space,
    [property: Id(1)] string SpaceName,
    [property: Id(2)] SpaceRole? Role,
    [property: Id(3)] DateTimeOffset? MemberSince,
    [property: Id(4)] bool SoleCoordinator,
    [property: Id(5)] PendingJoinRequest? JoinRequest,
    [property: Id(6)] IReadOnlyList<InvitationSummary> InvitationsCreated,
    [property: Id(7)] IReadOnlyList<Guid> InvitationsUsed,
    [property: Id(8)] IReadOnlyList<AuditEntry> AuditLines,
    [property: Id(9)] IReadOnlyList<string>? Positions = null);

[GenerateSerializer, Alias("NetworkHub.PendingJoinRequest")]
public sealed record PendingJoinRequest([property: Id(0)] string? Message, [property: Id(1)] DateTimeOffset RequestedAt);

/// <summary>What one live session holds about one person: their contributions, statements, ballots and votes.</summary>
[GenerateSerializer, Alias("NetworkHub.PersonInSession")]
public sealed record PersonInSession(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Guid ForumId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset? FirstJoinedAt,
    [property: Id(4)] IReadOnlyList<Contribution> Contributions,
    [property: Id(5)] IReadOnlyList<SessionStatement> Statements,
    [property: Id(6)] IReadOnlyList<SessionBallot> Ballots,
    [property: Id(7)] IReadOnlyList<SessionStatementVote> StatementVotes,
    [property: Id(8)] IReadOnlyList<SessionReaction> Reactions,
    [property: Id(9)] IReadOnlyList<AuditEntry> AuditLines);

[GenerateSerializer, Alias("NetworkHub.SessionStatement")]
public sealed record SessionStatement([property: Id(0)] Guid ItemId, [property: Id(1)] Guid StatementId, [property: Id(2)] string Text, [property: Id(3)] DateTimeOffset At);

[GenerateSerializer, Alias("NetworkHub.SessionBallot")]
public sealed record SessionBallot([property: Id(0)] Guid ItemId, [property: Id(1)] IReadOnlyList<int> Choices);

[GenerateSerializer, Alias("NetworkHub.SessionStatementVote")]
public sealed record SessionStatementVote([property: Id(0)] Guid StatementId, [property: Id(1)] StatementVote Vote);

[GenerateSerializer, Alias("NetworkHub.SessionReaction")]
public sealed record SessionReaction([property: Id(0)] Guid ContributionId, [property: Id(1)] string Reaction);

/// <summary>How far an erasure has got. The account can no longer sign in once <see cref="AccountErased"/> is true.</summary>
[GenerateSerializer, Alias("NetworkHub.ErasureProgress")]
public sealed record ErasureProgress([property: Id(0)] bool AccountErased, [property: Id(1)] int StepsLeft)
{
    public bool Complete => AccountErased && StepsLeft == 0;
}

/// <summary>
/// The erasure of one person's data, keyed by person id. Durable: the plan (every grain that holds the person) is
/// written before the first step, and a reminder retries what failed until every step is done; then its own row goes.
/// </summary>
[Alias("NetworkHub.IErasureGrain")]
public interface IErasureGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Starts (or continues) the erasure; <paramref name="accountKey"/> is the account grain's key. Returns after the
    /// account and its credentials are gone and every other step was tried once.
    /// </summary>
    Task<ErasureProgress> EraseAsync(string accountKey);
}

/// <summary>What a person's id is replaced by in what others keep (session records, audit lines).</summary>
public static class FormerMember
{
    public const string Name = "former member";
}
