using System.Security.Cryptography;
using System.Text;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Accounts;

/// <summary>
/// A failed attempt to sign in, kept for a day so every instance counts the same failures. The email address is kept
/// only as a hash, and counts the same whether or not it has an account, so the limit reveals nothing.
/// </summary>
public sealed class SignInFailure
{
    public Guid Id { get; init; } = Ids.New();
    public required string AccountKey { get; init; }
    public string? ClientAddress { get; init; }
    public required DateTime At { get; init; }
}

public sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> e)
    {
        e.Property(f => f.AccountKey).HasMaxLength(64);
        e.Property(f => f.ClientAddress).HasMaxLength(64);
        e.HasIndex(f => new { f.AccountKey, f.At });
        e.HasIndex(f => new { f.ClientAddress, f.At });
        e.HasIndex(f => f.At);
    }
}

/// <summary>
/// Limits guessing passwords: a few failures for one email address, or many from one client address, within a window
/// pause signing in there until the window has passed. Limits hold across instances because the count is in the database.
/// </summary>
public sealed class SignInThrottle(CommonGroundDbContext db, TimeProvider timeProvider)
{
    public const int FailuresPerAccount = 5;
    public const int FailuresPerAddress = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>When signing in with this email, or from this address, may be tried again; null when it may now.</summary>
    public async Task<DateTime?> BlockedUntilAsync(string email, string? clientAddress)
    {
        var now = timeProvider.UtcNow();
        var since = now - Window;
        var key = AccountKey(email);
        var account = await db.SignInFailures.Where(f => f.AccountKey == key && f.At > since)
            .OrderByDescending(f => f.At).Select(f => f.At).Take(FailuresPerAccount).ToListAsync();
        var address = clientAddress is null
            ? []
            : await db.SignInFailures.Where(f => f.ClientAddress == clientAddress && f.At > since)
                .OrderByDescending(f => f.At).Select(f => f.At).Take(FailuresPerAddress).ToListAsync();
        DateTime? until = null;
        if (account.Count >= FailuresPerAccount)
        {
            until = account.Min() + Window;
        }

        if (address.Count >= FailuresPerAddress && address.Min() + Window is var addressUntil && (until is null || addressUntil > until))
        {
            until = addressUntil;
        }

        return until > now ? until : null;
    }

    public async Task RecordFailureAsync(string email, string? clientAddress)
    {
        var now = timeProvider.UtcNow();
        db.SignInFailures.Add(new SignInFailure { AccountKey = AccountKey(email), ClientAddress = clientAddress, At = now });
        await db.SaveChangesAsync();
        var old = now - KeptFor;
        await db.SignInFailures.Where(f => f.At < old).ExecuteDeleteAsync();
    }

    /// <summary>After a successful sign-in the person's own count starts again; the address's count stands.</summary>
    public async Task ClearAsync(string email)
    {
        var key = AccountKey(email);
        await db.SignInFailures.Where(f => f.AccountKey == key).ExecuteDeleteAsync();
    }

    private static string AccountKey(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("sign-in:" + email.Trim().ToUpperInvariant())));
}
