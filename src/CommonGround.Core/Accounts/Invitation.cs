using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using CommonGround.Core.Children;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Accounts;

public enum InvitationKind
{
    /// <summary>To join an organisation as a member of staff.</summary>
    Staff,
    /// <summary>To join a child's family on the service, e.g. a second parent carer.</summary>
    Family,
    /// <summary>For a professional to join the team around a child, seeing the areas the family chose.</summary>
    Team,
}

public enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}

/// <summary>
/// A single-use invitation to join an organisation as staff, or a child's family. Only a hash of the token
/// is stored, so a copy of the database cannot be used to accept one.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; init; } = Ids.New();
    public required InvitationKind Kind { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required Guid AreaId { get; init; }
    /// <summary>For staff: the organisation they join, their job title and whether they administer it.</summary>
    public Guid? OrganisationId { get; init; }
    public string? JobTitle { get; init; }
    public bool AsOrganisationAdmin { get; init; }
    /// <summary>For family: the child whose family they join, and how they are related.</summary>
    public Guid? ChildId { get; init; }
    public FamilyRelationship? Relationship { get; init; }
    /// <summary>For a team place: the record areas the family chose to share, from when and until when (if they set dates).</summary>
    public string? SharedAreas { get; init; }
    public DateOnly? ShareFrom { get; init; }
    public DateOnly? ShareUntil { get; init; }
    public required string TokenHash { get; init; }
    public required Guid InvitedByUserId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public DateTime? AcceptedAt { get; private set; }
    public Guid? AcceptedByUserId { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public InvitationStatus StatusAt(DateTime now) =>
        AcceptedAt is not null ? InvitationStatus.Accepted
        : RevokedAt is not null ? InvitationStatus.Revoked
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Pending;

    /// <summary>The same rule as <see cref="StatusAt"/> being Pending, for database queries.</summary>
    public static Expression<Func<Invitation, bool>> PendingAt(DateTime now) =>
        i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now;

    public void Accept(Guid userId, DateTime now)
    {
        if (StatusAt(now) != InvitationStatus.Pending)
        {
            throw new InvalidOperationException($"Invitation {Id} is {StatusAt(now)} and cannot be accepted.");
        }

        AcceptedAt = now;
        AcceptedByUserId = userId;
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.Property(i => i.Email).HasMaxLength(256);
        e.Property(i => i.DisplayName).HasMaxLength(200);
        e.Property(i => i.JobTitle).HasMaxLength(200);
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasIndex(i => i.OrganisationId);
        e.HasIndex(i => i.ChildId);
        e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Child>().WithMany().HasForeignKey(i => i.ChildId).OnDelete(DeleteBehavior.Restrict);
    }
}
