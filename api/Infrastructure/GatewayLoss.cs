namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// Cluster mode: fails the grain calls in flight when a gateway connection closes, so they are answered 503 at once
/// instead of after the client's whole response timeout. An Orleans client is told that the number of connected
/// gateways fell, but not which calls went through the lost one (its callbacks for them only expire), so every call
/// in flight at that moment fails with <see cref="SiloUnavailableException"/>; the client retries it like any 503.
/// A call through a live gateway may so fail although it would have succeeded: that is the price of not waiting.
/// </summary>
internal sealed class GatewayLoss : IOutgoingGrainCallFilter
{
    private TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnGatewayCountChanged(object? sender, GatewayCountChangedEventArgs e)
    {
        if (e.NumberOfConnectedGateways < e.PreviousNumberOfConnectedGateways)
        {
            Interlocked.Exchange(ref _lost, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var lost = Volatile.Read(ref _lost).Task;
        var call = context.Invoke();
        if (await Task.WhenAny(call, lost) != call)
        {
            // The abandoned call ends by itself at its timeout; observe its failure so it is not reported as unobserved.
            _ = call.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new SiloUnavailableException($"A gateway connection closed while {context.MethodName} was in flight.");
        }

        await call;
    }
}
