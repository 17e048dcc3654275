using CommonGround.Core.Access;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Profiles;

/// <summary>
/// A link to the one-page profile for someone without an account, such as a supply teacher or a taxi escort.
/// It lasts at most 30 days, can be revoked at any time, and every view is logged for the family.
/// Only a hash of its token is kept.
/// </summary>
public sealed class ProfileShareLink
{
    public const int MaxDays = 30;
    public const int MaxLabelLength = 100;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    /// <summary>Who the link is for, in the family's words, e.g. "Supply teacher".</summary>
    public required string Label { get; init; }
    public required string TokenHash { get; init; }
    /// <summary>Which parts of the profile the link shows: About me always; health and transport only if chosen.</summary>
    public required string Areas { get; init; }
    public required Guid CreatedByUserId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && now < ExpiresAt;

    public IReadOnlySet<RecordArea> SharedAreas => RecordAreas.Parse(Areas).ToHashSet();

    public void Revoke(DateTime now) => RevokedAt ??= now;
}

public sealed class ProfileShareLinkConfiguration : IEntityTypeConfiguration<ProfileShareLink>
{
    public void Configure(EntityTypeBuilder<ProfileShareLink> e)
    {
        e.Property(l => l.Label).HasMaxLength(ProfileShareLink.MaxLabelLength);
        e.Property(l => l.TokenHash).HasMaxLength(64);
        e.Property(l => l.Areas).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(l => l.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(l => l.TokenHash).IsUnique();
        e.HasIndex(l => l.ChildId);
    }
}
