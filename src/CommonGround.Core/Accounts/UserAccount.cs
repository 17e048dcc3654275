using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Accounts;

/// <summary>A person who can sign in. What they can reach comes from their relationships, never from the account alone.</summary>
public sealed class UserAccount : IdentityUser<Guid>
{
    public UserAccount()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public required string DisplayName { get; set; }
    public required AccountKind Kind { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>The 30-second step of the last authenticator code accepted: a code is never accepted twice.</summary>
    public long? LastTotpStep { get; set; }
}

public sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> e)
    {
        e.ToTable("user_accounts");
        e.Property(u => u.DisplayName).HasMaxLength(200);
    }
}
