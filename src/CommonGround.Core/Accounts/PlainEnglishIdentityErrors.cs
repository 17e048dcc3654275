using Microsoft.AspNetCore.Identity;

namespace CommonGround.Core.Accounts;

/// <summary>Identity's messages, rewritten in the plain words the rest of the service uses.</summary>
public sealed class PlainEnglishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "An account already exists for this email address. Sign in, or reset your password if you have forgotten it" };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "An account already exists for this email address. Sign in, or reset your password if you have forgotten it" };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Enter an email address in the correct format, like name@example.com" };

    public override IdentityError InvalidUserName(string? userName) => InvalidEmail(userName);

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Password must be {length} characters or more" };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Your current password is not right" };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "This link has expired or has already been used. Ask for a new one" };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Someone else changed this account at the same time. Try again" };
}
