using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Accounts;

public sealed record RegisterFamilyOptions(string Name, string Email, string Password, Func<Guid, string, string> ConfirmLinkFor, string SignInLink, string ResetLink);

public sealed record AcceptInvitationOptions(string Token, string Password);

public sealed class AccountService(
    CommonGroundDbContext db,
    UserManager<UserAccount> userManager,
    EmailOutbox outbox,
    TimeProvider timeProvider)
{
    /// <summary>
    /// Registers a parent carer or young person. If the email already has an account, the owner is told by
    /// email instead, and the caller sees the same outcome, so nobody can learn who has an account here.
    /// </summary>
    public async Task<Result<bool>> RegisterFamilyAsync(RegisterFamilyOptions options, Actor actor)
    {
        var email = options.Email.Trim();
        var passwordProblem = PasswordRules.Check(options.Password, email);
        if (passwordProblem is not null)
        {
            return new PasswordRejected(passwordProblem);
        }

        var now = timeProvider.UtcNow();
        var existing = await userManager.FindByEmailAsync(email);
        if (existing is not null)
        {
            outbox.Enqueue(existing.Email!, existing.DisplayName, "Someone tried to create a CommonGround account with your email",
                $"""
                Hello {existing.DisplayName},

                Someone tried to create a new CommonGround account using this email address, which already has an account.

                If it was you, you can sign in here: {options.SignInLink}
                If you have forgotten your password, you can reset it here: {options.ResetLink}

                If it was not you, you do not need to do anything. Your account has not changed.

                CommonGround
                """);
            await db.SaveChangesAsync();
            return true;
        }

        var user = new UserAccount { UserName = email, Email = email, DisplayName = options.Name.Trim(), Kind = AccountKind.Family, CreatedAt = now };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await userManager.CreateAsync(user, options.Password);
        if (!created.Succeeded)
        {
            return new PasswordRejected(created.Errors.First().Description) with { Field = FieldFor(created.Errors.First()) };
        }

        var token = await userManager.GenerateEmailConfirmationTokenAsync(user);
        db.AuditEvents.Add(AuditEvent.For(actor with { UserId = user.Id, Name = user.DisplayName }, now, AuditActions.Registered, nameof(UserAccount), user.Id, "Created a family account"));
        outbox.Enqueue(email, user.DisplayName, "Confirm your email address for CommonGround",
            $"""
            Hello {user.DisplayName},

            Thank you for creating a CommonGround account. To finish, confirm your email address by opening this link:
            {options.ConfirmLinkFor(user.Id, token)}

            The link works for 3 days. If you did not create an account, you can ignore this email.

            CommonGround
            """);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    public async Task<Result<Invitation>> FindInvitationAsync(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 128)
        {
            return new InvitationNotFound();
        }

        var hash = Invitation.HashToken(token.Trim());
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null)
        {
            return new InvitationNotFound();
        }

        return invitation.StatusAt(timeProvider.UtcNow()) switch
        {
            InvitationStatus.Pending => invitation,
            InvitationStatus.Accepted => new InvitationAlreadyUsed(),
            InvitationStatus.Revoked => new InvitationWithdrawn(),
            _ => new InvitationExpired(),
        };
    }

    /// <summary>Creates the invited person's account and their place in the organisation, together or not at all.</summary>
    public async Task<Result<UserAccount>> AcceptInvitationAsync(AcceptInvitationOptions options, Actor actor)
    {
        var found = await FindInvitationAsync(options.Token);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var invitation = found.Value!;
        var passwordProblem = PasswordRules.Check(options.Password, invitation.Email);
        if (passwordProblem is not null)
        {
            return new PasswordRejected(passwordProblem);
        }

        if (await userManager.FindByEmailAsync(invitation.Email) is not null)
        {
            return new InvitationAlreadyUsed();
        }

        var now = timeProvider.UtcNow();
        var user = new UserAccount
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true, // the token arrived by email, which proves the address
            DisplayName = invitation.DisplayName,
            Kind = AccountKind.Professional,
            CreatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await userManager.CreateAsync(user, options.Password);
        if (!created.Succeeded)
        {
            return new PasswordRejected(created.Errors.First().Description);
        }

        invitation.Accept(user.Id, now);
        var professional = new Professional
        {
            UserAccountId = user.Id,
            OrganisationId = invitation.OrganisationId,
            AreaId = invitation.AreaId,
            JobTitle = invitation.JobTitle,
            IsOrganisationAdmin = invitation.AsOrganisationAdmin,
            JoinedAt = now,
        };
        db.Professionals.Add(professional);
        var who = actor with { UserId = user.Id, Name = user.DisplayName, OrganisationId = invitation.OrganisationId, AreaId = invitation.AreaId };
        db.AuditEvents.Add(AuditEvent.For(who, now, AuditActions.InvitationAccepted, nameof(Invitation), invitation.Id, $"{user.DisplayName} accepted their invitation"));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return user;
    }

    private static string FieldFor(IdentityError error) =>
        error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Email" : "Password";
}
