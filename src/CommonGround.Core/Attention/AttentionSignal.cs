using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Concerns;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Attention;

/// <summary>
/// Why a child may need attention. Kinds are stored by number, so a new kind is added at the end; how pressing each
/// is comes from <see cref="AttentionSignalText.Rank"/>.
/// </summary>
public enum AttentionSignalKind
{
    StatutoryMissed,
    ConcernOverdue,
    CommitmentOverdue,
    DeliveryDisputed,
    ConcernDueSoon,
    ProvisionBehind,
    StatutoryDueSoon,
    RecordAwaitingAgreement,
    RepeatedConcerns,
    NoContact,
    NoKeyWorker,
    PlanReviewOverdue,
    AdviceLate,
    RecommendationsUnanswered,
    NoTeam,
    /// <summary>A concern raised and not yet acknowledged, its clock still running: seen at once, ranked below anything late.</summary>
    ConcernToAcknowledge,
    /// <summary>The family asked for a professional's words to be corrected; the author's organisation must answer within one month.</summary>
    CorrectionWaiting,
    /// <summary>The family asked for the record to be erased; the local authority must answer within one month. Seen only by the local authority.</summary>
    ErasureWaiting,
}

/// <summary>
/// One early warning about a child, worked out by the attention job (and again whenever the child's record changes),
/// never while someone waits for a page. What a signal keeps does not move as days pass: how long something has waited
/// is kept as the date it counts from (<see cref="SinceOn"/>, <see cref="DueOn"/>) and counted when the signal is shown,
/// so a day's first run rewrites only the signals that appear, go or change, not every one that is a day older. Each
/// organisation's thresholds are applied when its staff look, as dates worked out for that day
/// (<see cref="AttentionThresholds.Shows"/>), without working anything out again.
/// </summary>
public sealed class AttentionSignal
{
    public const int MaxTextLength = 300;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required AttentionSignalKind Kind { get; init; }
    /// <summary>What the signal is about, so the same problem keeps the same row: a concern's id, a process and rule, or empty for the child.</summary>
    public required string SubjectKey { get; init; }
    public Guid? SubjectId { get; init; }
    /// <summary>Why, in words; for a kind that counts days, the words before the count (see <see cref="AttentionSignalText.ReasonOn"/>).</summary>
    public required string Reason { get; set; }
    /// <summary>The words after the count of days, when there is one.</summary>
    public string? ReasonEnd { get; set; }
    public required string Link { get; set; }
    /// <summary>The part of the record someone must be shared to see the signal; null when anyone on the team may.</summary>
    public RecordArea? RecordArea { get; init; }
    /// <summary>A second part they must also see, such as the part a concern is about.</summary>
    public RecordArea? AboutArea { get; set; }
    /// <summary>
    /// The organisation whose leads see the signal even off the team: a concern's owner past its date, or the organisation
    /// of whoever last left a team with no key worker or nobody at all.
    /// </summary>
    public Guid? OrganisationId { get; set; }
    /// <summary>The size of the problem when it is not a number of days: a percentage delivered, or a count; 0 otherwise.</summary>
    public required int Measure { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>The date from which the days shown with the reason are counted, for a kind that counts them.</summary>
    public DateOnly? SinceOn { get; set; }
    public required DateTime ComputedAt { get; set; }

    /// <summary>Whether <paramref name="other"/>, about the same problem, says the same; what it compares is what <see cref="TakeFrom"/> copies.</summary>
    public bool SameAs(AttentionSignal other) =>
        Reason == other.Reason && ReasonEnd == other.ReasonEnd && Link == other.Link && AboutArea == other.AboutArea && OrganisationId == other.OrganisationId
        && Measure == other.Measure && DueOn == other.DueOn && SinceOn == other.SinceOn;

    /// <summary>Brings this kept signal up to what <paramref name="fresh"/>, worked out again for the same problem, says.</summary>
    public void TakeFrom(AttentionSignal fresh)
    {
        Reason = fresh.Reason;
        ReasonEnd = fresh.ReasonEnd;
        Link = fresh.Link;
        AboutArea = fresh.AboutArea;
        OrganisationId = fresh.OrganisationId;
        Measure = fresh.Measure;
        DueOn = fresh.DueOn;
        SinceOn = fresh.SinceOn;
        ComputedAt = fresh.ComputedAt;
    }
}

public static class AttentionSignalText
{
    private static readonly AttentionSignalKind[] MostPressingFirst =
    [
        AttentionSignalKind.StatutoryMissed, AttentionSignalKind.ConcernOverdue, AttentionSignalKind.CommitmentOverdue, AttentionSignalKind.DeliveryDisputed,
        AttentionSignalKind.ConcernDueSoon, AttentionSignalKind.ConcernToAcknowledge, AttentionSignalKind.CorrectionWaiting, AttentionSignalKind.ErasureWaiting, AttentionSignalKind.ProvisionBehind, AttentionSignalKind.StatutoryDueSoon,
        AttentionSignalKind.RecordAwaitingAgreement, AttentionSignalKind.RepeatedConcerns, AttentionSignalKind.NoContact, AttentionSignalKind.NoKeyWorker,
        AttentionSignalKind.PlanReviewOverdue, AttentionSignalKind.AdviceLate, AttentionSignalKind.RecommendationsUnanswered, AttentionSignalKind.NoTeam,
    ];

    private static WorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales;

    /// <summary>
    /// The reason as it reads on <paramref name="today"/>: for a kind that counts days, the days since
    /// <see cref="AttentionSignal.SinceOn"/> in the kind's own unit go between the kept words.
    /// </summary>
    public static string ReasonOn(this AttentionSignal signal, DateOnly today)
    {
        if (signal.SinceOn is not { } since)
        {
            return signal.Reason;
        }

        static string Days(int count, string unit) => $"{count} {unit}{(count == 1 ? "" : "s")}";
        var days = today.DayNumber - since.DayNumber;
        var count = signal.Kind switch
        {
            AttentionSignalKind.ConcernOverdue => $", {Days(ConcernClock.WorkingDaysOverdue(since, today, Calendar), "working day")} late",
            AttentionSignalKind.RecordAwaitingAgreement => $": {Days(Calendar.WorkingDaysBetween(since, today), "working day")}",
            AttentionSignalKind.NoContact => $" for {Days(days / 7, "week")}",
            AttentionSignalKind.RecommendationsUnanswered => $" {Days(days / 7, "week")} ago",
            _ => $", {Days(days, "day")} ago",
        };
        return signal.Reason + count + signal.ReasonEnd;
    }

    /// <summary>How pressing a kind is: 0 is the most.</summary>
    public static int Rank(this AttentionSignalKind kind) => Array.IndexOf(MostPressingFirst, kind) is var rank and >= 0 ? rank : MostPressingFirst.Length;

    public static string ToDisplayName(this AttentionSignalKind kind) => kind switch
    {
        AttentionSignalKind.StatutoryMissed => "Legal date missed",
        AttentionSignalKind.ConcernOverdue => "Concern overdue",
        AttentionSignalKind.CommitmentOverdue => "Commitment overdue",
        AttentionSignalKind.DeliveryDisputed => "Delivery disputed",
        AttentionSignalKind.ConcernDueSoon => "Concern due soon",
        AttentionSignalKind.ProvisionBehind => "Provision behind",
        AttentionSignalKind.StatutoryDueSoon => "Legal date coming up",
        AttentionSignalKind.RecordAwaitingAgreement => "Meeting record not agreed",
        AttentionSignalKind.RepeatedConcerns => "Several concerns",
        AttentionSignalKind.NoContact => "No recent contact",
        AttentionSignalKind.NoKeyWorker => "No key worker",
        AttentionSignalKind.PlanReviewOverdue => "Plan review overdue",
        AttentionSignalKind.AdviceLate => "Advice late",
        AttentionSignalKind.RecommendationsUnanswered => "Recommendations not answered",
        AttentionSignalKind.NoTeam => "Nobody on the team",
        AttentionSignalKind.ConcernToAcknowledge => "New concern",
        AttentionSignalKind.CorrectionWaiting => "Correction asked for",
        AttentionSignalKind.ErasureWaiting => "Erasure requested",
        _ => kind.ToString(),
    };

    public static string TagColour(this AttentionSignalKind kind) => kind switch
    {
        AttentionSignalKind.StatutoryMissed or AttentionSignalKind.ConcernOverdue or AttentionSignalKind.CommitmentOverdue or AttentionSignalKind.DeliveryDisputed
            or AttentionSignalKind.AdviceLate or AttentionSignalKind.NoTeam => "red",
        AttentionSignalKind.ConcernDueSoon or AttentionSignalKind.ProvisionBehind or AttentionSignalKind.StatutoryDueSoon => "orange",
        _ => "yellow",
    };
}

public sealed class AttentionSignalConfiguration : IEntityTypeConfiguration<AttentionSignal>
{
    public void Configure(EntityTypeBuilder<AttentionSignal> e)
    {
        e.Property(s => s.SubjectKey).HasMaxLength(100);
        e.Property(s => s.Reason).HasMaxLength(AttentionSignal.MaxTextLength);
        e.Property(s => s.ReasonEnd).HasMaxLength(AttentionSignal.MaxTextLength);
        e.Property(s => s.Link).HasMaxLength(300);
        // A child keeps its area and is never deleted while it has signals, so none is ever left for the job to sweep up by area.
        e.HasOne<Child>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(s => new { s.ChildId, s.Kind, s.SubjectKey }).IsUnique();
        // Organisation leads see their organisation's overdue concerns from here.
        e.HasIndex(s => new { s.OrganisationId, s.Kind });
    }
}
