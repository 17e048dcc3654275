using CommonGround.Core.Data;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Commitments;

/// <summary>
/// Evidence that provision happened on a day, or that it was missed and why. The family can confirm it or dispute it;
/// a dispute stays open, on both sides, until the owner answers it. A record made in error is set aside, never deleted.
/// </summary>
public sealed class DeliveryRecord : IVersioned
{
    public const int MaxNoteLength = 2000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid CommitmentId { get; init; }
    public required Guid ChildId { get; init; }
    public required DateOnly Date { get; init; }
    public required bool Delivered { get; init; }
    /// <summary>For a delivery: how much, in the commitment's unit (1 for a one-off).</summary>
    public decimal Quantity { get; init; }
    public int? DurationMinutes { get; init; }
    /// <summary>Who gave it, e.g. "Sam Okafor, speech and language therapist".</summary>
    public string? DeliveredBy { get; init; }
    public MissedReason? MissedReason { get; init; }
    public string? Note { get; init; }
    public required Guid RecordedByUserId { get; init; }
    public required string RecordedByName { get; init; }
    public required DateTime RecordedAt { get; init; }

    public FamilyResponse FamilyResponse { get; private set; } = FamilyResponse.None;
    public string? FamilyComment { get; private set; }
    public string? FamilyRespondedByName { get; private set; }
    public DateTime? FamilyRespondedAt { get; private set; }
    public DateTime? DisputeResolvedAt { get; private set; }
    public string? DisputeResolvedByName { get; private set; }
    public string? Resolution { get; private set; }
    public DateTime? SetAsideAt { get; private set; }
    public int Version { get; private set; }

    public bool IsDisputeOpen => FamilyResponse == FamilyResponse.Disputed && DisputeResolvedAt is null;

    /// <summary>What this record adds to its commitment's totals as it stands now.</summary>
    public DeliveryTally Tally => new(Delivered && SetAsideAt is null ? Quantity : 0, IsDisputeOpen ? 1 : 0);

    public void Respond(FamilyResponse response, string? comment, string byName, DateTime now)
    {
        FamilyResponse = response;
        FamilyComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        FamilyRespondedByName = byName;
        FamilyRespondedAt = now;
        DisputeResolvedAt = null;
        DisputeResolvedByName = null;
        Resolution = null;
        Version++;
    }

    /// <summary>The owner answers a dispute; when the family was right, the record no longer counts.</summary>
    public void ResolveDispute(string resolution, bool setAside, string byName, DateTime now)
    {
        DisputeResolvedAt = now;
        DisputeResolvedByName = byName;
        Resolution = resolution.Trim();
        if (setAside)
        {
            SetAsideAt ??= now;
        }

        Version++;
    }
}

public sealed class DeliveryRecordConfiguration : IEntityTypeConfiguration<DeliveryRecord>
{
    public void Configure(EntityTypeBuilder<DeliveryRecord> e)
    {
        e.Property(d => d.Quantity).HasPrecision(9, 2);
        e.Property(d => d.DeliveredBy).HasMaxLength(200);
        e.Property(d => d.Note).HasMaxLength(DeliveryRecord.MaxNoteLength);
        e.Property(d => d.RecordedByName).HasMaxLength(200);
        e.Property(d => d.FamilyComment).HasMaxLength(DeliveryRecord.MaxNoteLength);
        e.Property(d => d.FamilyRespondedByName).HasMaxLength(200);
        e.Property(d => d.DisputeResolvedByName).HasMaxLength(200);
        e.Property(d => d.Resolution).HasMaxLength(DeliveryRecord.MaxNoteLength);
        e.HasOne<Commitment>().WithMany().HasForeignKey(d => d.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(d => new { d.CommitmentId, d.Date });
        e.HasIndex(d => new { d.ChildId, d.FamilyResponse });
    }
}
