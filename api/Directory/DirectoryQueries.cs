using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Directory;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Directory;

/// <summary>Query string of a directory listing: /api/v1/organisations?country=CO&amp;topic=land&amp;q=red&amp;limit=25.</summary>
public sealed class DirectoryFilter
{
    [FromQuery(Name = "country")][CountryCode] public string? Country { get; init; }
    [FromQuery(Name = "region")][StringLength(Limits.ShortTextMaxLength)] public string? Region { get; init; }
    [FromQuery(Name = "topic")][StringLength(Limits.ShortTextMaxLength)] public string? Topic { get; init; }
    [FromQuery(Name = "kind")][StringLength(Limits.ShortTextMaxLength)] public string? Kind { get; init; }
    [FromQuery(Name = "q")][StringLength(Limits.NameMaxLength)] public string? Q { get; init; }
    [FromQuery(Name = "cursor")][StringLength(600)] public string? Cursor { get; init; }
    [FromQuery(Name = "limit")][Range(1, Limits.PageSizeMax)] public int? Limit { get; init; }
}

internal static class DirectoryQueries
{
    /// <summary>A page of the directory as the caller may see it: private spaces only to their members.</summary>
    public static async Task<DirectoryPage> QueryAsync(IGrainFactory grains, string directory, Caller caller, DirectoryFilter filter, IReadOnlySet<Guid>? only = null)
    {
        var memberOf = caller.PersonId is { } person
            ? (await grains.GetGrain<IPersonGrain>(person).GetSpacesAsync()).Select(s => s.Space.Id).ToHashSet()
            : [];
        var query = new DirectoryQuery(filter.Country, filter.Region, filter.Topic, filter.Kind, filter.Q, filter.Cursor,
            filter.Limit ?? Limits.PageSizeDefault, !caller.IsAnonymous, memberOf, only);
        return await grains.GetGrain<IDirectoryGrain>(directory).QueryAsync(query);
    }
}
