using System.Diagnostics;
using CommonGround.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>
/// Keeps pages that take an email address from revealing, by how long they take, whether it has an account here:
/// the same password hashing whether or not the account exists, and a floor under the time a response takes.
/// </summary>
public sealed class EvenTiming(IPasswordHasher<UserAccount> hasher)
{
    /// <summary>Longer than the work behind any of these forms takes, so every answer takes the same time.</summary>
    public static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(400);

    private static readonly UserAccount Nobody = new() { DisplayName = "", Kind = AccountKind.Family, CreatedAt = default };
    private static string? _nobodysHash;

    /// <summary>Checks a password against a made-up account: the same work as checking a real one.</summary>
    public void CheckPasswordOfNobody(string password)
    {
        _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
    }

    /// <summary>Waits, in real time, until <see cref="Floor"/> has passed since <paramref name="started"/>.</summary>
    public static async Task WaitForFloorAsync(long started)
    {
        var left = Floor - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }
}
