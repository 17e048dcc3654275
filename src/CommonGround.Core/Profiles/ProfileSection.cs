using CommonGround.Core.Data;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Profiles;

/// <summary>
/// One section of a child's "About me", in the family's own words. Every change makes a new version, kept in
/// <see cref="ProfileSectionVersion"/>; <see cref="Version"/> also stops two people overwriting each other.
/// </summary>
public sealed class ProfileSection : IVersioned
{
    public const int MaxLength = 5000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required ProfileSectionKind Section { get; init; }
    public string Text { get; private set; } = "";
    public int Version { get; private set; }
    public DateTime? UpdatedAt { get; private set; }
    public Guid? UpdatedByUserId { get; private set; }
    public string? UpdatedByName { get; private set; }
    /// <summary>When the family last said the section is right, by writing it or confirming it unchanged.</summary>
    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>Replaces the text, and returns the new version for the history; null if nothing changed.</summary>
    public ProfileSectionVersion? Change(string text, Guid userId, string userName, DateTime now, string? acceptedFrom = null)
    {
        var cleaned = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        ConfirmedAt = now;
        if (cleaned == Text)
        {
            return null;
        }

        Text = cleaned;
        Version++;
        UpdatedAt = now;
        UpdatedByUserId = userId;
        UpdatedByName = userName;
        return new ProfileSectionVersion
        {
            ChildId = ChildId,
            Section = Section,
            Version = Version,
            Text = Text,
            ChangedAt = now,
            ChangedByUserId = userId,
            ChangedByName = userName,
            AcceptedFrom = acceptedFrom,
        };
    }

    public void Confirm(DateTime now) => ConfirmedAt = now;
}

/// <summary>A section's text as it stood after one change. Never edited: the history the family can always look back on.</summary>
public sealed class ProfileSectionVersion
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required ProfileSectionKind Section { get; init; }
    public required int Version { get; init; }
    public required string Text { get; init; }
    public required DateTime ChangedAt { get; init; }
    public required Guid ChangedByUserId { get; init; }
    public required string ChangedByName { get; init; }
    /// <summary>Set when the change came from a professional's suggestion the family accepted: who suggested it.</summary>
    public string? AcceptedFrom { get; init; }
}

public sealed class ProfileSectionConfiguration : IEntityTypeConfiguration<ProfileSection>
{
    public void Configure(EntityTypeBuilder<ProfileSection> e)
    {
        e.Property(p => p.Text).HasMaxLength(ProfileSection.MaxLength);
        e.Property(p => p.UpdatedByName).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.ChildId, p.Section }).IsUnique();
    }
}

public sealed class ProfileSectionVersionConfiguration : IEntityTypeConfiguration<ProfileSectionVersion>
{
    public void Configure(EntityTypeBuilder<ProfileSectionVersion> e)
    {
        e.Property(p => p.Text).HasMaxLength(ProfileSection.MaxLength);
        e.Property(p => p.ChangedByName).HasMaxLength(200);
        e.Property(p => p.AcceptedFrom).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.ChildId, p.Section, p.Version }).IsUnique();
    }
}
