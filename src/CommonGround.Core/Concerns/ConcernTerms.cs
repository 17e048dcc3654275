namespace CommonGround.Core.Concerns;

public static class ConcernTerms
{
    public static string ToDisplayName(this ConcernStatus status) => status switch
    {
        ConcernStatus.Raised => "Waiting to be acknowledged",
        ConcernStatus.Acknowledged => "Acknowledged",
        ConcernStatus.Responded => "Responded",
        ConcernStatus.Resolved => "Resolved, waiting for confirmation",
        ConcernStatus.Reopened => "Reopened",
        ConcernStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string TagColour(this ConcernStatus status) => status switch
    {
        ConcernStatus.Raised => "blue",
        ConcernStatus.Acknowledged or ConcernStatus.Responded => "light-blue",
        ConcernStatus.Resolved => "yellow",
        ConcernStatus.Reopened => "orange",
        _ => "grey",
    };

    public static string TagColour(this ClockStatus status) => status switch
    {
        ClockStatus.Running => "blue",
        ClockStatus.DueSoon => "yellow",
        ClockStatus.Overdue => "red",
        ClockStatus.MetOnTime => "green",
        _ => "orange",
    };

    public static string ToDisplayName(this ConcernUpdateKind kind) => kind switch
    {
        ConcernUpdateKind.Raised => "Raised",
        ConcernUpdateKind.Acknowledged => "Acknowledged",
        ConcernUpdateKind.Responded => "Responded",
        ConcernUpdateKind.Resolved => "Resolved: you said, we did",
        ConcernUpdateKind.Confirmed => "Confirmed as resolved",
        ConcernUpdateKind.Reopened => "Reopened",
        ConcernUpdateKind.Assigned => "Passed on",
        ConcernUpdateKind.Escalated => "Overdue: gone to a lead",
        _ => kind.ToString(),
    };

    public static string ToDisplayName(this ConcernClockKind kind) => kind == ConcernClockKind.Acknowledge ? "Acknowledge by" : "Respond in full by";

    /// <summary>Who has the concern now, in a sentence a family can read at a glance.</summary>
    public static string WhoHasIt(this Concern concern) => concern switch
    {
        { EscalatedTo: { } lead, IsOpen: true } => $"{lead}, because it is overdue. {concern.OwnerName ?? concern.OwnerOrganisationName} still owns it",
        { OwnerName: { } owner } => $"{owner}, {concern.OwnerOrganisationName}",
        _ => $"{concern.OwnerOrganisationName}. Their lead will choose who answers it",
    };
}
