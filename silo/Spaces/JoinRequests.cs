using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>Requests to join a space, one per person, waiting for a coordinator; capped so the state stays bounded.</summary>
public readonly struct JoinRequests(List<JoinRequestRecord> requests, SpaceKind kind)
{
    public const int PendingMax = 500;

    public void Add(Guid personId, string? message, DateTimeOffset now)
    {
        if (requests.Exists(r => r.PersonId == personId))
        {
            throw new ConflictException(ErrorCodes.JoinRequestPending, "Your request to join is waiting for a coordinator.");
        }

        if (requests.Count >= PendingMax)
        {
            throw new ConflictException(ErrorCodes.TooManyJoinRequests, $"This {kind} has too many requests waiting; try again later.");
        }

        requests.Add(new JoinRequestRecord { PersonId = personId, Message = message, RequestedAt = now });
    }

    /// <summary>Removes and returns the person's request, for a coordinator's decision.</summary>
    public JoinRequestRecord Take(Guid personId)
    {
        var request = requests.Find(r => r.PersonId == personId)
            ?? throw new NotFoundException(ErrorCodes.JoinRequestNotFound, "No pending request to join from that person.");
        requests.Remove(request);
        return request;
    }

    /// <summary>A person who joins by invitation needs their request no longer.</summary>
    public void Withdraw(Guid personId) => requests.RemoveAll(r => r.PersonId == personId);
}
