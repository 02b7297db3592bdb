using System.Collections.Concurrent;

namespace NetworkHub.Silo.Tests;

/// <summary>
/// A filter on the test silo's incoming calls: makes chosen calls of one grain fail, records the first argument of
/// every call it watches, and lets a test await the first call that got through.
/// </summary>
public sealed class Faults : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<(GrainId Grain, string Method), Rule> Rules = new();

    /// <summary>Fails the next <paramref name="failures"/> calls of <paramref name="method"/> on <paramref name="grain"/>; the task completes when one passes.</summary>
    public static Task Watch(IAddressable grain, string method, int failures = 0) =>
        Rules.GetOrAdd((grain.GetGrainId(), method), _ => new Rule()).Arm(failures);

    /// <summary>Lets the following calls through.</summary>
    public static void Release(IAddressable grain, string method) => RuleOf(grain, method).Arm(0);

    public static int Failed(IAddressable grain, string method) => RuleOf(grain, method).Failed;

    /// <summary>Completes at the next call of the method, failed or not.</summary>
    public static Task NextCallAsync(IAddressable grain, string method) => RuleOf(grain, method).NextCall;

    /// <summary>The first argument of every call that got through, in order.</summary>
    public static IReadOnlyList<object?> Arguments(IAddressable grain, string method) => [.. RuleOf(grain, method).Arguments];

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (!Rules.TryGetValue((context.TargetId, context.MethodName), out var rule))
        {
            await context.Invoke();
            return;
        }

        try
        {
            rule.ThrowIfFailing();
        }
        finally
        {
            rule.Called();
        }

        await context.Invoke();
        rule.Passed(context.Request.GetArgumentCount() > 0 ? context.Request.GetArgument(0) : null);
    }

    private static Rule RuleOf(IAddressable grain, string method) => Rules[(grain.GetGrainId(), method)];

    private sealed class Rule
    {
        private readonly Lock _lock = new();
        private int _failuresLeft;
        private TaskCompletionSource _passed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task NextCall
        {
            get
            {
                lock (_lock)
                {
                    return _called.Task;
                }
            }
        }

        public void Called()
        {
            TaskCompletionSource called;
            lock (_lock)
            {
                called = _called;
                _called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            called.TrySetResult();
        }

        public int Failed { get; private set; }

        public ConcurrentQueue<object?> Arguments { get; } = new();

        public Task Arm(int failures)
        {
            lock (_lock)
            {
                _failuresLeft = failures;
                if (_passed.Task.IsCompleted)
                {
                    _passed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                return _passed.Task;
            }
        }

        public void ThrowIfFailing()
        {
            lock (_lock)
            {
                if (_failuresLeft <= 0)
                {
                    return;
                }

                _failuresLeft--;
                Failed++;
            }

            throw new InvalidOperationException("Fault injected by the test.");
        }

        public void Passed(object? argument)
        {
            Arguments.Enqueue(argument);
            lock (_lock)
            {
                _passed.TrySetResult();
            }
        }
    }
}
