using System.Text;
using System.Text.Json;
using CommonGround.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Plans;

public enum PlanVersionStage
{
    SharedWithFamily,
    Agreed,
}

/// <summary>A plan as it stood when it was shared with the family or agreed. Never changed afterwards.</summary>
public sealed class PlanVersion
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid PlanId { get; init; }
    public required Guid ChildId { get; init; }
    public required int Number { get; init; }
    public required PlanVersionStage Stage { get; init; }
    /// <summary>The lines as <see cref="PlanContent"/>, in JSON.</summary>
    public required string Content { get; init; }
    public required DateTime At { get; init; }
    public required string ByName { get; init; }
}

/// <summary>One line as it read in a version: enough to show it again and to say what changed.</summary>
public sealed record PlanContentLine(Guid Id, PlanLineKind Kind, RecordArea Part, string Text, string? Detail);

/// <summary>What the family or the team said at a review about one outcome, as kept in a version.</summary>
public sealed record PlanContentProgress(Guid OutcomeId, RecordArea Part, string Outcome, bool ByFamily, string ByName, ProgressTowardsOutcome? Progress, string Words)
{
    public string AsText() =>
        $"Progress towards \"{Outcome}\", {(ByFamily ? "in the family's words" : $"as the team sees it ({Progress?.ToDisplayName()})")}, from {ByName}: {Words}";
}

/// <summary>
/// What a plan said, line by line, as kept in a <see cref="PlanVersion"/>; at a review, with what was said about each
/// outcome (missing from versions kept before progress was recorded).
/// </summary>
public sealed record PlanContent(IReadOnlyList<PlanContentLine> Lines, IReadOnlyList<PlanContentProgress>? Progress = null)
{
    public static PlanContent Of(SupportPlan plan, IReadOnlyList<OutcomeProgress> progress) => new(
        plan.Lines
            .OrderBy(l => l.Kind).ThenBy(l => l.Position)
            .Select(l => new PlanContentLine(l.Id, l.Kind, l.Part, l.Text, Detail(l)))
            .ToList(),
        progress.OrderByDescending(p => p.ByFamily).ThenBy(p => p.At)
            .Select(p => new PlanContentProgress(p.OutcomeLineId, p.Part, p.OutcomeText, p.ByFamily, p.ByName, p.Progress, p.Words))
            .ToList());

    public string ToJson() => JsonSerializer.Serialize(this);

    public static PlanContent FromJson(string json) => JsonSerializer.Deserialize<PlanContent>(json) ?? new PlanContent([]);

    /// <summary>The lines a person may see, as plain text, one per line, for reading and for a word-level comparison.</summary>
    public string AsText(Func<RecordArea, bool> canSee)
    {
        var text = new StringBuilder();
        foreach (var line in Lines.Where(l => canSee(l.Part)))
        {
            text.Append(line.Kind.ToDisplayName()).Append(" (").Append(line.Part.ToDisplayName()).Append("): ").Append(line.Text);
            if (line.Detail is { } detail)
            {
                text.Append(". ").Append(detail);
            }

            text.Append('\n');
        }

        foreach (var progress in (Progress ?? []).Where(p => canSee(p.Part)))
        {
            text.Append(progress.AsText()).Append('\n');
        }

        return text.ToString();
    }

    private static string? Detail(PlanLine line) => line.Kind switch
    {
        PlanLineKind.Need => line.BroadArea?.ToDisplayName(),
        PlanLineKind.Placement or PlanLineKind.PersonalBudget => null,
        PlanLineKind.Outcome => string.Join(". ", new[] { line.AchieveBy is { } by ? $"By {Time.UkDates.Date(by)}" : null, line.HowWeWillKnow }.OfType<string>()) is { Length: > 0 } d ? d : null,
        _ => $"{line.ProviderName ?? "Provider not yet chosen"}: {line.DescribeProvision()}",
    };
}

public sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> e)
    {
        e.ToTable("PlanVersions");
        e.Property(v => v.ByName).HasMaxLength(200);
        e.HasOne<SupportPlan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(v => new { v.PlanId, v.Number, v.Stage }).IsUnique();
        e.HasIndex(v => v.ChildId);
    }
}
