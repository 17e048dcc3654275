using CommonGround.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Children;

public enum FamilyRelationship
{
    ParentCarer,
    YoungPerson,
    OtherCarer,
}

public static class FamilyRelationshipText
{
    public static string ToDisplayName(this FamilyRelationship relationship) => relationship switch
    {
        FamilyRelationship.YoungPerson => "Young person",
        FamilyRelationship.ParentCarer => "Parent carer",
        _ => "Other carer",
    };
}

/// <summary>A person's place in a child's family: the relationship that gives them the record.</summary>
public sealed class FamilyMember
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public Child? Child { get; init; }
    public required Guid UserAccountId { get; init; }
    public UserAccount? UserAccount { get; init; }
    public required FamilyRelationship Relationship { get; init; }
    public required DateTime JoinedAt { get; init; }
}

public sealed class FamilyMemberConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> e)
    {
        e.HasOne(f => f.Child).WithMany(c => c.FamilyMembers).HasForeignKey(f => f.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(f => f.UserAccount).WithMany().HasForeignKey(f => f.UserAccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(f => new { f.ChildId, f.UserAccountId }).IsUnique();
        e.HasIndex(f => f.UserAccountId);
    }
}
