using CommonGround.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Notifications;

/// <summary>A person's own settings for hearing from the service; a person with no row has none set.</summary>
public sealed class NotificationSettings
{
    public required Guid UserAccountId { get; init; }
    public TimeOnly? QuietHoursFrom { get; set; }
    public TimeOnly? QuietHoursUntil { get; set; }

    public QuietHours? QuietHours => QuietHoursFrom is { } from && QuietHoursUntil is { } until && from != until ? new QuietHours(from, until) : null;
}

public sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> e)
    {
        e.HasKey(s => s.UserAccountId);
        e.HasOne<UserAccount>().WithOne().HasForeignKey<NotificationSettings>(s => s.UserAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
