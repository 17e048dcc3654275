using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Accounts;

/// <summary>A person who can sign in. What they can reach comes from their relationships, never from the account alone.</summary>
public sealed class UserAccount : IdentityUser<Guid>
{
    public UserAccount()
    {
        Id = Ids.New();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public required string DisplayName { get; set; }
    public required AccountKind Kind { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>The 30-second step of the last authenticator code accepted: a code is never accepted twice.</summary>
    public long? LastTotpStep { get; set; }

    /// <summary>When the person last signed in; none if they never have since this was recorded, when their account's creation counts instead.</summary>
    public DateTime? LastSignedInAt { get; set; }

    /// <summary>The email telling the person their unused account will be deleted, while that warning stands. Signing in withdraws it.</summary>
    public Guid? DeletionWarningId { get; set; }

    /// <summary>
    /// When the account was deleted, if it had to keep its name: its owner's work is still in a child's record, which
    /// shows who did it. Everything else about the person is gone and nobody can sign in with it.
    /// </summary>
    public DateTime? DeletedAt { get; set; }
}

public sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> e)
    {
        e.ToTable("user_accounts");
        e.Property(u => u.DisplayName).HasMaxLength(200);
    }
}
