using System.Threading.Channels;
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
public sealed class AccessLogWriter : IAsyncDisposable
{
    /// <summary>The most responses' rows written together.</summary>
    public const int MostResponsesAtOnce = 200;

    private readonly Channel<Waiting> _queue = Channel.CreateBounded<Waiting>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<AccessLogWriter> _logger;
    private readonly Task _writing;

    public AccessLogWriter(IServiceScopeFactory scopes, ILogger<AccessLogWriter> logger)
    {
        (_scopes, _logger) = (scopes, logger);
        _writing = Task.Run(WriteQueuedAsync);
    }

    private sealed record Waiting(IReadOnlyList<AccessLogEntry> Rows, ChildVisit? Visit, TaskCompletionSource Stored);

    /// <summary>Returns once the rows (and the visit, if any) are stored; throws if they could not be.</summary>
    public async Task WriteAsync(IReadOnlyList<AccessLogEntry> rows, ChildVisit? visit, CancellationToken cancellationToken)
    {
        if (rows.Count == 0 && visit is null)
        {
            return;
        }

        var waiting = new Waiting(rows, visit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(waiting, cancellationToken);
        await waiting.Stored.Task;
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Waiting>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MostResponsesAtOnce && _queue.Reader.TryRead(out var waiting))
            {
                batch.Add(waiting);
            }

            try
            {
                await StoreAsync(batch.SelectMany(w => w.Rows).ToList(), batch.Where(w => w.Visit is not null).Select(w => w.Visit!).ToList());
                batch.ForEach(w => w.Stored.SetResult());
            }
            catch (Exception together) when (batch.Count > 1)
            {
                _logger.LogWarning(together, "Writing {Count} responses' views together failed; writing them one by one", batch.Count);
                foreach (var waiting in batch)
                {
                    await StoreAloneAsync(waiting);
                }
            }
            catch (Exception failed)
            {
                batch[0].Stored.SetException(failed);
            }
        }
    }

    private async Task StoreAloneAsync(Waiting waiting)
    {
        try
        {
            await StoreAsync(waiting.Rows, waiting.Visit is { } visit ? [visit] : []);
            waiting.Stored.SetResult();
        }
        catch (Exception failed)
        {
            waiting.Stored.SetException(failed);
        }
    }

    private async Task StoreAsync(IReadOnlyList<AccessLogEntry> rows, IReadOnlyList<ChildVisit> visits)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await AccessLogVisit.PlaceAsync(db, rows, CancellationToken.None);
        await BulkInsert.AddAsync(db, rows, CancellationToken.None);
        foreach (var visit in visits.GroupBy(v => (v.UserAccountId, v.ChildId)).Select(g => g.MaxBy(v => v.LastViewedAt)!))
        {
            // Responses reach the queue in any order, so a mark only ever moves later.
            var mark = db.ChildVisits.Where(v => v.UserAccountId == visit.UserAccountId && v.ChildId == visit.ChildId);
            if (await mark.Where(v => v.LastViewedAt < visit.LastViewedAt).ExecuteUpdateAsync(u => u.SetProperty(v => v.LastViewedAt, visit.LastViewedAt)) == 0
                && !await mark.AnyAsync())
            {
                db.ChildVisits.Add(visit);
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Stores what is already queued before the app stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
    }
}
