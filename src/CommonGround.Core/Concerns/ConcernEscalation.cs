using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Concerns;

/// <summary>A concern past its clock goes to its owner's organisation leads, once per clock, and everyone involved is told who has it now.</summary>
public sealed class ConcernEscalation(CommonGroundDbContext db, ConcernService concerns, Notifier notifier, AttentionSignals signals, TimeProvider timeProvider)
{
    /// <summary>
    /// Escalates every open concern past a clock that has not been escalated yet: its owner's organisation leads are
    /// told, and the family sees who has it now. Safe to run on several instances at once: a concern changed by another
    /// instance first is left to that one.
    /// </summary>
    public async Task<int> EscalateBreachesAsync(CancellationToken cancellationToken = default)
    {
        var today = timeProvider.TodayInUk();
        var breached = await db.Concerns.AsNoTracking()
            .Where(c => c.Status != ConcernStatus.Closed
                && ((c.AcknowledgedAt == null && c.AcknowledgeEscalatedAt == null && c.AcknowledgeBy < today)
                    || (c.RespondedAt == null && c.ResolvedAt == null && c.RespondEscalatedAt == null && c.RespondBy < today)))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var id in breached)
        {
            db.ChangeTracker.Clear();
            var concern = await db.Concerns.SingleAsync(c => c.Id == id, cancellationToken);
            if (concern.UnescalatedBreach(today) is not { } clock)
            {
                continue;
            }

            var child = await db.Children.SingleAsync(c => c.Id == concern.ChildId, cancellationToken);
            await StageAsync(concern, clock, child);
            // Losing the race means another instance, or the owner, changed it first; the next run looks again.
            if (await db.TrySaveAsync(cancellationToken))
            {
                escalated++;
                await signals.RefreshAfterChangeAsync(concern.ChildId, cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
        return escalated;
    }

    /// <summary>Marks the concern escalated for this clock and tells its leads, its owner and the person who raised it; saved by the caller.</summary>
    internal async Task StageAsync(Concern concern, ConcernClockKind clock, Child child)
    {
        var leads = await concerns.LeadsAsync(concern.OwnerOrganisationId);
        var escalatedTo = leads.Count switch
        {
            0 => $"the leads of {concern.OwnerOrganisationName}",
            1 => $"{leads[0].DisplayName}, a lead at {concern.OwnerOrganisationName}",
            _ => $"{string.Join(", ", leads.Take(leads.Count - 1).Select(l => l.DisplayName))} and {leads[^1].DisplayName}, leads at {concern.OwnerOrganisationName}",
        };
        var now = timeProvider.UtcNow();
        if (concern.Escalate(clock, escalatedTo, now) is not { } update)
        {
            return;
        }

        db.ConcernUpdates.Add(update);
        db.AuditEvents.Add(ConcernService.ChildEvent(Actor.System, child, concern, now, AuditActions.ConcernEscalated,
            $"A concern about {concern.About.ToDisplayName()} was not {(clock == ConcernClockKind.Acknowledge ? "acknowledged" : "answered")} in time and went to {escalatedTo}"));
        var mandatory = concern.Urgency == ConcernUrgency.Urgent;
        var late = clock == ConcernClockKind.Acknowledge ? "acknowledged" : "answered";
        foreach (var lead in leads)
        {
            await notifier.NotifyAsync(lead.UserAccountId, NotificationKind.ConcernOverdue,
                $"A concern about {child.KnownAs} owned by {concern.OwnerName ?? concern.OwnerOrganisationName} was not {late} in time: \"{concern.Topic}\"",
                $"A concern about {child.KnownAs} was not {late} in time and has come to you",
                ConcernService.OrganisationLink(concern.Id), child.Id, mandatory, $"concern-escalated:{concern.Id}:{clock}");
        }

        var ownerUserId = await concerns.ActiveUserIdAsync(concern.OwnerProfessionalId);
        if (ownerUserId is { } owner && leads.All(l => l.UserAccountId != owner))
        {
            await notifier.NotifyAsync(owner, NotificationKind.ConcernOverdue,
                $"A concern about {child.KnownAs} you own was not {late} in time and has gone to {escalatedTo}: \"{concern.Topic}\"",
                $"A concern about {child.KnownAs} you own was not {late} in time",
                ChildLinks.Concern(child.Id, concern.Id), child.Id, mandatory, $"concern-escalated:{concern.Id}:{clock}", RecordArea.Concerns, concern.About);
        }

        if (concern.RaisedByUserId != ownerUserId && leads.All(l => l.UserAccountId != concern.RaisedByUserId))
        {
            await notifier.NotifyAsync(concern.RaisedByUserId, NotificationKind.ConcernOverdue,
                $"Your concern about {child.KnownAs} was not {late} in time. It has gone to {escalatedTo}",
                $"Your concern about {child.KnownAs} was not {late} in time and has gone to a lead",
                ChildLinks.Concern(child.Id, concern.Id), child.Id, mandatory, $"concern-escalated:{concern.Id}:{clock}", RecordArea.Concerns, concern.About);
        }
    }
}
