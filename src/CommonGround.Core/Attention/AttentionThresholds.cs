using System.Linq.Expressions;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Attention;

/// <summary>
/// When an organisation's staff want to hear of a problem. Signals are kept for the loosest setting allowed; each
/// organisation's own settings decide which of them its staff see.
/// </summary>
public sealed class AttentionThresholds
{
    public static readonly (int Min, int Max) ProvisionPercentRange = (50, 100);
    public static readonly (int Min, int Max) RecordWorkingDaysRange = (1, 60);
    public static readonly (int Min, int Max) RepeatedConcernsRange = (2, 10);
    public static readonly (int Min, int Max) NoContactWeeksRange = (2, 26);
    public static readonly (int Min, int Max) StatutoryWorkingDaysRange = (1, 20);

    /// <summary>Concerns are counted over this many days for the "several concerns" signal.</summary>
    public const int RepeatedConcernsDays = 30;

    public required Guid OrganisationId { get; init; }
    /// <summary>Recurring provision below this share of what was owed to date.</summary>
    public int ProvisionBehindPercent { get; set; } = 80;
    /// <summary>A meeting record shared with the family for this many working days without being agreed.</summary>
    public int RecordAwaitingWorkingDays { get; set; } = 10;
    /// <summary>This many concerns raised in 30 days.</summary>
    public int RepeatedConcerns { get; set; } = 3;
    /// <summary>No contact with the family for this many weeks.</summary>
    public int NoContactWeeks { get; set; } = 6;
    /// <summary>A statutory deadline within this many working days.</summary>
    public int StatutoryDueWorkingDays { get; set; } = 10;
    public DateTime? ChangedAt { get; set; }
    public string? ChangedByName { get; set; }

    public static AttentionThresholds DefaultFor(Guid organisationId) => new() { OrganisationId = organisationId };

    /// <summary>
    /// The five settings as one number, so something worked out with them can say which it was worked out with
    /// (<see cref="AttentionSummary"/>); every setting is below 1,000 (see the ranges above).
    /// </summary>
    public long Key => (((((long)ProvisionBehindPercent * 1000 + RecordAwaitingWorkingDays) * 1000 + RepeatedConcerns) * 1000 + NoContactWeeks) * 1000) + StatutoryDueWorkingDays;

    /// <summary>
    /// Which kept signals pass these thresholds on <paramref name="today"/>, as a condition the database applies. A signal
    /// keeps the date it counts from, not a count of days, so each threshold in days becomes the date it falls on today.
    /// </summary>
    public Expression<Func<AttentionSignal, bool>> Shows(DateOnly today)
    {
        // The rule is written once; the day's dates go in through a member the database is sent as parameters.
        var bound = Expression.Property(Expression.Constant(new BoundDates(DatesOn(today))), nameof(BoundDates.Dates));
        var signal = Rule.Parameters[0];
        return Expression.Lambda<Func<AttentionSignal, bool>>(new Bind(Rule.Parameters[1], bound).Visit(Rule.Body), signal);
    }

    /// <summary>The same test as <see cref="Shows"/>, in memory.</summary>
    public bool ShowsOn(AttentionSignal signal, DateOnly today) => RuleInMemory(signal, DatesOn(today));

    /// <summary>The same test as <see cref="Shows"/>, in memory, with the day's dates worked out once for many signals.</summary>
    public static bool ShowsOn(AttentionSignal signal, ShownDates dates) => RuleInMemory(signal, dates);

    /// <summary>Each threshold as what a signal is compared with on one day.</summary>
    public readonly record struct ShownDates(int ProvisionBelow, DateOnly RecordSharedBy, int RepeatedAtLeast, DateOnly LastContactBy, DateOnly StatutoryBefore);

    public ShownDates DatesOn(DateOnly today)
    {
        var calendar = WorkingDayCalendar.EnglandAndWales;
        // Within N working days of today is before the working day N + 1 after it.
        return new ShownDates(ProvisionBehindPercent, calendar.LatestDayWorkingDaysBefore(today, RecordAwaitingWorkingDays), RepeatedConcerns,
            today.AddDays(-7 * NoContactWeeks), calendar.AddWorkingDays(today, StatutoryDueWorkingDays + 1));
    }

    /// <summary>
    /// The kinds a threshold turns on. A warning of any other kind is shown to whoever may see it whatever the settings
    /// and the day, so for those a summary needs only how many there are and the first date one is due.
    /// </summary>
    public static readonly IReadOnlyList<AttentionSignalKind> KindsWithThresholds =
    [
        AttentionSignalKind.ProvisionBehind, AttentionSignalKind.RecordAwaitingAgreement, AttentionSignalKind.RepeatedConcerns, AttentionSignalKind.NoContact,
        AttentionSignalKind.StatutoryDueSoon,
    ];

    private static readonly Expression<Func<AttentionSignal, ShownDates, bool>> Rule = (s, on) =>
        (s.Kind != AttentionSignalKind.ProvisionBehind || s.Measure < on.ProvisionBelow)
        && (s.Kind != AttentionSignalKind.RecordAwaitingAgreement || s.SinceOn <= on.RecordSharedBy)
        && (s.Kind != AttentionSignalKind.RepeatedConcerns || s.Measure >= on.RepeatedAtLeast)
        && (s.Kind != AttentionSignalKind.NoContact || s.SinceOn <= on.LastContactBy)
        && (s.Kind != AttentionSignalKind.StatutoryDueSoon || s.DueOn < on.StatutoryBefore);

    private static readonly Func<AttentionSignal, ShownDates, bool> RuleInMemory = Rule.Compile();

    private sealed class BoundDates(ShownDates dates)
    {
        public ShownDates Dates { get; } = dates;
    }

    private sealed class Bind(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : node;
    }
}

public sealed class AttentionThresholdsConfiguration : IEntityTypeConfiguration<AttentionThresholds>
{
    public void Configure(EntityTypeBuilder<AttentionThresholds> e)
    {
        e.HasKey(t => t.OrganisationId);
        e.Property(t => t.ChangedByName).HasMaxLength(200);
        e.HasOne<Organisation>().WithOne().HasForeignKey<AttentionThresholds>(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
