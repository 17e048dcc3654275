using CommonGround.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Plans;

/// <summary>How far a child has come towards an outcome, as the team judges it at a review.</summary>
public enum ProgressTowardsOutcome
{
    Achieved,
    OnTrack,
    SomeProgress,
    NotYet,
    NoLongerNeeded,
}

/// <summary>
/// What one side said at a plan's review about one outcome: the family in their own words, or the team with its
/// judgement and its words. Each side has its own row, so neither writes over the other. It keeps the outcome's words as
/// they were reviewed, so it still reads right if the outcome is changed or taken out in the next version.
/// </summary>
public sealed class OutcomeProgress
{
    public const int MaxWordsLength = 2000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid PlanId { get; init; }
    public required Guid ChildId { get; init; }
    public required Guid OutcomeLineId { get; init; }
    /// <summary>Which of the plan's reviews: 1 for its first.</summary>
    public required int ReviewNumber { get; init; }
    public required bool ByFamily { get; init; }
    public required RecordArea Part { get; init; }
    public required string OutcomeText { get; set; }
    /// <summary>The team's judgement; the family's words stand on their own.</summary>
    public ProgressTowardsOutcome? Progress { get; set; }
    public required string Words { get; set; }
    public required Guid ByUserId { get; set; }
    public required string ByName { get; set; }
    public required DateTime At { get; set; }
}

public static class OutcomeProgressText
{
    public static string ToDisplayName(this ProgressTowardsOutcome progress) => progress switch
    {
        ProgressTowardsOutcome.Achieved => "Achieved",
        ProgressTowardsOutcome.OnTrack => "On track",
        ProgressTowardsOutcome.SomeProgress => "Some progress",
        ProgressTowardsOutcome.NotYet => "Not yet",
        _ => "No longer needed",
    };

    public static string TagColour(this ProgressTowardsOutcome progress) => progress switch
    {
        ProgressTowardsOutcome.Achieved => "green",
        ProgressTowardsOutcome.OnTrack => "turquoise",
        ProgressTowardsOutcome.SomeProgress => "yellow",
        ProgressTowardsOutcome.NotYet => "orange",
        _ => "grey",
    };
}

public sealed class OutcomeProgressConfiguration : IEntityTypeConfiguration<OutcomeProgress>
{
    public void Configure(EntityTypeBuilder<OutcomeProgress> e)
    {
        e.ToTable("PlanOutcomeProgress");
        e.Property(p => p.OutcomeText).HasMaxLength(PlanLine.MaxTextLength);
        e.Property(p => p.Words).HasMaxLength(OutcomeProgress.MaxWordsLength);
        e.Property(p => p.ByName).HasMaxLength(200);
        e.HasOne<SupportPlan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.PlanId, p.ReviewNumber, p.OutcomeLineId, p.ByFamily }).IsUnique();
        e.HasIndex(p => p.ChildId);
    }
}
