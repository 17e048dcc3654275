using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Plans;

/// <summary>How the family answers one line of a plan.</summary>
public enum PlanAnswer
{
    Agree,
    SuggestChange,
    Disagree,
}

/// <summary>
/// The family's answer to one line of a shared plan, in their own words where they suggest a change or disagree, and
/// the author's reply. It is about the line as it stood at <see cref="LineRevision"/>: a later change needs a new answer.
/// </summary>
public sealed class PlanResponse
{
    public const int MaxWordsLength = 2000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid PlanId { get; init; }
    public required Guid ChildId { get; init; }
    public required Guid LineId { get; init; }
    public required int LineRevision { get; init; }
    /// <summary>The version of the plan the family was answering.</summary>
    public required int PlanNumber { get; init; }
    public required PlanAnswer Answer { get; init; }
    /// <summary>The change the family suggests, or why they disagree.</summary>
    public string? Words { get; init; }
    public required Guid ByUserId { get; init; }
    public required string ByName { get; init; }
    public required DateTime At { get; init; }

    /// <summary>Whether the author took the suggestion; null until they answer.</summary>
    public bool? Accepted { get; private set; }
    public string? Reply { get; private set; }
    public DateTime? RepliedAt { get; private set; }
    public string? RepliedByName { get; private set; }
    /// <summary>The line's revision that took the family's suggestion, which is theirs and so counts as agreed.</summary>
    public int? AcceptedRevision { get; private set; }

    public bool AwaitsReply => Answer != PlanAnswer.Agree && Accepted is null;

    public void ReplyWith(bool accepted, string? reply, string byName, DateTime now, int? acceptedRevision = null)
    {
        Accepted = accepted;
        AcceptedRevision = accepted ? acceptedRevision : null;
        Reply = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        RepliedByName = byName;
        RepliedAt = now;
    }
}

public static class PlanAnswerText
{
    /// <summary>
    /// Whether the family agrees the line as it now reads: they said so, or it now reads as they suggested.
    /// </summary>
    public static bool AgreedByFamily(this PlanLine line, IEnumerable<PlanResponse> responses) =>
        responses.Any(r => r.LineId == line.Id
            && ((r.Answer == PlanAnswer.Agree && r.LineRevision == line.Revision) || r.AcceptedRevision == line.Revision));

    /// <summary>
    /// Whether the family has yet to answer the line as it now reads: they have not agreed it, and no suggestion of
    /// theirs about it is waiting for the author. After the author keeps a line and says why, the family answers again.
    /// </summary>
    public static bool AwaitsFamily(this PlanLine line, IReadOnlyCollection<PlanResponse> responses) =>
        !line.AgreedByFamily(responses) && !responses.Any(r => r.LineId == line.Id && r.LineRevision == line.Revision && r.AwaitsReply);

    public static string ToDisplayName(this PlanAnswer answer) => answer switch
    {
        PlanAnswer.Agree => "Agreed",
        PlanAnswer.SuggestChange => "Suggested a change",
        _ => "Disagreed",
    };
}

public sealed class PlanResponseConfiguration : IEntityTypeConfiguration<PlanResponse>
{
    public void Configure(EntityTypeBuilder<PlanResponse> e)
    {
        e.ToTable("PlanResponses");
        e.Property(r => r.Words).HasMaxLength(PlanResponse.MaxWordsLength);
        e.Property(r => r.Reply).HasMaxLength(PlanResponse.MaxWordsLength);
        e.Property(r => r.ByName).HasMaxLength(200);
        e.Property(r => r.RepliedByName).HasMaxLength(200);
        e.HasOne<SupportPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.PlanId, r.LineId });
        e.HasIndex(r => r.ChildId);
    }
}
