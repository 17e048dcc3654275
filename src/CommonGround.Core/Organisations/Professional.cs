using CommonGround.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Organisations;

/// <summary>A person's place in an organisation: their job title and whether they administer it.</summary>
public sealed class Professional
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid UserAccountId { get; init; }
    public UserAccount? UserAccount { get; init; }
    public required Guid OrganisationId { get; init; }
    public Organisation? Organisation { get; init; }
    public required Guid AreaId { get; init; }
    public required string JobTitle { get; set; }
    public bool IsOrganisationAdmin { get; set; }
    public required DateTime JoinedAt { get; init; }
    public DateTime? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    public void Deactivate(DateTime now) => DeactivatedAt ??= now;

    public void Reactivate() => DeactivatedAt = null;
}

public sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> e)
    {
        e.Property(p => p.JobTitle).HasMaxLength(200);
        e.HasOne(p => p.UserAccount).WithOne().HasForeignKey<Professional>(p => p.UserAccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => p.UserAccountId).IsUnique();
    }
}
