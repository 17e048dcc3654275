using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Children;

/// <summary>A child or young person whose record the family owns.</summary>
public sealed class Child
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid AreaId { get; init; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    /// <summary>The name the child likes to be called, if not their first name.</summary>
    public string? PreferredName { get; set; }
    public required DateOnly DateOfBirth { get; set; }
    public required DateTime CreatedAt { get; init; }
    public List<FamilyMember> FamilyMembers { get; init; } = [];
    public List<Team.TeamMember> TeamMembers { get; init; } = [];

    public string KnownAs => PreferredName ?? FirstName;
    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Age in whole years on a date; from 16 a young person has rights of their own.</summary>
    public int AgeOn(DateOnly date) => AgeOn(DateOfBirth, date);

    public static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > date ? age - 1 : age;
    }
}

public sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> e)
    {
        e.Property(c => c.FirstName).HasMaxLength(100);
        e.Property(c => c.LastName).HasMaxLength(100);
        e.Property(c => c.PreferredName).HasMaxLength(100);
        e.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => c.AreaId);
    }
}
