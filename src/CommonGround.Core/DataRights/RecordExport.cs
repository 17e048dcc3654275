using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.DataRights;

public enum RecordExportStatus
{
    /// <summary>Asked for; the background job has not finished putting it together.</summary>
    Preparing,
    Ready,
    Downloaded,
    /// <summary>Not downloaded within the days it was kept; the file is gone.</summary>
    Expired,
    /// <summary>It could not be put together, or the person no longer has the right to it.</summary>
    Failed,
}

/// <summary>
/// A download a person asked for under their right of access: everything held about a child in their family, or, with
/// no child, everything held about themself. It is put together in the background, kept for <see cref="DaysKept"/>
/// days, and can be downloaded once: the file goes as it is taken, so no copy waits in the service longer than it must.
/// </summary>
public sealed class RecordExport
{
    public const int DaysKept = 7;
    public const int MaxAttempts = 3;

    public Guid Id { get; init; } = Ids.New();
    /// <summary>The child whose record it holds, or none for a person's download of their own data.</summary>
    public Guid? ChildId { get; init; }
    public Guid? AreaId { get; init; }
    public required Guid RequestedByUserId { get; init; }
    public required string RequestedByName { get; init; }
    public required DateTime RequestedAt { get; init; }
    public RecordExportStatus Status { get; private set; } = RecordExportStatus.Preparing;
    public DateTime? ReadyAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? DownloadedAt { get; private set; }
    public string? FileName { get; private set; }
    public long? SizeBytes { get; private set; }
    /// <summary>For a person's own download, the children whose records it shows parts of (what they wrote), as stored ids.</summary>
    public string? ChildrenShown { get; private set; }
    public int Attempts { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseExpiresAt { get; private set; }

    /// <summary>The status as of <paramref name="now"/>: a ready file past its last day reads as expired before the job tidies it.</summary>
    public RecordExportStatus StatusAt(DateTime now) =>
        Status == RecordExportStatus.Ready && ExpiresAt <= now ? RecordExportStatus.Expired : Status;

    public void MarkReady(string fileName, long sizeBytes, DateTime now, IReadOnlyCollection<Guid>? childrenShown = null)
    {
        ChildrenShown = childrenShown is { Count: > 0 } ? string.Join(',', childrenShown) : null;
        (Status, ReadyAt, ExpiresAt, FileName, SizeBytes) = (RecordExportStatus.Ready, now, now.AddDays(DaysKept), fileName, sizeBytes);
        (LeaseOwner, LeaseExpiresAt) = (null, null);
    }

    public static IReadOnlyList<Guid> ParseChildren(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    /// <summary>For the demo's history only: a download taken is otherwise marked in one guarded UPDATE (see <see cref="RecordExportService"/>).</summary>
    internal void MarkDownloaded(DateTime at) => (Status, DownloadedAt) = (RecordExportStatus.Downloaded, at);

    /// <summary>One attempt failed; after <see cref="MaxAttempts"/> it stops trying and says so. True when it has stopped.</summary>
    public bool AttemptFailed()
    {
        Attempts++;
        (LeaseOwner, LeaseExpiresAt) = (null, null);
        if (Attempts >= MaxAttempts)
        {
            Status = RecordExportStatus.Failed;
        }

        return Status == RecordExportStatus.Failed;
    }

    /// <summary>The person asking no longer has the right to the child's record, so nothing is put together.</summary>
    public void Refuse() => (Status, LeaseOwner, LeaseExpiresAt) = (RecordExportStatus.Failed, null, null);
}

/// <summary>The file of a ready download, kept apart so lists of downloads never read it.</summary>
public sealed class RecordExportFile
{
    public required Guid ExportId { get; init; }
    public required byte[] Bytes { get; init; }
}

public sealed class RecordExportConfiguration : IEntityTypeConfiguration<RecordExport>
{
    public void Configure(EntityTypeBuilder<RecordExport> e)
    {
        e.Property(x => x.RequestedByName).HasMaxLength(200);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.LeaseOwner).HasMaxLength(100);
        e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RequestedByUserId, x.ChildId });
        e.HasIndex(x => x.Status);
    }
}

public sealed class RecordExportFileConfiguration : IEntityTypeConfiguration<RecordExportFile>
{
    public void Configure(EntityTypeBuilder<RecordExportFile> e)
    {
        e.HasKey(x => x.ExportId);
        e.HasOne<RecordExport>().WithOne().HasForeignKey<RecordExportFile>(x => x.ExportId).OnDelete(DeleteBehavior.Cascade);
    }
}
