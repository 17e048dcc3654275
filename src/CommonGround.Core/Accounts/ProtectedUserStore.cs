using System.Security.Cryptography;
using System.Text;
using CommonGround.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace CommonGround.Core.Accounts;

/// <summary>
/// Identity's store, with the second factor kept safe at rest: the authenticator key is encrypted with the service's
/// keys (which are themselves encrypted with a certificate kept outside the database), and recovery codes are kept
/// only as salted hashes, so a copy of the database gives neither a working code nor the means to make one.
/// </summary>
public sealed class ProtectedUserStore(CommonGroundDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<UserAccount, CommonGroundDbContext, Guid>(context, describer)
{
    private const string ProtectedPrefix = "p1:";
    private const char Separator = ';';
    private readonly IDataProtector _keys = protection.CreateProtector("CommonGround.Accounts.AuthenticatorKey.v1");

    public override Task SetAuthenticatorKeyAsync(UserAccount user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, ProtectedPrefix + _keys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        // A key set before keys were encrypted is read as it is; the next set-up stores it encrypted.
        return stored is not null && stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal) ? _keys.Unprotect(stored[ProtectedPrefix.Length..]) : stored;
    }

    public override Task ReplaceCodesAsync(UserAccount user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(RecoveryCodeHash.Of), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(UserAccount user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await GetTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes", cancellationToken) ?? "";
        var codes = stored.Split(Separator, StringSplitOptions.RemoveEmptyEntries).ToList();
        var match = codes.FirstOrDefault(c => RecoveryCodeHash.Matches(c, code));
        if (match is null)
        {
            return false;
        }

        codes.Remove(match);
        await SetTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes", string.Join(Separator, codes), cancellationToken);
        return true;
    }
}

/// <summary>A recovery code kept as a random salt and the SHA-256 of salt and code; only the person ever sees the code.</summary>
public static class RecoveryCodeHash
{
    private const string Prefix = "h1:";

    public static string Of(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Prefix}{Convert.ToBase64String(salt)}:{Convert.ToBase64String(Hash(salt, code))}";
    }

    public static bool Matches(string stored, string code)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            // Stored before codes were hashed.
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(code));
        }

        var parts = stored[Prefix.Length..].Split(':');
        return parts.Length == 2
            && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(parts[1]), Hash(Convert.FromBase64String(parts[0]), code));
    }

    private static byte[] Hash(byte[] salt, string code) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())]);
}
