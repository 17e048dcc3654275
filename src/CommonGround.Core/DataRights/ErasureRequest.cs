using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.DataRights;

public enum ErasureAnswer
{
    /// <summary>Asked, waiting for the local authority to answer.</summary>
    Waiting,
    /// <summary>Agreed: the record is closed as opened by mistake, and erased 30 days later.</summary>
    Erasing,
    /// <summary>Support has ended: the record is closed and kept for as long as the law requires, then erased.</summary>
    ClosedAndKept,
    /// <summary>The record is kept as it is, with the local authority's reasons and how to complain to the ICO.</summary>
    Kept,
}

/// <summary>
/// A family's request to erase their child's record (UK GDPR Article 17). The local authority holds the record and must
/// answer within one month (<see cref="OneMonthClock"/>): erase it, if it should never have been opened; close it and
/// keep it only as long as the law requires, if support has ended; or keep it, saying why.
/// </summary>
public sealed class ErasureRequest
{
    public const int MaxTextLength = 4_000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required string Reason { get; init; }
    public required Guid RequestedByUserId { get; init; }
    public required string RequestedByName { get; init; }
    public required DateTime RequestedAt { get; init; }
    public required DateOnly DueOn { get; init; }

    public ErasureAnswer Answer { get; private set; } = ErasureAnswer.Waiting;
    /// <summary>Why the record is kept, or a note with an erasure.</summary>
    public string? Explanation { get; private set; }
    public Guid? AnsweredByUserId { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    public bool IsWaiting => Answer == ErasureAnswer.Waiting;

    public void Give(ErasureAnswer answer, string? explanation, Guid byUserId, string byName, DateTime now)
    {
        if (!IsWaiting || answer == ErasureAnswer.Waiting)
        {
            throw new InvalidOperationException("This request has already been answered");
        }

        (Answer, Explanation, AnsweredByUserId, AnsweredByName, AnsweredAt) = (answer, explanation, byUserId, byName, now);
    }
}

public sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> e)
    {
        e.Property(x => x.Reason).HasMaxLength(ErasureRequest.MaxTextLength);
        e.Property(x => x.Explanation).HasMaxLength(ErasureRequest.MaxTextLength);
        e.Property(x => x.RequestedByName).HasMaxLength(200);
        e.Property(x => x.AnsweredByName).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ChildId, x.Answer });
    }
}
