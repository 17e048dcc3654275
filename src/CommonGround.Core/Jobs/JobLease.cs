using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Jobs;

/// <summary>
/// A named piece of background work one instance holds for a while, so others leave it alone. Claimed in one UPDATE
/// that only succeeds if nobody holds it, so two instances can never both have it.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; init; }
    public string? Owner { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastCompletedAt { get; set; }
}

public static class JobLeases
{
    /// <summary>Claims the lease for <paramref name="owner"/> until <paramref name="until"/>; false if someone else holds it.</summary>
    public static async Task<bool> TryClaimAsync(CommonGroundDbContext db, string name, string owner, DateTime now, DateTime until, CancellationToken cancellationToken = default)
    {
        if (!await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            db.JobLeases.Add(new JobLease { Name = name });
            // Losing the race means another instance made the row first; claiming it below decides who has it.
            await db.TrySaveAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return await db.JobLeases
            .Where(l => l.Name == name && (l.Owner == null || l.ExpiresAt < now || l.Owner == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;
    }

    public static Task ReleaseAsync(CommonGroundDbContext db, string name, string owner, DateTime now, CancellationToken cancellationToken = default) =>
        db.JobLeases.Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.ExpiresAt, (DateTime?)null).SetProperty(l => l.LastCompletedAt, now), cancellationToken);
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> e)
    {
        e.HasKey(l => l.Name);
        e.Property(l => l.Name).HasMaxLength(100);
        e.Property(l => l.Owner).HasMaxLength(100);
    }
}
