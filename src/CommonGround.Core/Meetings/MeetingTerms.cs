namespace CommonGround.Core.Meetings;

public enum MeetingKind
{
    CheckIn,
    Review,
    AnnualReview,
    TeamAroundTheChild,
    TransitionPlanning,
}

/// <summary>
/// Where the written record of a meeting stands: written by the note-taker, shared with the family, sent back for
/// corrections, then agreed by the family and locked. Later changes are amendments, each with a reason.
/// </summary>
public enum MeetingRecordStatus
{
    NotStarted,
    Draft,
    Shared,
    CorrectionsRequested,
    Agreed,
}

public enum RecordVersionKind
{
    Shared,
    Revised,
    Agreed,
    Amended,
}

public static class MeetingText
{
    public static string ToDisplayName(this MeetingKind kind) => kind switch
    {
        MeetingKind.CheckIn => "Check-in",
        MeetingKind.Review => "Review",
        MeetingKind.AnnualReview => "Annual review",
        MeetingKind.TeamAroundTheChild => "Team around the child",
        MeetingKind.TransitionPlanning => "Transition planning",
        _ => kind.ToString(),
    };

    public static string ToDisplayName(this MeetingRecordStatus status) => status switch
    {
        MeetingRecordStatus.NotStarted => "Not written yet",
        MeetingRecordStatus.Draft => "Draft",
        MeetingRecordStatus.Shared => "Waiting for the family to agree",
        MeetingRecordStatus.CorrectionsRequested => "Corrections asked for",
        MeetingRecordStatus.Agreed => "Agreed",
        _ => status.ToString(),
    };

    /// <summary>The colour of the GOV.UK tag that shows the status.</summary>
    public static string TagColour(this MeetingRecordStatus status) => status switch
    {
        MeetingRecordStatus.Agreed => "green",
        MeetingRecordStatus.Shared => "blue",
        MeetingRecordStatus.CorrectionsRequested => "orange",
        _ => "grey",
    };

    public static string ToDisplayName(this RecordVersionKind kind) => kind switch
    {
        RecordVersionKind.Shared => "Shared with the family",
        RecordVersionKind.Revised => "Revised after corrections",
        RecordVersionKind.Agreed => "Agreed by the family",
        RecordVersionKind.Amended => "Amended after it was agreed",
        _ => kind.ToString(),
    };

    /// <summary>The answers to "Did you feel listened to?", from 1 (not at all) to 5 (completely).</summary>
    public static string ListenedAnswer(int score) => score switch
    {
        1 => "Not at all",
        2 => "A little",
        3 => "Somewhat",
        4 => "Mostly",
        5 => "Completely",
        _ => score.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
