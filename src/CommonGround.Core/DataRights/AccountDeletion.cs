using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommonGround.Core.DataRights;

/// <summary>
/// Deletes an account, in one transaction. What served only its owner goes: everything that hangs from the account
/// (where they were signed in, their email choices, what the service told them, their calendar address, how they
/// signed in), their own downloads, the emails sent to them, and every copy of their email address. If their work is still in a child's record, which
/// shows who did it, the account keeps only its name, and nobody can sign in with it; otherwise it goes entirely. Both
/// are found from the model, not listed by hand, so a table added later is covered. The audit log and the families'
/// "who has seen" keep the name as it was when each thing happened, as they always do.
/// </summary>
public sealed class AccountDeletion(CommonGroundDbContext db, TimeProvider timeProvider)
{
    /// <summary>Places that make an account someone's way into a record or an organisation: never deleted from under it.</summary>
    private static readonly HashSet<Type> Places = [typeof(Professional), typeof(FamilyMember)];

    /// <summary>Logs that keep the name as it was, and never change.</summary>
    private static readonly HashSet<Type> Logs = [typeof(AuditEvent), typeof(AccessLogEntry)];

    public async Task<AccountDeleted> DeleteAsync(Guid userId, string why, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (await db.FamilyMembers.AnyAsync(f => f.UserAccountId == userId, cancellationToken))
        {
            throw new InvalidOperationException("An account in a child's family is never deleted: it is how the family reaches the record");
        }

        var userType = db.Model.FindEntityType(typeof(UserAccount))!;
        var owned = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetForeignKeys())
            .Where(fk => fk.PrincipalEntityType == userType && !Places.Contains(fk.DeclaringEntityType.ClrType) && fk.Properties.Count == 1)
            .ToList();
        foreach (var link in owned)
        {
            await ModelRows.DeleteAsync(db, link.DeclaringEntityType, link.Properties[0].Name, [userId], cancellationToken);
        }

        await db.RecordExports.Where(e => e.RequestedByUserId == userId && e.ChildId == null).ExecuteDeleteAsync(cancellationToken);
        if (user.Email is { } email)
        {
            var lower = email.ToLowerInvariant();
            await db.OutboxMessages.Where(m => m.ToAddress.ToLower() == lower).ExecuteDeleteAsync(cancellationToken);
            await ForgetAddressAsync(userId, email, cancellationToken);
        }

        var ownedTypes = owned.Select(fk => fk.DeclaringEntityType).ToHashSet();
        var keepsName = await WorkRemainsAsync(userId, ownedTypes, cancellationToken);
        var now = timeProvider.UtcNow();
        if (keepsName)
        {
            user.UserName = $"deleted-{user.Id:N}";
            user.NormalizedUserName = user.UserName.ToUpperInvariant();
            user.Email = null;
            user.NormalizedEmail = null;
            user.EmailConfirmed = false;
            user.PhoneNumber = null;
            user.PhoneNumberConfirmed = false;
            user.PasswordHash = null;
            user.TwoFactorEnabled = false;
            user.LastTotpStep = null;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.SecurityStamp = Guid.NewGuid().ToString();
            user.DeletionWarningId = null;
            user.DeletedAt = now;
        }
        else
        {
            db.Users.Remove(user);
        }

        // The event names no one: the account's id is enough to account for it, and its name is what was deleted.
        db.AuditEvents.Add(AuditEvent.For(Actor.System, now, AuditActions.AccountDeleted, nameof(UserAccount), userId,
            keepsName ? $"Deleted an account {why}; only its name is kept, on its owner's work in children's records" : $"Deleted an account {why}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountDeleted(userId, keepsName);
    }

    /// <summary>Whether any row outside the account's own and the logs holds the account's id: its owner's work, or their place in an organisation.</summary>
    private async Task<bool> WorkRemainsAsync(Guid userId, HashSet<IEntityType> owned, CancellationToken cancellationToken)
    {
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && !owned.Contains(t)
            && t.ClrType != typeof(UserAccount) && !Logs.Contains(t.ClrType)))
        {
            var columns = type.GetProperties().Where(p => (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?))
                && (p.Name.EndsWith("UserId", StringComparison.Ordinal) || p.Name == "UserAccountId"));
            foreach (var column in columns)
            {
                if (await ModelRows.AnyAsync(db, type, column.Name, [userId], cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Blanks every copy of the person's email address kept beside their work (who a meeting was sent to, the
    /// invitation they accepted), in any column named for an email address outside the logs: once the account is
    /// deleted, nothing is sent to it. An invitation not yet taken up is an offer to the address, not a copy of the
    /// account's, and is left to work or expire as it would.
    /// </summary>
    private async Task ForgetAddressAsync(Guid userId, string address, CancellationToken cancellationToken)
    {
        await db.Invitations.Where(i => i.AcceptedByUserId == userId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Email, ""), cancellationToken);
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && t.ClrType != typeof(UserAccount)
            && t.ClrType != typeof(Invitation) && !Logs.Contains(t.ClrType)))
        {
            foreach (var column in type.GetProperties().Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Email", StringComparison.Ordinal)))
            {
                await ModelRows.BlankAsync(db, type, column.Name, address, cancellationToken);
            }
        }
    }
}

/// <summary>An account deleted, and whether it kept its name because its owner's work is still in a child's record.</summary>
public sealed record AccountDeleted(Guid UserId, bool KeptName);
