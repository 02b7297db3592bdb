using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkHub.Api.Infrastructure;
using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Errors;
using NetworkHub.Contracts.People;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Committees;

/// <summary>A committee's action items, its overdue list, and the signed-in person's own items across committees.</summary>
public static class ActionItemEndpoints
{
    public static IEndpointRouteBuilder MapActionItemEndpoints(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/v1/committees/{id:guid}/action-items").WithTags("Committees").WithProblemResponses();
        items.MapGet("/", GetActionItems).WithName(nameof(GetActionItems));
        items.MapPost("/", AddActionItem).WithName(nameof(AddActionItem)).WithIdempotencyKey();
        items.MapPut("/{itemId:guid}", UpdateActionItem).WithName(nameof(UpdateActionItem));
        items.MapPut("/{itemId:guid}/status", SetActionItemStatus).WithName(nameof(SetActionItemStatus));
        app.MapGet("/api/v1/me/action-items", GetMyActionItems).WithName(nameof(GetMyActionItems)).WithTags("Committees").WithProblemResponses();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ActionItem>>> GetActionItems(Guid id, ActionItemStatus? status, bool? overdue, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IActionItemsGrain>(id).ListAsync(user.Caller(), new ActionItemFilter(status, overdue ?? false)));

    private static async Task<Created<ActionItem>> AddActionItem(Guid id, ActionItemRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ServerKeys keys)
    {
        var itemId = await keys.NewResourceIdAsync(context, $"action-item:{id:N}");
        return ETags.Created(context, $"/api/v1/committees/{id}/action-items/{itemId}",
            await grains.GetGrain<IActionItemsGrain>(id).AddAsync(user.Caller(), itemId, request.ToCommand()), i => i.Version);
    }

    private static async Task<Ok<ActionItem>> UpdateActionItem(Guid id, Guid itemId, ActionItemRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IActionItemsGrain>(id).UpdateAsync(user.Caller(), itemId, request.ToCommand(), ETags.Expected(context)), i => i.Version);

    private static async Task<Ok<ActionItem>> SetActionItemStatus(Guid id, Guid itemId, ActionItemStatusRequest request, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        ETags.Ok(context, await grains.GetGrain<IActionItemsGrain>(id).SetStatusAsync(user.Caller(), itemId, request.Status!.Value), i => i.Version);

    /// <summary>Every committee on the person's list (a role there, or a seat they represent), asked side by side.</summary>
    private static async Task<Ok<IReadOnlyList<ActionItem>>> GetMyActionItems(ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = user.Caller();
        if (caller.PersonId is not { } person)
        {
            throw new ForbiddenException(ErrorCodes.PersonRequired, "Only a person has action items of their own.");
        }

        var committees = (await grains.GetGrain<IPersonGrain>(person).GetSpacesAsync()).Where(s => s.Space.Kind == SpaceKind.Committee);
        var lists = await Task.WhenAll(committees.Select(c => grains.GetGrain<IActionItemsGrain>(c.Space.Id).MineAsync(caller)));
        IReadOnlyList<ActionItem> mine = [.. lists.SelectMany(l => l).OrderBy(i => i.DueAt is null).ThenBy(i => i.DueAt)];
        return TypedResults.Ok(mine);
    }
}

/// <summary>An action item: exactly one of <see cref="AssigneePersonId"/> and <see cref="AssigneeSeatId"/>.</summary>
public sealed record ActionItemRequest(
    [property: Required, StringLength(Limits.NameMaxLength, MinimumLength = 1), PlainText] string Title,
    [property: StringLength(Limits.DescriptionMaxLength), FreeText] string? Notes,
    Guid? AssigneePersonId,
    Guid? AssigneeSeatId,
    DateTimeOffset? DueAt,
    Guid? MeetingId,
    [property: StringLength(Limits.ShortTextMaxLength), PlainText] string? DecisionNumber) : IValidatableObject
{
    public ActionItemCommand ToCommand() => new(Title, Notes, new ActionItemAssignee(AssigneePersonId, AssigneeSeatId), DueAt, MeetingId, DecisionNumber);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((AssigneePersonId is null) == (AssigneeSeatId is null))
        {
            yield return new ValidationResult("Give exactly one of assigneePersonId and assigneeSeatId.", [nameof(AssigneePersonId), nameof(AssigneeSeatId)]);
        }
    }
}

public sealed record ActionItemStatusRequest([property: Required] ActionItemStatus? Status);
