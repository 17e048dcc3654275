namespace CommonGround.Core.Commitments;

/// <summary>The part of the record a commitment belongs to.</summary>
public enum CommitmentArea
{
    Education,
    Health,
    SocialCare,
    Transport,
    Other,
}

/// <summary>Where a promise was made.</summary>
public enum CommitmentSource
{
    Meeting,
    Plan,
    Conversation,
    AddedDirectly,
}

public enum CommitmentKind
{
    /// <summary>Something to be done once, by a date.</summary>
    OneOff,
    /// <summary>Provision given again and again: so much per day or week.</summary>
    Recurring,
}

/// <summary>Where a commitment is in its life. Completed, ended early and withdrawn are final.</summary>
public enum CommitmentStatus
{
    Proposed,
    Agreed,
    Active,
    Completed,
    EndedEarly,
    Withdrawn,
}

/// <summary>What recurring provision is counted in.</summary>
public enum ProvisionUnit
{
    Sessions,
    Hours,
    Journeys,
}

/// <summary>The period a recurring quantity is given for; a day means each weekday.</summary>
public enum ProvisionPeriod
{
    Day,
    Week,
}

public enum MissedReason
{
    ProviderCancelled,
    StaffAbsence,
    ChildAbsent,
    Other,
}

/// <summary>What the family said about a delivery record.</summary>
public enum FamilyResponse
{
    None,
    Confirmed,
    Disputed,
}

public static class CommitmentText
{
    public static string ToDisplayName(this CommitmentArea area) => area switch
    {
        CommitmentArea.SocialCare => "Social care",
        _ => area.ToString(),
    };

    /// <summary>The part of the child's record the commitment's area belongs to; "Other" stays with the commitments.</summary>
    public static Access.RecordArea ToRecordArea(this CommitmentArea area) => area switch
    {
        CommitmentArea.Education => Access.RecordArea.Education,
        CommitmentArea.Health => Access.RecordArea.Health,
        CommitmentArea.SocialCare => Access.RecordArea.SocialCare,
        CommitmentArea.Transport => Access.RecordArea.Transport,
        _ => Access.RecordArea.Commitments,
    };

    public static string ToDisplayName(this CommitmentSource source) => source switch
    {
        CommitmentSource.Meeting => "A meeting",
        CommitmentSource.Plan => "A plan (for example an EHC plan or support plan)",
        CommitmentSource.Conversation => "A conversation",
        CommitmentSource.AddedDirectly => "Added directly",
        _ => source.ToString(),
    };

    public static string ToDisplayName(this CommitmentStatus status) => status switch
    {
        CommitmentStatus.EndedEarly => "Ended early",
        _ => status.ToString(),
    };

    public static string ToDisplayName(this MissedReason reason) => reason switch
    {
        MissedReason.ProviderCancelled => "The provider cancelled",
        MissedReason.StaffAbsence => "Staff absence",
        MissedReason.ChildAbsent => "The child or young person was absent",
        MissedReason.Other => "Another reason",
        _ => reason.ToString(),
    };

    /// <summary>How much and how often, e.g. "2 sessions of 30 minutes a week, term time only".</summary>
    public static string Describe(decimal quantity, ProvisionUnit unit, int? minutesPerSession, ProvisionPeriod period, bool termTimeOnly)
    {
        var length = minutesPerSession is { } minutes && unit == ProvisionUnit.Sessions ? $" of {minutes} minutes" : "";
        var per = period == ProvisionPeriod.Day ? "a day" : "a week";
        return $"{Describe(quantity, unit)}{length} {per}{(termTimeOnly ? ", term time only" : "")}";
    }

    /// <summary>
    /// An amount worked out from a schedule (expected so far, shortfall) as a person counts it: whole sessions and
    /// journeys, since nobody has 0.2 of a session, and hours to the quarter. Rounded down: only what has fallen due.
    /// </summary>
    public static string Counted(decimal quantity, ProvisionUnit unit) => Describe(
        unit == ProvisionUnit.Hours ? Math.Floor(quantity * 4) / 4 : Math.Floor(quantity), unit);

    /// <summary>A quantity in its unit, e.g. "1 session", "2.5 hours".</summary>
    public static string Describe(decimal quantity, ProvisionUnit unit)
    {
        var number = quantity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var word = unit switch
        {
            ProvisionUnit.Sessions => quantity == 1 ? "session" : "sessions",
            ProvisionUnit.Hours => quantity == 1 ? "hour" : "hours",
            ProvisionUnit.Journeys => quantity == 1 ? "journey" : "journeys",
            _ => unit.ToString().ToLowerInvariant(),
        };
        return $"{number} {word}";
    }
}
