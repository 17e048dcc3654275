using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Plans;

public enum PlanLineKind
{
    Need,
    Outcome,
    Provision,
    /// <summary>An EHC plan's section I: the school, college or other setting to be attended, or its type.</summary>
    Placement,
    /// <summary>An EHC plan's section J: the personal budget, what it pays for and how it is paid.</summary>
    PersonalBudget,
}

/// <summary>The four broad areas of need in the SEND Code of Practice (6.28 to 6.35).</summary>
public enum BroadAreaOfNeed
{
    CommunicationAndInteraction,
    CognitionAndLearning,
    SocialEmotionalAndMentalHealth,
    SensoryAndPhysical,
}

/// <summary>
/// One line of a plan: a need, an outcome, or provision (what, who, how much, how often, from when). It belongs to one
/// part of the record (Education, Health or Social care). <see cref="Revision"/> counts its changes, so a family's
/// answer is known to be about the words they saw.
/// </summary>
public sealed class PlanLine
{
    public const int MaxTextLength = 1000;
    public const int MaxHowWeWillKnowLength = 1000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid PlanId { get; init; }
    public required Guid ChildId { get; init; }
    public required PlanLineKind Kind { get; init; }
    public required RecordArea Part { get; set; }
    public required int Position { get; init; }
    public int Revision { get; private set; } = 1;
    /// <summary>The revision last agreed, so a review knows which lines changed; null for a line never agreed.</summary>
    public int? AgreedRevision { get; set; }

    public bool ChangedSinceAgreed => AgreedRevision != Revision;
    /// <summary>The need, the outcome (what will be different), or what the provision is.</summary>
    public required string Text { get; set; }

    public BroadAreaOfNeed? BroadArea { get; set; }

    public DateOnly? AchieveBy { get; set; }
    public string? HowWeWillKnow { get; set; }

    public Guid? ProviderTeamMemberId { get; set; }
    public string? ProviderName { get; set; }
    public string? ProviderOrganisationName { get; set; }
    public decimal? Quantity { get; set; }
    public ProvisionUnit? Unit { get; set; }
    public int? MinutesPerSession { get; set; }
    public ProvisionPeriod? Period { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool TermTimeOnly { get; set; }
    /// <summary>The needs this provision meets and the outcomes it works towards, as line ids.</summary>
    public string? Serves { get; set; }
    /// <summary>The commitment this provision became when the plan was agreed.</summary>
    public Guid? CommitmentId { get; set; }

    public IReadOnlyList<Guid> ServesLines => (Serves ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    /// <summary>Notes that the line's words or terms changed.</summary>
    public void Revise() => Revision++;

    /// <summary>True when the provision says who gives it, how much, how often and from when: enough to be a promise.</summary>
    public bool IsSpecific => Kind != PlanLineKind.Provision
        || (ProviderTeamMemberId is not null && Quantity is > 0 && Unit is not null && Period is not null && StartDate is not null);

    /// <summary>"2 sessions of 30 minutes a week, term time only, from 1 December 2026", or what is still missing.</summary>
    public string DescribeProvision()
    {
        if (Quantity is not { } quantity || Unit is not { } unit || Period is not { } period)
        {
            return "How much and how often not yet given";
        }

        var from = StartDate is { } start ? $", from {UkDates.Date(start)}" : "";
        var until = EndDate is { } end ? $" until {UkDates.Date(end)}" : "";
        return $"{CommitmentText.Describe(quantity, unit, MinutesPerSession, period, TermTimeOnly)}{from}{until}";
    }
}

public static class PlanLineText
{
    public static string ToDisplayName(this BroadAreaOfNeed area) => area switch
    {
        BroadAreaOfNeed.CommunicationAndInteraction => "Communication and interaction",
        BroadAreaOfNeed.CognitionAndLearning => "Cognition and learning",
        BroadAreaOfNeed.SocialEmotionalAndMentalHealth => "Social, emotional and mental health",
        _ => "Sensory and/or physical",
    };

    /// <summary>The kind as it appears in an address: needs, outcomes or provision.</summary>
    public static string Slug(this PlanLineKind kind) => kind switch
    {
        PlanLineKind.Need => "needs",
        PlanLineKind.Outcome => "outcomes",
        PlanLineKind.Placement => "placement",
        PlanLineKind.PersonalBudget => "personal-budget",
        _ => "provision",
    };

    public static string ToDisplayName(this PlanLineKind kind) => kind switch
    {
        PlanLineKind.Need => "Need",
        PlanLineKind.Outcome => "Outcome",
        PlanLineKind.Placement => "Placement",
        PlanLineKind.PersonalBudget => "Personal budget",
        _ => "Provision",
    };

    /// <summary>"a need", "an outcome", "provision": how the kind reads after "Add".</summary>
    public static string WithArticle(this PlanLineKind kind) => kind switch
    {
        PlanLineKind.Need => "a need",
        PlanLineKind.Outcome => "an outcome",
        PlanLineKind.Placement => "the placement",
        PlanLineKind.PersonalBudget => "the personal budget",
        _ => "provision",
    };

    /// <summary>Whether a kind of plan has lines of this kind: placement and personal budget are sections of an EHC plan only.</summary>
    public static bool BelongsIn(this PlanLineKind kind, PlanKind plan) =>
        plan == PlanKind.Ehc || kind is PlanLineKind.Need or PlanLineKind.Outcome or PlanLineKind.Provision;

    /// <summary>The parts of the record a plan's lines can belong to.</summary>
    public static IReadOnlyList<RecordArea> Parts { get; } = [RecordArea.Education, RecordArea.Health, RecordArea.SocialCare];

    public static CommitmentArea ToCommitmentArea(this RecordArea part) => part switch
    {
        RecordArea.Health => CommitmentArea.Health,
        RecordArea.SocialCare => CommitmentArea.SocialCare,
        _ => CommitmentArea.Education,
    };
}

public sealed class PlanLineConfiguration : IEntityTypeConfiguration<PlanLine>
{
    public void Configure(EntityTypeBuilder<PlanLine> e)
    {
        e.ToTable("PlanLines");
        e.Property(l => l.Text).HasMaxLength(PlanLine.MaxTextLength);
        e.Property(l => l.HowWeWillKnow).HasMaxLength(PlanLine.MaxHowWeWillKnowLength);
        e.Property(l => l.ProviderName).HasMaxLength(200);
        e.Property(l => l.ProviderOrganisationName).HasMaxLength(200);
        e.Property(l => l.Quantity).HasPrecision(9, 2);
        e.Property(l => l.Serves).HasMaxLength(2000);
        e.HasIndex(l => new { l.PlanId, l.Kind, l.Position });
        e.HasIndex(l => l.CommitmentId);
        e.HasIndex(l => l.ChildId);
    }
}
