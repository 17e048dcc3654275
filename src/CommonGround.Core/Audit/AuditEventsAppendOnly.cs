using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommonGround.Core.Audit;

/// <summary>
/// Refuses any save that would change or remove an audit event, however the database context was made. The database
/// refuses it too (see the migration that makes the table append-only); this says why before a statement is sent.
/// </summary>
public sealed class AuditEventsAppendOnly : SaveChangesInterceptor
{
    public static AuditEventsAppendOnly Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Refuse(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refuse(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Refuse(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.DetectedFor<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit events are append-only: they can be added but never changed or removed.");
        }
    }
}
