using CommonGround.Core.Time;

namespace CommonGround.Core.Statutory;

/// <summary>How strongly a date binds, which every page showing a rule says.</summary>
public enum RuleStatus
{
    /// <summary>In an Act or regulations: the body must meet it.</summary>
    Statutory,

    /// <summary>In the SEND Code of Practice: the body should meet it unless it has a good reason not to.</summary>
    Guidance,

    /// <summary>From a court's judgment on what the law requires.</summary>
    CaseLaw,

    /// <summary>Worked out from other rules, for example the latest date that still leaves time for a later step.</summary>
    Derived,
}

public enum Jurisdiction
{
    England,
}

public enum CountUnit
{
    /// <summary>Calendar days after (or before, when negative) the trigger.</summary>
    Days,

    /// <summary>7 calendar days per week, so the deadline falls on the trigger's weekday (C1, C9).</summary>
    Weeks,

    /// <summary>The corresponding date N months on or back, or the last day of a shorter month (C4, C10).</summary>
    Months,

    /// <summary>Working days in England and Wales after the trigger, which itself is not counted (C8).</summary>
    WorkingDays,

    /// <summary>The last day of "the period of N months starting with" the trigger (C3).</summary>
    PeriodOfMonths,

    /// <summary>Worked out by the timeline itself, because the rule is more than a count (appeals, phase transfer).</summary>
    Special,
}

/// <summary>A count from a trigger date to a deadline, following the conventions in the timescales specification.</summary>
public readonly record struct Count(CountUnit Unit, int Amount)
{
    public DateOnly From(DateOnly trigger, WorkingDayCalendar calendar) => Unit switch
    {
        CountUnit.Days => trigger.AddDays(Amount),
        CountUnit.Weeks => trigger.AddDays(7 * Amount),
        CountUnit.Months => trigger.AddMonths(Amount),
        CountUnit.WorkingDays => calendar.AddWorkingDays(trigger, Amount),
        CountUnit.PeriodOfMonths => EndOfPeriod(trigger, Amount),
        _ => throw new InvalidOperationException("This rule is worked out by its timeline, not by a count."),
    };

    /// <summary>
    /// The period of N months starting with a date ends the day before the same date N months on; when that month has
    /// no such day (29 February), the period ends on the last day of that month instead.
    /// </summary>
    private static DateOnly EndOfPeriod(DateOnly start, int months)
    {
        var corresponding = start.AddMonths(months);
        return corresponding.Day < start.Day ? corresponding : corresponding.AddDays(-1);
    }
}

/// <summary>
/// One statutory timescale as data: what starts it, how it is counted, who must do what, where the law says so, how
/// strongly it binds, where and from when it applies, and what someone can do when it is missed.
/// </summary>
public sealed record TimescaleRule
{
    /// <summary>The public timeline this rule belongs to, as named in the API: "needs-assessment".</summary>
    public required string Timeline { get; init; }

    /// <summary>The deadline's key within its timeline: "final-plan".</summary>
    public required string Key { get; init; }

    public required Count Count { get; init; }

    /// <summary>A short name for the deadline: "Final EHC plan issued".</summary>
    public required string Title { get; init; }

    /// <summary>What must happen by the date, in plain English, naming who does it.</summary>
    public required string Explanation { get; init; }

    /// <summary>The legal source: "SEND Regulations 2014, regulation 13(2)".</summary>
    public required string Source { get; init; }

    public required RuleStatus Status { get; init; }

    /// <summary>Whose duty the date is, or whose right: the family's dates are rights, and are never missed.</summary>
    public required DeadlineActor Actor { get; init; }

    public Jurisdiction Jurisdiction { get; init; } = Jurisdiction.England;

    /// <summary>The first trigger date the rule applies to; a case is judged by the rules in force when it started.</summary>
    public DateOnly EffectiveFrom { get; init; } = TimescaleRules.SendRegulationsInForce;

    /// <summary>What the family can do if the date passes without it happening.</summary>
    public required string IfMissed { get; init; }

    /// <summary>For a date that matters only if something happens: what it means that it passed without it.</summary>
    public string? IfLapsed { get; init; }

    /// <summary>
    /// True for deadlines under the SEND Regulations, which do not move when they fall on a weekend or bank holiday;
    /// Tribunal deadlines do move, and the timeline has already moved them.
    /// </summary>
    public bool NeverRollsForward { get; init; } = true;

    public bool InForceOn(DateOnly trigger) => trigger >= EffectiveFrom;

    public DateOnly From(DateOnly trigger, WorkingDayCalendar calendar) => Count.From(trigger, calendar);
}

public static class RuleStatusText
{
    public static string Slug(this RuleStatus status) => status switch
    {
        RuleStatus.Statutory => "statutory",
        RuleStatus.Guidance => "guidance",
        RuleStatus.CaseLaw => "case-law",
        _ => "derived",
    };

    public static string Label(this RuleStatus status) => status switch
    {
        RuleStatus.Statutory => "The law",
        RuleStatus.Guidance => "Guidance",
        RuleStatus.CaseLaw => "Case law",
        _ => "Worked out",
    };

    public static string TagColour(this RuleStatus status) => status switch
    {
        RuleStatus.Statutory => "blue",
        RuleStatus.CaseLaw => "purple",
        _ => "grey",
    };

    public static string Meaning(this RuleStatus status) => status switch
    {
        RuleStatus.Statutory => "This is in the law, so it must happen by this date.",
        RuleStatus.Guidance => "This is in the SEND Code of Practice, so it should happen by this date unless there is a good reason.",
        RuleStatus.CaseLaw => "A court has said this is what the law requires.",
        _ => "Not a legal deadline itself: it is the latest date that still leaves time for the next legal step.",
    };
}
