using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Jobs;
using CommonGround.Core.Links;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommonGround.Core.DataRights;

/// <summary>
/// Deletes accounts nobody needs: linked to no child (in no family, on no team), not in use by an organisation or to run the service, and
/// not signed in to for <see cref="RetentionSchedule.UnusedAccountYears"/> years. The owner is emailed first; the
/// account goes <see cref="RetentionSchedule.AccountWarningDays"/> days after that email was sent, unless they sign in
/// (which withdraws the warning) or become linked to a child. An email that could not be delivered is never taken as a
/// warning given: it is written again, and the days count from when one is sent.
/// </summary>
public sealed class UnusedAccountJob(
    CommonGroundDbContext db,
    AccountDeletion deletion,
    EmailOutbox outbox,
    PublicAddress address,
    TimeProvider timeProvider,
    ILogger<UnusedAccountJob> logger) : IJob
{
    /// <summary>At most this many warnings and this many deletions a run, so one run stays short; the rest wait for the next.</summary>
    public const int AccountsPerRun = 50;

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.UtcNow();
        var unused = Unused(now.AddYears(-RetentionSchedule.UnusedAccountYears));

        var toWarn = await unused.Where(u => u.Email != null
                && (u.DeletionWarningId == null || !db.OutboxMessages.Any(m => m.Id == u.DeletionWarningId && m.AbandonedAt == null)))
            .OrderBy(u => u.Id).Take(AccountsPerRun).ToListAsync(cancellationToken);
        foreach (var user in toWarn)
        {
            var deleteOn = timeProvider.TodayInUk().AddDays(RetentionSchedule.AccountWarningDays);
            var warning = outbox.Enqueue(user.Email!, user.DisplayName, $"Your CommonGround account will be deleted on {UkDates.Date(deleteOn)}",
                $"""
                Hello {user.DisplayName},

                Nobody has signed in to your CommonGround account for {RetentionSchedule.UnusedAccountYears} years, and it no longer gives you any child's record or any work for an organisation. So that your details are not kept longer than they are needed, your account will be deleted on {UkDates.Date(deleteOn)}.

                To keep your account, sign in before then: {address.For("/sign-in")}

                If you do nothing, on that day your name, email address and everything else that belongs to your account will be deleted, and you will not be able to sign in again. If something you wrote is still in a child's record, your name stays on it so that the record shows who wrote it.

                CommonGround
                """);
            user.DeletionWarningId = warning.Id;
            db.AuditEvents.Add(AuditEvent.For(Actor.System, now, AuditActions.AccountDeletionWarned, nameof(UserAccount), user.Id,
                $"Emailed a warning that an account unused for {RetentionSchedule.UnusedAccountYears} years and linked to no child will be deleted on {UkDates.Date(deleteOn)}"));
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        var warnedBefore = now.AddDays(-RetentionSchedule.AccountWarningDays);
        var due = await unused.Where(u => db.OutboxMessages.Any(m => m.Id == u.DeletionWarningId && m.SentAt != null && m.SentAt <= warnedBefore))
            .OrderBy(u => u.Id).Select(u => u.Id).Take(AccountsPerRun).ToListAsync(cancellationToken);
        foreach (var userId in due)
        {
            try
            {
                var deleted = await deletion.DeleteAsync(userId,
                    $"unused for {RetentionSchedule.UnusedAccountYears} years and linked to no child, {RetentionSchedule.AccountWarningDays} days after its owner was warned by email", cancellationToken);
                logger.LogInformation("Deleted unused account {UserId}; name kept: {KeptName}", deleted.UserId, deleted.KeptName);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "An unused account could not be deleted; it is left whole and tried again next run");
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Accounts not deleted, not signed in to since <paramref name="since"/>, in no child's family, and with no place in
    /// an organisation or on a team that is still theirs. The service's own administrators are kept while they run it.
    /// </summary>
    private IQueryable<UserAccount> Unused(DateTime since) => db.Users.Where(u => u.DeletedAt == null && u.Kind != AccountKind.ServiceAdmin
        && (u.LastSignedInAt ?? u.CreatedAt) < since
        && !db.FamilyMembers.Any(f => f.UserAccountId == u.Id)
        && !db.Professionals.Any(p => p.UserAccountId == u.Id
            && (p.DeactivatedAt == null || db.TeamMembers.Any(t => t.ProfessionalId == p.Id && t.LeftAt == null))));
}
