using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Organisations;

/// <summary>A local authority area: the tenant every organisation, professional and child belongs to.</summary>
public sealed class Area
{
    public Guid Id { get; init; } = Ids.New();
    public required string Name { get; set; }
    /// <summary>The local authority's own short code, e.g. its ONS code; unique across the service.</summary>
    public required string Code { get; set; }
    public required DateTime CreatedAt { get; init; }
}

public sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> e)
    {
        e.Property(a => a.Name).HasMaxLength(200);
        e.Property(a => a.Code).HasMaxLength(20);
        e.HasIndex(a => a.Code).IsUnique();
    }
}
