using CommonGround.Core.Data;
using CommonGround.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Advice;

/// <summary>
/// What a plan does with one recommendation: adopts it, in the outcome or provision line that carries it out, or does
/// not, with a reason in plain words. One per plan and recommendation; the family can dispute it, which opens a concern
/// for the plan's author.
/// </summary>
public sealed class RecommendationAnswer : IVersioned
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid PlanId { get; init; }
    public required Guid RecommendationId { get; init; }
    public required Guid RequestId { get; init; }
    public required Guid ChildId { get; init; }
    public bool Adopted { get; private set; }
    /// <summary>The outcome or provision line that carries out an adopted recommendation.</summary>
    public Guid? LineId { get; private set; }
    /// <summary>Why a recommendation is not adopted.</summary>
    public string? Reason { get; private set; }
    public required Guid AnsweredByUserId { get; set; }
    public required string AnsweredByName { get; set; }
    public required DateTime AnsweredAt { get; set; }
    /// <summary>The concern the family opened to dispute this answer, while the answer stands as it was disputed.</summary>
    public Guid? DisputeConcernId { get; private set; }
    public DateTime? DisputedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsDisputed => DisputeConcernId is not null;

    /// <summary>Whether the answer says something different from <paramref name="adopted"/>, <paramref name="lineId"/> and <paramref name="reason"/>.</summary>
    public bool DiffersFrom(bool adopted, Guid? lineId, string? reason) => Adopted != adopted || LineId != lineId || Reason != reason;

    /// <summary>Sets what the plan does with the recommendation; a changed answer is a new answer, which the family may dispute again.</summary>
    public void Answer(bool adopted, Guid? lineId, string? reason, Guid byUserId, string byName, DateTime now)
    {
        Adopted = adopted;
        LineId = adopted ? lineId : null;
        Reason = adopted ? null : reason;
        AnsweredByUserId = byUserId;
        AnsweredByName = byName;
        AnsweredAt = now;
        DisputeConcernId = null;
        DisputedAt = null;
        Version++;
    }

    public void Dispute(Guid concernId, DateTime now)
    {
        DisputeConcernId = concernId;
        DisputedAt = now;
        Version++;
    }
}

public sealed class RecommendationAnswerConfiguration : IEntityTypeConfiguration<RecommendationAnswer>
{
    public void Configure(EntityTypeBuilder<RecommendationAnswer> e)
    {
        e.ToTable("RecommendationAnswers");
        e.Property(a => a.Reason).HasMaxLength(RecommendationAnswer.MaxReasonLength);
        e.Property(a => a.AnsweredByName).HasMaxLength(200);
        e.HasOne<SupportPlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Recommendation>().WithMany().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AdviceRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PlanLine>().WithMany().HasForeignKey(a => a.LineId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Concerns.Concern>().WithMany().HasForeignKey(a => a.DisputeConcernId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => new { a.PlanId, a.RecommendationId }).IsUnique();
        e.HasIndex(a => a.RecommendationId);
        e.HasIndex(a => a.ChildId);
    }
}
