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
    /// Which kept signals pass these thresholds on <paramref name="today"/>, as a condition the database applies. A signal
    /// keeps the date it counts from, not a count of days, so each threshold in days becomes the date it falls on today.
    /// </summary>
    public Expression<Func<AttentionSignal, bool>> Shows(DateOnly today)
    {
        int provision = ProvisionBehindPercent, repeated = RepeatedConcerns;
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var recordSharedBy = calendar.LatestDayWorkingDaysBefore(today, RecordAwaitingWorkingDays);
        var lastContactBy = today.AddDays(-7 * NoContactWeeks);
        // Within N working days of today is before the working day N + 1 after it.
        var statutoryBefore = calendar.AddWorkingDays(today, StatutoryDueWorkingDays + 1);
        return s =>
            (s.Kind != AttentionSignalKind.ProvisionBehind || s.Measure < provision)
            && (s.Kind != AttentionSignalKind.RecordAwaitingAgreement || s.SinceOn <= recordSharedBy)
            && (s.Kind != AttentionSignalKind.RepeatedConcerns || s.Measure >= repeated)
            && (s.Kind != AttentionSignalKind.NoContact || s.SinceOn <= lastContactBy)
            && (s.Kind != AttentionSignalKind.StatutoryDueSoon || s.DueOn < statutoryBefore);
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
