using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Organisations;

/// <summary>One of an organisation's terms, set by its admin. Term-time provision is owed only inside its terms.</summary>
public sealed class TermDate
{
    public const int MaxNameLength = 100;

    public Guid Id { get; init; } = Ids.New();
    public required Guid OrganisationId { get; init; }
    /// <summary>E.g. "Autumn term 2026".</summary>
    public required string Name { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required DateTime CreatedAt { get; init; }
}

public sealed class TermDateConfiguration : IEntityTypeConfiguration<TermDate>
{
    public void Configure(EntityTypeBuilder<TermDate> e)
    {
        e.Property(t => t.Name).HasMaxLength(TermDate.MaxNameLength);
        e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(t => new { t.OrganisationId, t.StartDate });
    }
}
