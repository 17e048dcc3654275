using Microsoft.AspNetCore.Identity;

namespace CommonGround.Core.Accounts;

/// <summary>
/// Length and a common-password check, and no composition rules: long passphrases are easier to
/// remember and harder to guess than short passwords with symbols.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<UserAccount>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        var error = Check(password, user.Email);
        return Task.FromResult(error is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordRejected", Description = error }));
    }

    /// <summary>Why a password is refused, in words for the person choosing it, or null if it is fine.</summary>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Enter a password";
        }

        if (password.Length < MinimumLength)
        {
            return $"Password must be {MinimumLength} characters or more";
        }

        if (password.Length > MaximumLength)
        {
            return $"Password must be {MaximumLength} characters or fewer";
        }

        if (CommonPasswordList.Contains(password))
        {
            return "Choose a password that is harder to guess. This one is on a list of common passwords";
        }

        if (email is not null && password.Trim().Equals(email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "Password must not be your email address";
        }

        return null;
    }
}
