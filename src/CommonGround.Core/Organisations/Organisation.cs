using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Organisations;

public sealed class Organisation : IVersioned
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid AreaId { get; init; }
    public Area? Area { get; init; }
    public required string Name { get; set; }
    public required OrganisationKind Kind { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Address { get; set; }
    public required DateTime CreatedAt { get; init; }
    /// <summary>Changes on every edit so two people editing at once cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public void UpdateDetails(string name, string? contactEmail, string? contactPhone, string? address)
    {
        Name = name.Trim();
        ContactEmail = Blank(contactEmail);
        ContactPhone = Blank(contactPhone);
        Address = Blank(address);
        Version++;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.Property(o => o.Name).HasMaxLength(200);
        e.Property(o => o.ContactEmail).HasMaxLength(256);
        e.Property(o => o.ContactPhone).HasMaxLength(40);
        e.Property(o => o.Address).HasMaxLength(500);
        e.HasOne(o => o.Area).WithMany().HasForeignKey(o => o.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(o => new { o.AreaId, o.Name }).IsUnique();
    }
}
