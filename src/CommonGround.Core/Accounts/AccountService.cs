using CommonGround.Core.Audit;
using CommonGround.Core.Children;
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
    public async Task<Result<bool>> RegisterFamilyAsync(RegisterFamilyOptions options, Actor visitor)
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
        db.AuditEvents.Add(AuditEvent.For(new UserActor(user.Id, user.DisplayName) { IpAddress = visitor.IpAddress }, now, AuditActions.Registered, nameof(UserAccount), user.Id, "Created a family account"));
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

        // Nobody new joins a closed record: it takes no new work.
        var toAClosedRecord = invitation.ChildId is { } childId && await db.Children.AnyAsync(c => c.Id == childId && c.ClosedOn != null);
        return invitation.StatusAt(timeProvider.UtcNow()) switch
        {
            InvitationStatus.Pending when toAClosedRecord => new InvitationToAClosedRecord(),
            InvitationStatus.Pending => invitation,
            InvitationStatus.Accepted => new InvitationAlreadyUsed(),
            InvitationStatus.Revoked => new InvitationWithdrawn(),
            _ => new InvitationExpired(),
        };
    }

    /// <summary>Whether the invited email already has an account, which must then sign in to accept.</summary>
    public async Task<bool> HasAccountAsync(string email) => await userManager.FindByEmailAsync(email) is not null;

    /// <summary>
    /// Creates the invited person's account and their place in the organisation or the child's family,
    /// together or not at all.
    /// </summary>
    public async Task<Result<UserAccount>> AcceptInvitationAsync(AcceptInvitationOptions options, Actor visitor)
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
            // Family members who already have an account accept while signed in; staff cannot hold two places.
            return invitation.Kind == InvitationKind.Family ? new InvitationNeedsSignIn(invitation.Email) : new InvitationAlreadyUsed();
        }

        var now = timeProvider.UtcNow();
        var user = new UserAccount
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true, // the token arrived by email, which proves the address
            DisplayName = invitation.DisplayName,
            Kind = invitation.Kind == InvitationKind.Staff ? AccountKind.Professional : AccountKind.Family,
            CreatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await userManager.CreateAsync(user, options.Password);
        if (!created.Succeeded)
        {
            return new PasswordRejected(created.Errors.First().Description);
        }

        JoinFrom(invitation, user, new UserActor(user.Id, user.DisplayName) { IpAddress = visitor.IpAddress }, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return user;
    }

    /// <summary>Someone already signed in accepts an invitation to a child's family that was sent to their own email.</summary>
    public async Task<Result<Invitation>> AcceptFamilyInvitationAsync(string token, UserActor actor)
    {
        var found = await FindInvitationAsync(token);
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var invitation = found.Value!;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == actor.UserId);
        if (invitation.Kind != InvitationKind.Family || user is null || !string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new InvitationForSomeoneElse(invitation.Email);
        }

        if (await db.FamilyMembers.AnyAsync(f => f.ChildId == invitation.ChildId && f.UserAccountId == user.Id))
        {
            return new InvitationAlreadyUsed();
        }

        JoinFrom(invitation, user, actor, timeProvider.UtcNow());
        await db.SaveChangesAsync();
        return invitation;
    }

    private void JoinFrom(Invitation invitation, UserAccount user, UserActor actor, DateTime now)
    {
        invitation.Accept(user.Id, now);
        if (invitation.Kind == InvitationKind.Staff)
        {
            db.Professionals.Add(new Professional
            {
                UserAccountId = user.Id,
                OrganisationId = invitation.OrganisationId!.Value,
                AreaId = invitation.AreaId,
                JobTitle = invitation.JobTitle!,
                IsOrganisationAdmin = invitation.AsOrganisationAdmin,
                JoinedAt = now,
            });
            var staff = actor with { OrganisationId = invitation.OrganisationId, AreaId = invitation.AreaId };
            db.AuditEvents.Add(AuditEvent.For(staff, now, AuditActions.InvitationAccepted, nameof(Invitation), invitation.Id, $"{user.DisplayName} accepted their invitation"));
            return;
        }

        db.FamilyMembers.Add(new FamilyMember { ChildId = invitation.ChildId!.Value, UserAccountId = user.Id, Relationship = invitation.Relationship!.Value, JoinedAt = now });
        db.AuditEvents.Add(AuditEvent.ForChild(actor, invitation.ChildId!.Value, invitation.AreaId, now, new ChildChange(AuditActions.FamilyInvitationAccepted, null, $"{user.DisplayName} joined the family on the record", new ChangeSubject.Team())));
    }

    /// <summary>
    /// Moves the account to the new address with the link's token: sign-in name and email change together, with their
    /// audit event, or not at all. The change ends the account's other sessions.
    /// </summary>
    public async Task<bool> ChangeEmailAsync(UserAccount account, string newEmail, string token, UserActor actor)
    {
        var before = account.Email;
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!(await userManager.ChangeEmailAsync(account, newEmail, token)).Succeeded || !(await userManager.SetUserNameAsync(account, newEmail)).Succeeded)
        {
            return false;
        }

        db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), AuditActions.EmailChanged, nameof(UserAccount), account.Id, $"Changed their email address from {before} to {newEmail}"));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    private static string FieldFor(IdentityError error) =>
        error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Email" : "Password";
}
