using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Notifications;

/// <summary>
/// An email waiting to go, written in the same transaction as the change it reports.
/// A delivery job claims it with a lease, so several app instances never send it twice.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;

    public Guid Id { get; init; } = Ids.New();
    public required string ToAddress { get; init; }
    public required string ToName { get; init; }
    public required string Subject { get; init; }
    public required string BodyText { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>One text attachment, e.g. a calendar invitation; none when the name is empty.</summary>
    public string? AttachmentFileName { get; set; }
    public string? AttachmentContentType { get; set; }
    public string? AttachmentText { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>Set when the message can never be delivered and nobody should try again.</summary>
    public DateTime? AbandonedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>Back-off after a failed attempt: 1, 2, 4, 8 ... minutes, capped at 2 hours.</summary>
    public static TimeSpan RetryDelayAfter(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(120, Math.Pow(2, Math.Max(0, attempts - 1))));

    public void MarkSent(DateTime now)
    {
        SentAt = now;
        LeaseOwner = null;
        LeaseExpiresAt = null;
        LastError = null;
    }

    public void MarkFailed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        LeaseOwner = null;
        LeaseExpiresAt = null;
        if (Attempts >= MaxAttempts)
        {
            AbandonedAt = now;
        }
        else
        {
            NextAttemptAt = now + RetryDelayAfter(Attempts);
        }
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.Property(m => m.ToAddress).HasMaxLength(256);
        e.Property(m => m.ToName).HasMaxLength(200);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.Property(m => m.LeaseOwner).HasMaxLength(100);
        e.Property(m => m.AttachmentFileName).HasMaxLength(200);
        e.Property(m => m.AttachmentContentType).HasMaxLength(100);
        e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
