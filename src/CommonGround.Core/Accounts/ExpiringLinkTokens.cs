using System.Globalization;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CommonGround.Core.Accounts;

/// <summary>
/// Tokens for emailed links (password reset, email confirmation). Each is encrypted, names its purpose and
/// the account's security stamp, and expires by the injected clock; changing the password changes the stamp,
/// so a reset link works once.
/// </summary>
public sealed class ExpiringLinkTokens(IDataProtectionProvider protection, TimeProvider timeProvider) : IUserTwoFactorTokenProvider<UserAccount>
{
    public const string ProviderName = "CommonGroundLinks";
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan EmailConfirmationLifetime = TimeSpan.FromDays(3);

    private readonly IDataProtector _protector = protection.CreateProtector("CommonGround.ExpiringLinkTokens.v1");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<UserAccount> manager, UserAccount user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<UserAccount> manager, UserAccount user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        var issued = timeProvider.UtcNow().Ticks.ToString(CultureInfo.InvariantCulture);
        var payload = string.Join('|', issued, user.Id.ToString("N"), purpose, stamp);
        return _protector.Protect(payload);
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<UserAccount> manager, UserAccount user)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        var parts = payload.Split('|');
        if (parts.Length != 4 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        var lifetime = purpose == UserManager<UserAccount>.ResetPasswordTokenPurpose ? PasswordResetLifetime : EmailConfirmationLifetime;
        var issued = new DateTime(ticks, DateTimeKind.Utc);
        return timeProvider.UtcNow() < issued + lifetime
            && parts[1] == user.Id.ToString("N")
            && parts[2] == purpose
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }
}
