using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Documents;

/// <summary>
/// Where the files themselves are kept. Whatever keeps them, a file is saved in the same save as its document's record,
/// or not at all, and taking a document out takes its file with it.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Adds the file to the unit of work that saves <paramref name="document"/>; nothing is written until it saves.</summary>
    void Stage(Document document, byte[] bytes);

    /// <summary>The file, or null if it was taken out.</summary>
    Task<byte[]?> ReadAsync(Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Adds the file's removal to the unit of work that marks its document as taken out.</summary>
    Task StageRemovalAsync(Guid documentId, CancellationToken cancellationToken = default);
}

/// <summary>Files kept in the database beside their records: one transaction for both, on SQLite and PostgreSQL alike.</summary>
public sealed class DatabaseDocumentStore(CommonGroundDbContext db) : IDocumentStore
{
    public void Stage(Document document, byte[] bytes) => db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, Bytes = bytes });

    public async Task<byte[]?> ReadAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        await db.DocumentContents.AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Bytes).SingleOrDefaultAsync(cancellationToken);

    public async Task StageRemovalAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        if (await db.DocumentContents.SingleOrDefaultAsync(c => c.DocumentId == documentId, cancellationToken) is { } content)
        {
            db.DocumentContents.Remove(content);
        }
    }
}
