using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommonGround.Core.DataRights;

/// <summary>
/// Erases a closed record whose time has come, in one transaction: every row about the child, found from the model
/// rather than listed by hand (anything with the child's id, and anything that hangs from such a row), then the child,
/// then the child's own audit trail, leaving an <see cref="ErasedRecord"/> and one audit event that name no one. The
/// audit log is append-only at the database, except for the events of a child whose erasure is recorded.
/// </summary>
public sealed class RecordErasure(CommonGroundDbContext db, TimeProvider timeProvider)
{
    /// <summary>A kind of row about a child, and how to find them: by the named property, matching the child's id or the keys of the principal rows.</summary>
    private sealed record Step(IEntityType Type, string Property, IEntityType? Principal);

    public async Task<ErasedRecord> EraseAsync(Guid childId, CancellationToken cancellationToken)
    {
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId, cancellationToken);
        if (child.EraseOn is not { } eraseOn || eraseOn > timeProvider.TodayInUk())
        {
            throw new InvalidOperationException("Only a closed record whose retention has ended is erased");
        }

        var now = timeProvider.UtcNow();
        var (found, order) = Plan(db.Model);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Recorded first: the database lets the child's audit events go only once their erasure is on record.
        var erased = new ErasedRecord { ErasedChildId = child.Id, AreaId = child.AreaId, RuleKey = child.ClosedUnderRule!, ClosedOn = child.ClosedOn!.Value, ErasedAt = now, RowsErased = "" };
        db.ErasedRecords.Add(erased);
        await db.SaveChangesAsync(cancellationToken);

        var keys = new Dictionary<IEntityType, List<Guid>>();
        foreach (var step in found.Where(s => order.Any(o => o.Principal == s.Type)))
        {
            keys[step.Type] = await ModelRows.KeysAsync(db, step.Type, step.Property, Values(step, child.Id, keys), cancellationToken);
        }

        var counts = new List<string>();
        foreach (var step in order)
        {
            var rows = await ModelRows.DeleteAsync(db, step.Type, step.Property, Values(step, child.Id, keys), cancellationToken);
            if (rows > 0)
            {
                counts.Add($"{step.Type.GetTableName()}: {rows}");
            }
        }

        var events = await db.AuditEvents.Where(e => e.EntityType == "Child" && e.EntityId == child.Id).ExecuteDeleteAsync(cancellationToken);
        counts.Add($"audit_events: {events}");
        var rule = RetentionSchedule.Find(child.ClosedUnderRule);
        db.Entry(erased).Property(e => e.RowsErased).CurrentValue = string.Join("\n", counts);
        db.AuditEvents.Add(AuditEvent.For(Actor.System, now, AuditActions.RecordErased, nameof(ErasedRecord), erased.Id,
            $"Erased a record closed on {UkDates.Date(erased.ClosedOn)} whose retention ended on {UkDates.Date(eraseOn)}, under the rule \"{rule?.Key ?? child.ClosedUnderRule}\""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return erased;
    }

    private static List<Guid> Values(Step step, Guid childId, Dictionary<IEntityType, List<Guid>> keys) =>
        step.Principal is { } principal ? keys[principal] : [childId];

    /// <summary>
    /// Every kind of row about a child, in the order found (a principal before what hangs from it), and the order to
    /// delete them in (what hangs from a row before the row).
    /// </summary>
    private static (List<Step> Found, List<Step> Order) Plan(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && t.ClrType != typeof(Audit.AuditEvent)).ToList();
        var found = new List<Step> { new(model.FindEntityType(typeof(Child))!, nameof(Child.Id), null) };
        found.AddRange(types.Where(t => t.FindProperty("ChildId") is not null).Select(t => new Step(t, "ChildId", null)));
        bool grew;
        do
        {
            grew = false;
            foreach (var type in types.Where(t => found.All(s => s.Type != t)))
            {
                var link = type.GetForeignKeys().FirstOrDefault(fk => fk.Properties.Count == 1 && found.Any(s => s.Type == fk.PrincipalEntityType)
                    && fk.PrincipalKey.Properties is [{ ClrType: var keyType }] && keyType == typeof(Guid));
                if (link is not null)
                {
                    found.Add(new Step(type, link.Properties[0].Name, link.PrincipalEntityType));
                    grew = true;
                }
            }
        }
        while (grew);

        var order = new List<Step>();
        var visiting = new HashSet<IEntityType>();
        void Visit(Step step)
        {
            if (!visiting.Add(step.Type))
            {
                return;
            }

            foreach (var dependent in found.Where(d => d.Type != step.Type && d.Type.GetForeignKeys().Any(fk => fk.PrincipalEntityType == step.Type)))
            {
                Visit(dependent);
            }

            order.Add(step);
        }

        foreach (var step in found)
        {
            Visit(step);
        }

        return (found, order);
    }
}
