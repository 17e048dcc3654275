using CommonGround.Core.Children;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommonGround.Core.Access;

/// <summary>
/// Writes the access log for many responses in one transaction. Each response hands over its rows and waits until they
/// are stored, so no page is sent whose reads are not logged; but the responses being sent at the same moment share
/// one write, instead of each waiting its turn for the database's write lock. Rows that fail are written again response
/// by response, so one bad row fails only its own response. A visit to a child's overview, which "what is new" counts
/// from, is stored the same way.
/// </summary>
public sealed class AccessLogWriter(IServiceScopeFactory scopes, ILogger<AccessLogWriter> logger)
    : WorkDoneTogether<AccessLogWriter.Response>(MostResponsesAtOnce)
{
    /// <summary>The most responses' rows written together.</summary>
    public const int MostResponsesAtOnce = 200;

    /// <summary>One response's rows, and its visit to a child's overview if it is one.</summary>
    public sealed record Response(IReadOnlyList<AccessLogEntry> Rows, ChildVisit? Visit);

    /// <summary>Returns once the rows (and the visit, if any) are stored; throws if they could not be.</summary>
    public Task WriteAsync(IReadOnlyList<AccessLogEntry> rows, ChildVisit? visit, CancellationToken cancellationToken) =>
        rows.Count == 0 && visit is null ? Task.CompletedTask : DoTogetherAsync(new Response(rows, visit), cancellationToken);

    protected override Task DoAsync(IReadOnlyList<Response> parts) =>
        StoreAsync(parts.SelectMany(r => r.Rows).ToList(), parts.Where(r => r.Visit is not null).Select(r => r.Visit!).ToList());

    protected override void TogetherFailed(Exception exception, int parts) =>
        logger.LogWarning(exception, "Writing {Count} responses' views together failed; writing them one by one", parts);

    private async Task StoreAsync(IReadOnlyList<AccessLogEntry> rows, IReadOnlyList<ChildVisit> visits)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        // Responses reach the queue in any order, so a mark only ever moves later.
        var marks = visits.GroupBy(v => (v.UserAccountId, v.ChildId)).Select(g => g.MaxBy(v => v.LastViewedAt)!).ToList();
        // A round below the copy size is one batch (one round trip on PostgreSQL), each view placed by the database; a
        // bigger one is copied in, each view placed in memory from one look at its child's latest stored view.
        if (rows.Count < BulkInsert.CopyFrom)
        {
            await AccessLogStatements.WriteAsync(db, rows, marks);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await AccessLogVisit.PlaceAsync(db, rows, CancellationToken.None);
        if (!await BulkInsert.AddAsync(db, rows, CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        await AccessLogStatements.WriteAsync(db, [], marks);
        await transaction.CommitAsync();
    }
}
