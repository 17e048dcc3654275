namespace CommonGround.Core.Statutory;

/// <summary>One date a rule gives, with any note on how it was reached (for appeals, why it moved).</summary>
public sealed record Deadline(TimescaleRule Rule, DateOnly Date, string? Note = null)
{
    public string Key => Rule.Key;
}

/// <summary>
/// An exception to a fixed time limit, checked against the facts given. An exception that applies switches the
/// fixed date off; it never gives another date, and the body must still act as soon as it practicably can.
/// </summary>
public sealed record ExceptionCheck(string Key, string Title, bool Applies, string Explanation);

/// <summary>The dates one event starts, the exceptions checked, and anything else worth knowing about them.</summary>
public sealed record Timeline(IReadOnlyList<Deadline> Deadlines, IReadOnlyList<ExceptionCheck> Exceptions, IReadOnlyList<string> Notes)
{
    public Deadline? Find(string key) => Deadlines.FirstOrDefault(d => d.Key == key);

    public bool AnyExceptionApplies => Exceptions.Any(e => e.Applies);
}

/// <summary>The facts that bear on a needs assessment's dates; only the request date is required.</summary>
public sealed record NeedsAssessmentFacts(DateOnly RequestReceived)
{
    public DateOnly? AdviceRequested { get; init; }

    public DateOnly? SchoolClosedFrom { get; init; }

    public DateOnly? SchoolReopens { get; init; }

    public DateOnly? AbsentFrom { get; init; }

    public DateOnly? AbsentTo { get; init; }

    public bool ExceptionalCircumstances { get; init; }
}

public enum PhaseTransferKind
{
    /// <summary>Between school phases: early years to school, infant to junior, primary to middle or secondary, middle to secondary.</summary>
    School,

    /// <summary>From secondary school to a post-16 institution.</summary>
    PostSixteen,

    /// <summary>From one post-16 institution to another, on a known date.</summary>
    PostSixteenOther,
}

public enum TribunalOrderKind
{
    Assess,
    MakeAndMaintain,
}
