using CommonGround.Core.Organisations;

namespace CommonGround.Core.Plans;

/// <summary>The kinds of plan a child's support can be written in.</summary>
public enum PlanKind
{
    SenSupport,
    IndividualSupport,
    Ehc,
}

/// <summary>Who writes a kind of plan with the family.</summary>
public enum PlanAuthor
{
    /// <summary>The child's school, early years setting or college.</summary>
    Setting,
    LocalAuthority,
}

/// <summary>How often a plan must be looked at again, at the least.</summary>
public enum ReviewInterval
{
    /// <summary>Once a term: a review is due within 4 months of the last, as English school terms run.</summary>
    Termly,
    Yearly,
}

/// <summary>
/// What the law or guidance says about one kind of plan: where it comes from, from when, whether it is still only
/// proposed, who writes it and how often it is reviewed. Kept as data so a change in the law is a change of one row.
/// </summary>
public sealed record PlanKindRule(
    PlanKind Kind, string Name, string Description, string Source, DateOnly EffectiveFrom, bool Proposed, PlanAuthor WrittenBy, ReviewInterval ReviewEvery)
{
    /// <summary>The latest day the plan agreed or last reviewed on <paramref name="from"/> should be reviewed by.</summary>
    public DateOnly ReviewDueBy(DateOnly from) => ReviewEvery switch
    {
        ReviewInterval.Termly => from.AddMonths(4),
        _ => from.AddMonths(12),
    };

    public string ReviewText => ReviewEvery == ReviewInterval.Termly ? "at least once a term" : "at least once every 12 months";

    /// <summary>Whether staff of an organisation of this kind write this kind of plan.</summary>
    public bool WrittenByStaffOf(OrganisationKind organisation) => WrittenBy switch
    {
        PlanAuthor.Setting => organisation is OrganisationKind.School or OrganisationKind.EarlyYears or OrganisationKind.College,
        _ => organisation == OrganisationKind.LocalAuthority,
    };
}

public static class PlanKinds
{
    public static IReadOnlyList<PlanKindRule> England { get; } =
    [
        new(PlanKind.SenSupport, "SEN support plan",
            "The school or setting's plan for a child on SEN support: assess, plan, do and review, written with the family.",
            "SEND Code of Practice: 0 to 25 years (2015), paragraphs 6.44 to 6.56", new DateOnly(2015, 1, 1), Proposed: false,
            PlanAuthor.Setting, ReviewInterval.Termly),
        new(PlanKind.IndividualSupport, "Individual Support Plan",
            "A digital plan made with parents for every child with SEND, proposed by the 2026 Schools White Paper. It is not yet law.",
            "Schools White Paper, Every child achieving and thriving (February 2026), proposed", new DateOnly(2026, 2, 1), Proposed: true,
            PlanAuthor.Setting, ReviewInterval.Yearly),
        new(PlanKind.Ehc, "EHC plan",
            "The local authority's education, health and care plan, in sections A to K, which the law requires it to secure.",
            "The Special Educational Needs and Disability Regulations 2014, regulation 12", new DateOnly(2014, 9, 1), Proposed: false,
            PlanAuthor.LocalAuthority, ReviewInterval.Yearly),
    ];

    public static PlanKindRule For(PlanKind kind) => England.Single(r => r.Kind == kind);
}
