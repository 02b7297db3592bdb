using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NetworkHub.Contracts.Access;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Silo.Access;

/// <summary>
/// Growing delays instead of a lock-out: after <see cref="FreeFailures"/> failures in a row, each further attempt
/// must wait <see cref="FirstDelay"/>, then twice that, and so on up to <see cref="MaxDelay"/>. The right answer
/// after the wait still succeeds, so an attacker can slow the owner down by at most <see cref="MaxDelay"/>.
/// </summary>
public sealed class ThrottleOptions
{
    [Range(1, int.MaxValue)]
    public int FreeFailures { get; set; } = 5;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Failures older than this (counted from the last one) are forgotten.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromDays(1);
}

[GenerateSerializer, Alias("NetworkHub.ThrottleState")]
public sealed class ThrottleState
{
    [Id(0)] public int Failures { get; set; }
    [Id(1)] public DateTimeOffset LastFailureAt { get; set; }

    /// <summary>How long the next attempt must still wait, or zero.</summary>
    public TimeSpan Wait(ThrottleOptions rule, DateTimeOffset now)
    {
        if (Failures < rule.FreeFailures || now - LastFailureAt >= rule.ForgetAfter)
        {
            return TimeSpan.Zero;
        }

        // Doubling stops at the cap; the exponent is bounded so the multiplication cannot overflow.
        var doublings = Math.Min(Failures - rule.FreeFailures, 30);
        var delay = TimeSpan.FromTicks(Math.Min(rule.FirstDelay.Ticks * (1L << doublings), rule.MaxDelay.Ticks));
        var left = LastFailureAt + delay - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Throws <c>auth.locked-out</c> with the wait while there is one.</summary>
    public void Check(ThrottleOptions rule, DateTimeOffset now)
    {
        if (Wait(rule, now) is var wait && wait > TimeSpan.Zero)
        {
            throw new TooManyAttemptsException(ErrorCodes.LockedOut, "Too many failed attempts; wait a moment and try again.", wait);
        }
    }

    public void Fail(ThrottleOptions rule, DateTimeOffset now)
    {
        if (now - LastFailureAt >= rule.ForgetAfter)
        {
            Failures = 0;
        }

        Failures = Math.Min(Failures + 1, 1000);
        LastFailureAt = now;
    }

    public void Reset()
    {
        Failures = 0;
        LastFailureAt = default;
    }
}

public sealed class ClientThrottleGrain(
    [PersistentState("client-throttle", StorageNames.Default)] IPersistentState<ThrottleState> state,
    IOptions<AccountOptions> options, TimeProvider clock) : Grain, IClientThrottleGrain
{
    private ThrottleOptions Rule => options.Value.AddressThrottle;

    public Task CheckAsync()
    {
        state.State.Check(Rule, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public async Task FailedAsync()
    {
        state.State.Fail(Rule, clock.GetUtcNow());
        await state.WriteStateAsync();
    }
}
