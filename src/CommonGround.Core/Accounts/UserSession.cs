using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Accounts;

/// <summary>
/// One signed-in browser. The cookie carries only this session's key, so ending the session here (signing out,
/// a changed password, a deactivated account, "sign out of other devices") ends it at once on every instance.
/// </summary>
public sealed class UserSession
{
    public const int DeviceMaxLength = 300;

    public Guid Id { get; init; } = Ids.New();
    public required Guid UserAccountId { get; init; }
    /// <summary>The sign-in ticket, as the cookie handler serialises it.</summary>
    public required byte[] Ticket { get; set; }
    public required DateTime SignedInAt { get; init; }
    public required DateTime LastUsedAt { get; set; }
    public required DateTime ExpiresAt { get; set; }
    /// <summary>The browser's own description of itself, shown to the person as a browser and device.</summary>
    public string? UserAgent { get; init; }
    public string? IpAddress { get; init; }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> e)
    {
        e.Property(s => s.UserAgent).HasMaxLength(UserSession.DeviceMaxLength);
        e.Property(s => s.IpAddress).HasMaxLength(64);
        e.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => s.UserAccountId);
        e.HasIndex(s => s.ExpiresAt);
    }
}
