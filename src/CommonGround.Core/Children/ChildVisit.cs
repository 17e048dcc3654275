using CommonGround.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Children;

/// <summary>When a person last opened a child's record, so it can show them what is new since.</summary>
public sealed class ChildVisit
{
    public required Guid UserAccountId { get; init; }
    public required Guid ChildId { get; init; }
    public required DateTime LastViewedAt { get; set; }
}

public sealed class ChildVisitConfiguration : IEntityTypeConfiguration<ChildVisit>
{
    public void Configure(EntityTypeBuilder<ChildVisit> e)
    {
        e.HasKey(v => new { v.UserAccountId, v.ChildId });
        e.HasOne<UserAccount>().WithMany().HasForeignKey(v => v.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Child>().WithMany().HasForeignKey(v => v.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}
