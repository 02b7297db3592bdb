namespace NetworkHub.Cluster.Tests.Infrastructure;

/// <summary>Waits for a condition by polling it, up to a deadline; the failure message names what was expected.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string expected)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        Exception? error = null;
        while (true)
        {
            try
            {
                last = await probe();
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.IAssertionException)
            {
                last = default!;
                error = e;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {expected}; last value {last}, last error {error?.Message}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }

    public static Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string expected) =>
        WaitAsync(condition, ok => ok, timeout, expected);
}
