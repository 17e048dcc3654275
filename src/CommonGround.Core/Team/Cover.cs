using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Team;

/// <summary>
/// Someone on the team standing in for the key worker from one date until another (leave, sickness, days they do not
/// work). While it runs, the family is told who to contact, and new concerns and notices for the key worker reach the
/// cover as well. Ending it early keeps the row, so the record says who covered when.
/// </summary>
public sealed class Cover
{
    public const int MaxNoteLength = 300;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    /// <summary>The key worker's team place.</summary>
    public required Guid KeyWorkerPlaceId { get; init; }
    public required Guid KeyWorkerProfessionalId { get; init; }
    public required Guid KeyWorkerUserId { get; init; }
    public required string KeyWorkerName { get; init; }
    /// <summary>The cover's team place.</summary>
    public required Guid CoverPlaceId { get; init; }
    public required Guid CoverProfessionalId { get; init; }
    public required Guid CoverUserId { get; init; }
    public required string CoverName { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly Until { get; init; }
    /// <summary>What the family should know, in plain words, e.g. "Priya works Mondays to Wednesdays"; never why someone is away.</summary>
    public string? Note { get; init; }
    public required Guid SetByUserId { get; init; }
    public required string SetByName { get; init; }
    public required DateTime SetAt { get; init; }
    public DateTime? EndedAt { get; private set; }

    public bool IsRunningOn(DateOnly today) => EndedAt is null && From <= today && today <= Until;

    public bool IsCurrentOrComing(DateOnly today) => EndedAt is null && today <= Until;

    public void End(DateTime now) => EndedAt ??= now;
}

public sealed class CoverConfiguration : IEntityTypeConfiguration<Cover>
{
    public void Configure(EntityTypeBuilder<Cover> e)
    {
        e.Property(c => c.KeyWorkerName).HasMaxLength(200);
        e.Property(c => c.CoverName).HasMaxLength(200);
        e.Property(c => c.Note).HasMaxLength(Cover.MaxNoteLength);
        e.Property(c => c.SetByName).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.ChildId, c.Until });
        e.HasIndex(c => new { c.Until, c.EndedAt });
    }
}
