using CommonGround.Core.Access;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Team;

public enum AccessRequestStatus
{
    Pending,
    Granted,
    Declined,
}

/// <summary>A team member asks the family to see a part of the record they cannot see yet; the family answers.</summary>
public sealed class AccessRequest
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid TeamMemberId { get; init; }
    public required RecordArea Area { get; init; }
    public required string Reason { get; init; }
    public required Guid RequestedByUserId { get; init; }
    public required string RequestedByName { get; init; }
    public required DateTime RequestedAt { get; init; }
    public AccessRequestStatus Status { get; private set; } = AccessRequestStatus.Pending;
    public DateTime? AnsweredAt { get; private set; }
    public Guid? AnsweredByUserId { get; private set; }

    public void Answer(bool granted, Guid userId, DateTime now)
    {
        Status = granted ? AccessRequestStatus.Granted : AccessRequestStatus.Declined;
        AnsweredAt = now;
        AnsweredByUserId = userId;
    }
}

public sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> e)
    {
        e.Property(r => r.Reason).HasMaxLength(AccessRequest.MaxReasonLength);
        e.Property(r => r.RequestedByName).HasMaxLength(200);
        // An answer is written only over a request still waiting: of two family members answering at once, one is kept.
        e.Property(r => r.Status).IsConcurrencyToken();
        e.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TeamMember>().WithMany().HasForeignKey(r => r.TeamMemberId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.ChildId, r.Status });
    }
}
