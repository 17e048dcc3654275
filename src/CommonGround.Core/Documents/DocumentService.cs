using System.Security.Cryptography;
using System.Text;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Documents;

/// <summary>A file someone adds: its title, the part of the record it belongs to, its name and its bytes.</summary>
public sealed record AddDocumentOptions(RecordArea? Part, string? Title, string? FileName, byte[]? Bytes);

/// <summary>Reports and letters kept with a child's record: listing, adding, reading and taking out.</summary>
public sealed class DocumentService(CommonGroundDbContext db, IDocumentStore store, TimeProvider timeProvider)
{
    /// <summary>The parts of the record a document can belong to.</summary>
    public static IReadOnlyList<RecordArea> Parts { get; } = [RecordArea.Education, RecordArea.Health, RecordArea.SocialCare, RecordArea.StatutoryProcess];

    /// <summary>The parts the person may add a document to: those the family shares with them.</summary>
    public static IReadOnlyList<RecordArea> PartsFor(ChildAccess childAccess) =>
        childAccess.Can(Capability.AddDocument) ? Parts.Where(childAccess.CanSee).ToList() : [];

    /// <summary>The documents in the parts the person sees, newest first, with those taken out marked as such.</summary>
    public async Task<IReadOnlyList<Document>> ListAsync(ChildAccess childAccess)
    {
        var parts = Parts.Where(childAccess.CanSee).ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => d.ChildId == childAccess.Child.Id && parts.Contains(d.Part)).ToListAsync();
        return documents.OrderByDescending(d => d.AddedAt).ToList();
    }

    public async Task<Document?> GetAsync(ChildAccess childAccess, Guid documentId) =>
        await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.ChildId == childAccess.Child.Id) is { } document && childAccess.CanSee(document.Part)
            ? document
            : null;

    /// <summary>The document and its file, for someone who sees its part, while it has not been taken out.</summary>
    public async Task<(Document Document, byte[] Bytes)?> OpenAsync(ChildAccess childAccess, Guid documentId) =>
        await GetAsync(childAccess, documentId) is { IsRemoved: false } document && await store.ReadAsync(documentId) is { } bytes
            ? (document, bytes)
            : null;

    /// <summary>Keeps the file with the record, after checking what it is by its content; nothing is kept if anything is wrong.</summary>
    public async Task<Result<Document>> AddAsync(ChildAccess childAccess, AddDocumentOptions options, UserActor actor)
    {
        if (!childAccess.Can(Capability.AddDocument))
        {
            return new NotAllowedToAddDocument();
        }

        if (options.Part is not { } part || !PartsFor(childAccess).Contains(part))
        {
            return new DocumentPartNotAllowed();
        }

        if (string.IsNullOrWhiteSpace(options.Title))
        {
            return new DocumentTitleMissing();
        }

        if (options.Title.Trim().Length > Document.MaxTitleLength)
        {
            return new TextTooLong("Title", Document.MaxTitleLength);
        }

        if (options.Bytes is null)
        {
            return new DocumentFileMissing();
        }

        if (options.Bytes.Length == 0)
        {
            return new DocumentEmpty();
        }

        if (options.Bytes.Length > DocumentTypes.MaxBytes)
        {
            return new DocumentTooLarge();
        }

        if (DocumentTypes.Detect(options.Bytes) is not { } type)
        {
            return new DocumentTypeNotAccepted();
        }

        var now = timeProvider.UtcNow();
        var document = new Document
        {
            ChildId = childAccess.Child.Id, AreaId = childAccess.Child.AreaId, Part = part, Title = options.Title.Trim(), FileName = SafeFileName(options.FileName, type),
            Type = type, SizeBytes = options.Bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(options.Bytes)),
            AddedByUserId = actor.UserId, AddedByName = actor.Name, AddedByFamily = childAccess.IsFamily, AddedAt = now,
        };
        db.Documents.Add(document);
        store.Stage(document, options.Bytes);
        db.AuditEvents.Add(Changed(actor, document, now, AuditActions.DocumentAdded, $"Added the document \"{document.Title}\""));
        await db.SaveChangesAsync();
        return document;
    }

    /// <summary>Takes a document out: its file goes, and the record keeps that it was there, who added it and who took it out.</summary>
    public async Task<Result<Document>> RemoveAsync(ChildAccess childAccess, Guid documentId, UserActor actor)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.ChildId == childAccess.Child.Id);
        if (document is null || !childAccess.CanSee(document.Part) || document.IsRemoved)
        {
            return new DocumentNotFound();
        }

        if (!document.MayBeRemovedBy(actor.UserId))
        {
            return new DocumentNotYours();
        }

        var now = timeProvider.UtcNow();
        document.Remove(actor.Name, now);
        await store.StageRemovalAsync(documentId);
        db.AuditEvents.Add(Changed(actor, document, now, AuditActions.DocumentRemoved, $"Took out the document \"{document.Title}\""));
        await db.SaveChangesAsync();
        return document;
    }

    /// <summary>
    /// The name a download is offered as: the name it was added with, without any folder, control character or
    /// character a file system would refuse, ending in the extension of what the file really is.
    /// </summary>
    public static string SafeFileName(string? name, DocumentType type)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '\\', '/', ':', '*', '?', '<', '>', '|']).ToHashSet();
        var bare = Path.GetFileNameWithoutExtension((name ?? "").Replace('\\', '/').Split('/')[^1]);
        var clean = new StringBuilder();
        foreach (var c in bare.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsControl(c) || invalid.Contains(c) ? '-' : c);
        }

        var stem = clean.ToString().Trim(' ', '.', '-');
        stem = stem.Length == 0 ? "document" : stem[..Math.Min(stem.Length, Document.MaxFileNameLength - 10)];
        return stem + type.Extension();
    }

    private static AuditEvent Changed(Actor actor, Document document, DateTime at, string action, string summary) =>
        AuditEvent.ForChild(actor, document.ChildId, document.AreaId, at, new ChildChange(action, document.Part, summary, new ChangeSubject.Document(document.Id)));
}
