using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Profiles;

public enum SuggestionStatus
{
    Pending,
    Accepted,
    AcceptedWithChanges,
    Declined,
}

/// <summary>A professional's proposed change to a section. Professionals never change the family's words; the family decides.</summary>
public sealed class ProfileSuggestion
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required ProfileSectionKind Section { get; init; }
    /// <summary>The section's text when the suggestion was made: the "before" the family is shown.</summary>
    public required string TextBefore { get; init; }
    public required int VersionBefore { get; init; }
    public required string SuggestedText { get; init; }
    public string? Reason { get; init; }
    public required Guid SuggestedByUserId { get; init; }
    public required string SuggestedByName { get; init; }
    public string? SuggestedByOrganisation { get; init; }
    public required DateTime SuggestedAt { get; init; }
    public SuggestionStatus Status { get; private set; } = SuggestionStatus.Pending;
    public DateTime? DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public string? DeclineReason { get; private set; }

    public void Accept(bool withChanges, Guid userId, DateTime now)
    {
        Status = withChanges ? SuggestionStatus.AcceptedWithChanges : SuggestionStatus.Accepted;
        DecidedAt = now;
        DecidedByUserId = userId;
    }

    public void Decline(string? reason, Guid userId, DateTime now)
    {
        Status = SuggestionStatus.Declined;
        DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecidedAt = now;
        DecidedByUserId = userId;
    }
}

public sealed class ProfileSuggestionConfiguration : IEntityTypeConfiguration<ProfileSuggestion>
{
    public void Configure(EntityTypeBuilder<ProfileSuggestion> e)
    {
        e.Property(p => p.TextBefore).HasMaxLength(ProfileSection.MaxLength);
        e.Property(p => p.SuggestedText).HasMaxLength(ProfileSection.MaxLength);
        e.Property(p => p.Reason).HasMaxLength(ProfileSuggestion.MaxReasonLength);
        e.Property(p => p.DeclineReason).HasMaxLength(ProfileSuggestion.MaxReasonLength);
        e.Property(p => p.SuggestedByName).HasMaxLength(200);
        e.Property(p => p.SuggestedByOrganisation).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.ChildId, p.Status });
    }
}
