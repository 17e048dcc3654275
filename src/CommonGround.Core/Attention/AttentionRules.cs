namespace CommonGround.Core.Attention;

/// <summary>
/// The early-warning rules, grouped by the part of the record each group reads. A change that can move only some
/// groups' signals asks for those alone to be worked out again (a message sent can only change when the family last
/// heard from someone), so it does not read every concern, commitment and process of the child to refresh one date.
/// Anything else asks for <see cref="All"/>, and the attention job always works out every group.
/// </summary>
[Flags]
public enum AttentionRules
{
    None = 0,
    /// <summary>Nobody on the team, or no key worker chosen.</summary>
    Team = 1 << 0,
    /// <summary>Concern clocks, and several concerns raised in a short time.</summary>
    Concerns = 1 << 1,
    /// <summary>One-offs past their date, provision behind, and deliveries the family disputes.</summary>
    Commitments = 1 << 2,
    /// <summary>Meeting records waiting for the family's agreement.</summary>
    Meetings = 1 << 3,
    /// <summary>How long since the family last had a message, a meeting or an answer to a concern.</summary>
    Contact = 1 << 4,
    /// <summary>Support plans past the date they should be reviewed by.</summary>
    Plans = 1 << 5,
    /// <summary>Advice late, and recommendations no plan has answered.</summary>
    Advice = 1 << 6,
    /// <summary>Requests to correct words or erase the record, on their one-month clock.</summary>
    DataRights = 1 << 7,
    /// <summary>Legal dates in statutory processes, and the warnings they send.</summary>
    Statutory = 1 << 8,
    All = Team | Concerns | Commitments | Meetings | Contact | Plans | Advice | DataRights | Statutory,
}

public static class AttentionRuleGroups
{
    /// <summary>The group whose rule raises signals of this kind.</summary>
    public static AttentionRules RaisedBy(this AttentionSignalKind kind) => kind switch
    {
        AttentionSignalKind.NoTeam or AttentionSignalKind.NoKeyWorker => AttentionRules.Team,
        AttentionSignalKind.ConcernOverdue or AttentionSignalKind.ConcernDueSoon or AttentionSignalKind.ConcernToAcknowledge
            or AttentionSignalKind.RepeatedConcerns => AttentionRules.Concerns,
        AttentionSignalKind.CommitmentOverdue or AttentionSignalKind.ProvisionBehind or AttentionSignalKind.DeliveryDisputed => AttentionRules.Commitments,
        AttentionSignalKind.RecordAwaitingAgreement => AttentionRules.Meetings,
        AttentionSignalKind.NoContact => AttentionRules.Contact,
        AttentionSignalKind.PlanReviewOverdue => AttentionRules.Plans,
        AttentionSignalKind.AdviceLate or AttentionSignalKind.RecommendationsUnanswered => AttentionRules.Advice,
        AttentionSignalKind.CorrectionWaiting or AttentionSignalKind.ErasureWaiting => AttentionRules.DataRights,
        AttentionSignalKind.StatutoryMissed or AttentionSignalKind.StatutoryDueSoon => AttentionRules.Statutory,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Every kind of signal belongs to a group of rules"),
    };

    /// <summary>Each single group within <paramref name="rules"/>.</summary>
    public static IReadOnlyList<AttentionRules> Each(AttentionRules rules) =>
        Enum.GetValues<AttentionRules>().Where(g => System.Numerics.BitOperations.IsPow2((int)g) && (rules & g) == g).ToList();

    /// <summary>Every kind of signal the groups raise.</summary>
    public static IReadOnlyList<AttentionSignalKind> KindsOf(AttentionRules rules) =>
        Enum.GetValues<AttentionSignalKind>().Where(k => (k.RaisedBy() & rules) != 0).ToList();
}
