using System.Linq.Expressions;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Team;

/// <summary>
/// The family's decision that one team member may see one area of the record, from a date and optionally
/// until one. Withdrawing takes effect at once. A decision is never edited: a change withdraws it and records
/// a new one, so the history of every decision is kept.
/// </summary>
public sealed class SharingConsent
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid TeamMemberId { get; init; }
    public required Guid ChildId { get; init; }
    public required RecordArea Area { get; init; }
    public required DateOnly From { get; init; }
    public DateOnly? Until { get; init; }
    public required Guid GrantedByUserId { get; init; }
    public required DateTime GrantedAt { get; init; }
    public DateTime? WithdrawnAt { get; private set; }
    public Guid? WithdrawnByUserId { get; private set; }

    /// <summary>
    /// In force from the day it was made until it is withdrawn, whatever the day: no end date, and a start no later than
    /// the date it was made (in UTC, which is never later than the date in the UK, so a decision made just after
    /// midnight in summer counts as dated: the safe side).
    /// </summary>
    public bool InForceUntilWithdrawn => Until is null && From <= DateOnly.FromDateTime(GrantedAt);

    public bool IsActiveOn(DateOnly today) => WithdrawnAt is null && From <= today && (Until is null || today <= Until);

    /// <summary>The same rule as <see cref="IsActiveOn"/>, for a query to apply inside another (see <see cref="QueryParts"/>).</summary>
    public static readonly Expression<Func<SharingConsent, DateOnly, bool>> ActiveOnDay =
        (c, today) => c.WithdrawnAt == null && c.From <= today && (c.Until == null || today <= c.Until);

    /// <summary>The same rule as <see cref="IsActiveOn"/>, for the database to apply when a list reads many decisions at once.</summary>
    public static Expression<Func<SharingConsent, bool>> ActiveOn(DateOnly today) => QueryParts.Inline((SharingConsent c) => ActiveOnDay.Apply(c, today));

    public void Withdraw(Guid byUserId, DateTime now)
    {
        if (WithdrawnAt is null)
        {
            WithdrawnAt = now;
            WithdrawnByUserId = byUserId;
        }
    }
}

public sealed class SharingConsentConfiguration : IEntityTypeConfiguration<SharingConsent>
{
    public void Configure(EntityTypeBuilder<SharingConsent> e)
    {
        e.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        // Every access check asks whether a place shares an area today: answered from the index alone.
        e.HasIndex(c => new { c.TeamMemberId, c.Area, c.WithdrawnAt, c.From, c.Until });
        e.HasIndex(c => c.ChildId);
    }
}
