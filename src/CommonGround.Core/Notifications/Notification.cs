using CommonGround.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Notifications;

/// <summary>What a notification is about, for the person's choice of how and when they hear about it.</summary>
public enum NotificationKind
{
    ConcernRaised,
    ConcernUpdated,
    ConcernOverdue,
    Messages,
    Commitments,
    Meetings,
    StatutoryDeadlines,
    Plans,
    /// <summary>About a person's own data and their child's: downloads ready, emergency access to a record.</summary>
    YourData,
}

/// <summary>How a person wants to hear about a kind of notification by email. They always see it in the service.</summary>
public enum EmailFrequency
{
    Immediately,
    DailyDigest,
    WeeklyDigest,
    Off,
}

public enum NotificationEmailState
{
    /// <summary>Waiting for the delivery job, which decides by the person's choices whether and when to email.</summary>
    Pending,
    Emailed,
    /// <summary>The person chose no email for this kind.</summary>
    NotEmailed,
}

/// <summary>
/// Something a person should know: shown in their notification centre and, by their choice, emailed.
/// <see cref="Title"/> may name the thing, because only the person sees it after signing in; <see cref="EmailLine"/>
/// says what changed with no health or other sensitive detail, because email leaves the service.
/// </summary>
public sealed class Notification
{
    public const int MaxTextLength = 300;

    public Guid Id { get; init; } = Ids.New();
    public required Guid RecipientUserId { get; init; }
    public Guid? ChildId { get; init; }
    /// <summary>The part of the child's record it tells of, and any further part its subject belongs to (a health commitment):
    /// it is shown only while the family shares both. None for notices from an organisation's side.</summary>
    public Access.RecordArea? Area { get; init; }
    public Access.RecordArea? AboutArea { get; init; }
    public required NotificationKind Kind { get; init; }
    public required string Title { get; init; }
    public required string EmailLine { get; init; }
    /// <summary>The service-relative address of the thing that changed, e.g. <c>/children/{id}/concerns/{id}</c>.</summary>
    public required string Link { get; init; }
    /// <summary>Cannot be turned off: urgent concerns and statutory deadline warnings.</summary>
    public bool Mandatory { get; init; }
    /// <summary>Set for notifications a job may raise more than once (a deadline warning), so a person gets each only once.</summary>
    public string? OnceKey { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? ReadAt { get; private set; }

    public NotificationEmailState EmailState { get; set; } = NotificationEmailState.Pending;
    public required DateTime EmailDueAt { get; set; }
    public DateTime? EmailedAt { get; set; }
    public Guid? OutboxMessageId { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    public bool IsRead => ReadAt is not null;
}

/// <summary>A person's choice of email for one kind of notification; a kind with no row is emailed immediately.</summary>
public sealed class NotificationPreference
{
    public required Guid UserAccountId { get; init; }
    public required NotificationKind Kind { get; init; }
    public required EmailFrequency Frequency { get; set; }
}

public static class NotificationTerms
{
    public static string ToDisplayName(this NotificationKind kind) => kind switch
    {
        NotificationKind.ConcernRaised => "A concern, or a request to correct your words or erase a record, is raised for you or your organisation to answer",
        NotificationKind.ConcernUpdated => "A concern you raised or own changes",
        NotificationKind.ConcernOverdue => "A concern is overdue and has gone to a lead",
        NotificationKind.Messages => "A new message in a conversation you are part of",
        NotificationKind.Commitments => "Commitments: new, delivered or disputed",
        NotificationKind.Meetings => "Meetings and meeting records",
        NotificationKind.StatutoryDeadlines => "Statutory dates that are close or missed",
        NotificationKind.Plans => "Support plans: shared with you, answered, agreed or reviewed",
        NotificationKind.YourData => "Your data: a download you asked for is ready, a request to correct words or erase a record is answered, or someone opened a record under emergency access",
        _ => kind.ToString(),
    };

    public static string ToDisplayName(this EmailFrequency frequency) => frequency switch
    {
        EmailFrequency.Immediately => "Straight away",
        EmailFrequency.DailyDigest => "In a daily email",
        EmailFrequency.WeeklyDigest => "In a weekly email",
        EmailFrequency.Off => "Do not email me",
        _ => frequency.ToString(),
    };

    /// <summary>Statutory deadline warnings cannot be turned off; nor can anything about an urgent concern.</summary>
    public static bool CanBeTurnedOff(this NotificationKind kind) => kind != NotificationKind.StatutoryDeadlines;
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(n => n.Title).HasMaxLength(Notification.MaxTextLength);
        e.Property(n => n.EmailLine).HasMaxLength(Notification.MaxTextLength);
        e.Property(n => n.Link).HasMaxLength(300);
        e.Property(n => n.OnceKey).HasMaxLength(200);
        // Checked when the delivery job saves, so an instance whose lease was taken over sends nothing.
        e.Property(n => n.LeaseOwner).HasMaxLength(100).IsConcurrencyToken();
        e.HasOne<UserAccount>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
        e.HasIndex(n => new { n.RecipientUserId, n.ReadAt });
        e.HasIndex(n => new { n.EmailState, n.EmailDueAt });
        e.HasIndex(n => new { n.RecipientUserId, n.OnceKey }).IsUnique();
        // Jobs look up which warnings have already gone, by key.
        e.HasIndex(n => n.OnceKey);
        // A child's download and erasure find the notifications about the child.
        e.HasIndex(n => n.ChildId);
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> e)
    {
        e.HasKey(p => new { p.UserAccountId, p.Kind });
        e.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.UserAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
