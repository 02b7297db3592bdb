using System.Diagnostics;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Spaces;

/// <summary>
/// Test hook, off unless <c>Testing:ExitAfterSpaceWrite</c> names a kind of space (e.g. <c>Organisation</c>): the
/// process kills itself (SIGKILL, as <c>kill -9</c> would) right after such a space's state write that stored
/// effects, before any of them is delivered. The crash tests use it to prove the outbox delivers them after a restart.
/// Never set it in a deployment.
/// </summary>
public sealed class CrashAfterSpaceWrite(string? kind)
{
    public const string Setting = "Testing:ExitAfterSpaceWrite";

    public void AfterWrite(SpaceKind space, int storedEffects)
    {
        if (storedEffects > 0 && kind is not null && string.Equals(kind, space.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            Process.GetCurrentProcess().Kill();
        }
    }
}
