using CommonGround.Core.Children;

namespace CommonGround.Core.DataRights;

/// <summary>
/// One line of the retention schedule: why a record is closed, how long it is then kept, and where that period comes
/// from. A closed record is erased on the later of its birthday limit and its closure limit.
/// </summary>
/// <param name="Key">How the rule is named in the database and in an address.</param>
/// <param name="Name">The rule in a few words, for a list.</param>
/// <param name="Reason">Why the record was closed, as the person closing it chooses it.</param>
/// <param name="Covers">What the rule is for, in a sentence for the privacy notice.</param>
/// <param name="KeptUntil">How long, in words.</param>
/// <param name="YearsFromBirth">Kept until this birthday of the child, if the rule counts from birth.</param>
/// <param name="DaysAfterClosing">Kept at least this many days after the record is closed.</param>
/// <param name="Source">Where the period comes from.</param>
public sealed record RetentionRule(string Key, string Name, string Reason, string Covers, string KeptUntil, int? YearsFromBirth, int DaysAfterClosing, string Source)
{
    /// <summary>The day a record closed on <paramref name="closedOn"/> under this rule is erased.</summary>
    public DateOnly EraseOn(DateOnly dateOfBirth, DateOnly closedOn)
    {
        var afterClosing = closedOn.AddDays(DaysAfterClosing);
        return YearsFromBirth is { } years && dateOfBirth.AddYears(years) > afterClosing ? dateOfBirth.AddYears(years) : afterClosing;
    }
}

/// <summary>
/// How long CommonGround keeps what it holds, as data: the privacy notice is written from it, closing a record picks
/// one of its rules, and the nightly erasure follows it.
/// </summary>
public static class RetentionSchedule
{
    public static readonly RetentionRule SendRecord = new(
        "send-record",
        "Support ended",
        "Support has ended: the child no longer needs it, has moved to another area, or has turned 25",
        "A child's record: everything about a child who has had special educational needs support, an assessment or an EHC plan.",
        "until the young person's 31st birthday (their 25th birthday plus 6 years), and never less than 30 days after it is closed",
        YearsFromBirth: 31, DaysAfterClosing: 30,
        "The Information and Records Management Society's toolkit keeps special educational needs files, reviews and EHC plans until the young person's date of birth plus 31 years: to their 25th birthday, when the duties can last to, plus the 6 years in which a claim can be brought (Limitation Act 1980).");

    public static readonly RetentionRule OpenedInError = new(
        "opened-in-error",
        "Opened by mistake",
        "The record was opened by mistake: for the wrong child, twice for the same child, or for a child who never needed it",
        "A record opened by mistake.",
        "30 days after it is closed, so that closing it by mistake can be undone",
        YearsFromBirth: null, DaysAfterClosing: 30,
        "UK GDPR Article 5(1)(e): personal data is kept no longer than it is needed. A record opened by mistake was never needed.");

    public static IReadOnlyList<RetentionRule> Rules { get; } = [SendRecord, OpenedInError];

    public static RetentionRule? Find(string? key) => Rules.FirstOrDefault(r => r.Key == key);

    /// <summary>An account linked to no child, and not in use by an organisation, is deleted once unused this long…</summary>
    public const int UnusedAccountYears = 2;

    /// <summary>…this many days after its owner is emailed a warning that signing in will keep it.</summary>
    public const int AccountWarningDays = 30;

    public const string UnusedAccountSource =
        "UK GDPR Article 5(1)(e): personal data is kept no longer than it is needed. An account gives its owner a child's record or their work for an organisation; with neither, it is needed only if they come back, and two years allows for a child who needs support again.";

    /// <summary>The family is reminded this many days before a closed record is erased, so they can download a copy.</summary>
    public const int ReminderDays = 30;

    /// <summary>Copies of emails the service sent are kept this long after sending, to answer "did you send it?".</summary>
    public const int SentEmailDays = 90;
}

/// <summary>What is left of a record once it is erased: that it existed, when and why it was erased, and nothing about the child.</summary>
public sealed class ErasedRecord
{
    public Guid Id { get; init; } = Ids.New();
    /// <summary>The id the record had, so a reference to it elsewhere can be answered "erased". Named apart from a child's id on purpose: nothing here is about the child.</summary>
    public required Guid ErasedChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required string RuleKey { get; init; }
    public required DateOnly ClosedOn { get; init; }
    public required DateTime ErasedAt { get; init; }
    /// <summary>How many rows were erased, as "table: count" lines, so the erasure can be accounted for.</summary>
    public required string RowsErased { get; init; }
}

public sealed class ErasedRecordConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<ErasedRecord>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ErasedRecord> e)
    {
        e.Property(x => x.RuleKey).HasMaxLength(40);
        e.Property(x => x.RowsErased).HasMaxLength(8_000);
        e.HasIndex(x => x.ErasedChildId).IsUnique();
    }
}
