namespace CommonGround.Core.Statutory;

/// <summary>Whose duty, or right, a date is.</summary>
public enum DeadlineActor
{
    LocalAuthority,

    /// <summary>The parent or young person. Their dates are rights, never duties: a right not used is never a failure.</summary>
    Family,

    /// <summary>The school, college or early years setting.</summary>
    Setting,

    /// <summary>A service asked for advice for an assessment: health, social care, an educational psychologist.</summary>
    AdviceGiver,
}

/// <summary>Where a date stands on a day, from what has been recorded (TIMESCALES.md §4).</summary>
public enum DeadlineState
{
    /// <summary>Not done yet, and the date is today or later.</summary>
    Upcoming,

    /// <summary>Done on or before the date.</summary>
    Met,

    /// <summary>A duty done after the date.</summary>
    Late,

    /// <summary>A duty not done, its date passed, and nothing recorded has made it irrelevant.</summary>
    Missed,

    /// <summary>A family's right whose date passed without being used: never a failure, never chased.</summary>
    Closed,

    /// <summary>What was recorded means it can no longer apply.</summary>
    NotApplicable,

    /// <summary>A date that mattered only if something happened, which passed with neither that nor its alternative recorded.</summary>
    Lapsed,
}

public static class DeadlineStates
{
    /// <summary>
    /// Whose dates a person's own are: the family's rights for the family; the local authority's duties for its staff;
    /// a setting's for school, college and early years staff; advice for health and social care.
    /// </summary>
    public static DeadlineActor? ReaderFor(Access.ChildAccess access) => access.IsFamily
        ? DeadlineActor.Family
        : access.Relationship.OrganisationKind switch
        {
            Organisations.OrganisationKind.LocalAuthority => DeadlineActor.LocalAuthority,
            Organisations.OrganisationKind.School or Organisations.OrganisationKind.EarlyYears or Organisations.OrganisationKind.College => DeadlineActor.Setting,
            Organisations.OrganisationKind.Health or Organisations.OrganisationKind.SocialCare => DeadlineActor.AdviceGiver,
            _ => null,
        };

    /// <summary>A date is "due soon" from this many working days before it.</summary>
    public const int DueSoonWorkingDays = 10;

    public static string Slug(this DeadlineActor actor) => actor switch
    {
        DeadlineActor.LocalAuthority => "local-authority",
        DeadlineActor.Family => "family",
        DeadlineActor.Setting => "setting",
        _ => "advice-giver",
    };

    public static string Slug(this DeadlineState state) => state switch
    {
        DeadlineState.Upcoming => "upcoming",
        DeadlineState.Met => "met",
        DeadlineState.Late => "late",
        DeadlineState.Missed => "missed",
        DeadlineState.Closed => "closed",
        DeadlineState.NotApplicable => "not-applicable",
        _ => "lapsed",
    };

    /// <summary>Who must act, in words a family reads: "the local authority", "you".</summary>
    public static string Who(this DeadlineActor actor, bool readerIsFamily) => actor switch
    {
        DeadlineActor.LocalAuthority => "the local authority",
        DeadlineActor.Family => readerIsFamily ? "you" : "the family",
        DeadlineActor.Setting => "the school, college or early years setting",
        _ => "the service asked for advice",
    };

    public static string Text(this DeadlineState state) => state switch
    {
        DeadlineState.Upcoming => "Coming up",
        DeadlineState.Met => "Done on time",
        DeadlineState.Late => "Done late",
        DeadlineState.Missed => "Missed",
        DeadlineState.Closed => "Date passed",
        DeadlineState.NotApplicable => "No longer applies",
        _ => "Passed, not needed",
    };

    /// <summary>Red only for a failure; a family's own window that passed is grey, never red.</summary>
    public static string TagColour(this DeadlineState state) => state switch
    {
        DeadlineState.Upcoming => "blue",
        DeadlineState.Met => "green",
        DeadlineState.Late => "orange",
        DeadlineState.Missed => "red",
        _ => "grey",
    };
}
