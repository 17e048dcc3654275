using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace CommonGround.Core.Accounts;

/// <summary>
/// Checks codes from an authenticator app (RFC 6238, 6 digits, 30 seconds). Unlike the built-in provider it
/// reads the injected clock, and it accepts each code once: a code seen by someone over a shoulder is spent.
/// </summary>
public sealed class TotpAuthenticator(CommonGroundDbContext db, TimeProvider timeProvider) : IUserTwoFactorTokenProvider<UserAccount>
{
    public const string ProviderName = "CommonGroundAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<UserAccount> manager, UserAccount user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    // The code comes from the person's own app; the service never generates one.
    public Task<string> GenerateAsync(string purpose, UserManager<UserAccount> manager, UserAccount user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<UserAccount> manager, UserAccount user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = Normalise(token);
        if (string.IsNullOrEmpty(key) || code.Length != 6)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(timeProvider.UtcNow(), code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        // One conditional update spends the code: of two requests with the same code at once, only one changes the row.
        var spent = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < step))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastTotpStep, step));
        if (spent != 1)
        {
            return false;
        }

        // Identity writes every column of the account when it next saves it, so the object must agree with the row.
        user.LastTotpStep = step;
        return true;
    }

    public static string Normalise(string? code) => new((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

    /// <summary>The current code for a key: for tests and for the set-up check, never shown to anyone.</summary>
    public static string CodeAt(string base32Key, DateTime utc) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(utc);
}
