using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.DataRights;

/// <summary>The file of a download as it is handed over.</summary>
public sealed record DownloadedRecord(string FileName, byte[] Bytes);

/// <summary>
/// The right of access: a family asks for everything held about their child, or anyone for everything held about
/// themself; the service puts it together in the background (<see cref="RecordExportJob"/>) and tells them, and they
/// download it once within <see cref="RecordExport.DaysKept"/> days. Asking, the file being ready and the download are
/// each audited: a child's in the child's chronology, a person's own against their account.
/// </summary>
public sealed class RecordExportService(
    CommonGroundDbContext db, ChildRecordReader childReader, PersonRecordReader personReader, ChildReadLog readLog, Notifier notifier, TimeProvider timeProvider)
{
    public const int ListedDownloads = 10;

    /// <summary>The person's own recent downloads of this child's record (or, with no child, of their own data), newest first.</summary>
    public Task<List<RecordExport>> ListAsync(Child? child, Guid userId) =>
        db.RecordExports.AsNoTracking().Where(e => e.ChildId == (child == null ? null : child.Id) && e.RequestedByUserId == userId)
            .OrderByDescending(e => e.RequestedAt).Take(ListedDownloads).ToListAsync();

    public async Task<Result<RecordExport>> RequestAsync(ChildAccess childAccess, UserActor actor) =>
        childAccess.Can(Capability.ExportRecord) ? await AskAsync(childAccess.Child, actor) : new NotAllowedToDownload();

    /// <summary>A person asks for everything held about themself.</summary>
    public Task<Result<RecordExport>> RequestOwnAsync(UserActor actor) => AskAsync(null, actor);

    private async Task<Result<RecordExport>> AskAsync(Child? child, UserActor actor)
    {
        if (await db.RecordExports.AnyAsync(e => e.ChildId == (child == null ? null : child.Id) && e.RequestedByUserId == actor.UserId && e.Status == RecordExportStatus.Preparing))
        {
            return new DownloadAlreadyPreparing();
        }

        var now = timeProvider.UtcNow();
        var export = new RecordExport { ChildId = child?.Id, AreaId = child?.AreaId, RequestedByUserId = actor.UserId, RequestedByName = actor.Name, RequestedAt = now };
        db.RecordExports.Add(export);
        db.AuditEvents.Add(Event(actor, child, actor.UserId, now, AuditActions.RecordDownloadRequested,
            $"{actor.Name} asked for a download of everything held about {child?.KnownAs ?? "themself"}"));
        await db.SaveChangesAsync();
        return export;
    }

    /// <summary>
    /// Hands over a ready download to the person who asked for it, once: the file is deleted as it is taken, in the same
    /// transaction as the audit event, so a second request (or a second tab) finds it gone.
    /// </summary>
    public async Task<Result<DownloadedRecord>> DownloadAsync(Child? child, Guid exportId, UserActor actor)
    {
        var childId = child?.Id;
        var now = timeProvider.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var taken = await db.RecordExports
            .Where(e => e.Id == exportId && e.ChildId == childId && e.RequestedByUserId == actor.UserId && e.Status == RecordExportStatus.Ready && e.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, RecordExportStatus.Downloaded).SetProperty(e => e.DownloadedAt, now));
        if (taken == 0)
        {
            var export = await db.RecordExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == exportId && e.ChildId == childId && e.RequestedByUserId == actor.UserId);
            return export?.StatusAt(now) switch
            {
                null => new DownloadNotFound(),
                RecordExportStatus.Preparing => new DownloadNotReady(),
                RecordExportStatus.Downloaded => new DownloadAlreadyTaken(),
                RecordExportStatus.Failed => new DownloadFailed(),
                _ => new DownloadExpired(),
            };
        }

        var file = await db.RecordExportFiles.AsNoTracking().Where(f => f.ExportId == exportId).Select(f => f.Bytes).SingleAsync();
        var (fileName, children) = await db.RecordExports.Where(e => e.Id == exportId).Select(e => new ValueTuple<string?, string?>(e.FileName, e.ChildrenShown)).SingleAsync();
        // A person's own download may hold what they wrote on children's records: each such child's family sees it was read.
        readLog.SawEach(RecordExport.ParseChildren(children), "What they wrote on the record, in a download of their own data");
        await db.RecordExportFiles.Where(f => f.ExportId == exportId).ExecuteDeleteAsync();
        db.AuditEvents.Add(Event(actor, child, actor.UserId, now, AuditActions.RecordDownloaded,
            $"{actor.Name} downloaded everything held about {child?.KnownAs ?? "themself"}"));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new DownloadedRecord(fileName ?? "record.zip", file);
    }

    /// <summary>
    /// Puts one download together from what the person may see now (sharing may have changed since they asked), stores
    /// the file and tells them. Someone who has lost the right to a child's record in between gets nothing.
    /// </summary>
    public async Task BuildAsync(RecordExport export, AccessService access, CancellationToken cancellationToken)
    {
        var now = timeProvider.UtcNow();
        RecordContents contents;
        ExportFor about;
        Child? child = null;
        if (export.ChildId is { } childId)
        {
            var childAccess = await access.GetAsync(childId, export.RequestedByUserId);
            if (childAccess is null || !childAccess.Can(Capability.ExportRecord))
            {
                export.Refuse();
                var refused = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, cancellationToken);
                db.AuditEvents.Add(Event(Actor.System, refused, export.RequestedByUserId, now, AuditActions.RecordDownloadFailed,
                    $"A download for {export.RequestedByName} was not prepared: they no longer have the right to it"));
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            child = childAccess.Child;
            contents = await childReader.ReadAsync(childAccess, cancellationToken);
            about = ExportFor.Child(child, export.RequestedByName, now, childAccess.SharedAreas);
        }
        else
        {
            contents = await personReader.ReadAsync(export.RequestedByUserId, cancellationToken);
            about = ExportFor.Person(export.RequestedByUserId, export.RequestedByName, now);
        }

        using var output = new MemoryStream();
        RecordExportWriter.Write(output, about, contents);
        var name = child is null ? export.RequestedByName : $"{child.KnownAs}-{child.LastName}";
        var fileName = $"{ChildRecordReader.SafeFileName(name)}-{(child is null ? "data" : "record")}-{now.ToUkDate():yyyy-MM-dd}.zip".ToLowerInvariant();
        db.RecordExportFiles.Add(new RecordExportFile { ExportId = export.Id, Bytes = output.ToArray() });
        export.MarkReady(fileName, output.Length, now, contents.ChildrenShown);
        db.AuditEvents.Add(Event(Actor.System, child, export.RequestedByUserId, now, AuditActions.RecordDownloadReady,
            $"A download of everything held about {child?.KnownAs ?? export.RequestedByName} is ready for {export.RequestedByName}"));
        await notifier.NotifyAsync(export.RequestedByUserId, NotificationKind.YourData,
            child is null ? "Everything held about you is ready to download" : $"Everything held about {child.KnownAs} is ready to download",
            $"The download you asked for is ready. You can download it once, until {UkDates.Date(export.ExpiresAt!.Value)}.",
            DownloadPage(child), child?.Id, mandatory: true);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A build failed; after the last attempt the person is told, so they are not left waiting.</summary>
    public async Task AttemptFailedAsync(Guid exportId, CancellationToken cancellationToken)
    {
        var export = await db.RecordExports.SingleAsync(e => e.Id == exportId, cancellationToken);
        if (export.AttemptFailed())
        {
            var child = export.ChildId is { } childId ? await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, cancellationToken) : null;
            db.AuditEvents.Add(Event(Actor.System, child, export.RequestedByUserId, timeProvider.UtcNow(), AuditActions.RecordDownloadFailed,
                $"A download for {export.RequestedByName} could not be prepared"));
            await notifier.NotifyAsync(export.RequestedByUserId, NotificationKind.YourData,
                child is null ? "The download of your data could not be prepared" : $"The download of {child.KnownAs}'s record could not be prepared",
                "A download you asked for could not be prepared. Please try again, or contact the service if it happens again.",
                DownloadPage(child), child?.Id, mandatory: true);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ready downloads nobody took within their days: the files go, and the list says they expired.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.UtcNow();
        var expired = db.RecordExports.Where(e => e.Status == RecordExportStatus.Ready && e.ExpiresAt <= now).Select(e => e.Id);
        await db.RecordExportFiles.Where(f => expired.Contains(f.ExportId)).ExecuteDeleteAsync(cancellationToken);
        return await db.RecordExports.Where(e => e.Status == RecordExportStatus.Ready && e.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, RecordExportStatus.Expired), cancellationToken);
    }

    /// <summary>Where the person asked for it, and where they take it from.</summary>
    public static string DownloadPage(Child? child) => child is null ? AccountDownloadPage : ChildLinks.Download(child.Id);

    public const string AccountDownloadPage = "/account/download";

    /// <summary>
    /// A child's download is about the record as a whole and is the family's own business, so it belongs to no one part;
    /// a person's own download is about their account.
    /// </summary>
    private static AuditEvent Event(Actor actor, Child? child, Guid userId, DateTime now, string action, string summary) => child is null
        ? AuditEvent.For(actor, now, action, "Account", userId, summary)
        : AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(action, null, summary, new ChangeSubject.WholeRecord()));
}
