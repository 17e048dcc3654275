using System.Data.Common;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommonGround.Core.Access;

/// <summary>
/// Stores a round of views and overview visits in one batch where the database takes batches, so logging a page costs
/// PostgreSQL one round trip: each view is put in its visit by the database as it is stored (following on from the
/// child's latest stored view, the rule of <see cref="AccessLogEntry.FollowOn"/>), and each visit mark is added or moved
/// later. SQLite, inside the app, runs the same statements one at a time in a transaction. Columns and value conversions
/// come from the model, as for <see cref="BulkInsert"/>.
/// </summary>
public static class AccessLogStatements
{
    private sealed record Statement(string Sql, IReadOnlyList<DbParameter> Parameters);

    /// <summary>Writes the views (in time order, so each can follow the one before) and the marks, all or none.</summary>
    public static async Task WriteAsync(CommonGroundDbContext db, IReadOnlyList<AccessLogEntry> views, IReadOnlyList<ChildVisit> marks)
    {
        if (views.Count == 0 && marks.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var maker = connection.CreateCommand();
            var logged = new Table(db.Model.FindEntityType(typeof(AccessLogEntry))!, maker);
            var visited = new Table(db.Model.FindEntityType(typeof(ChildVisit))!, maker);
            var statements = views.OrderBy(v => v.ViewedAt).ThenBy(v => v.Id).Select(v => Insert(logged, v))
                .Concat(marks.Select(m => Upsert(visited, m))).ToList();
            var outer = db.Database.CurrentTransaction?.GetDbTransaction();
            if (connection.CanCreateBatch)
            {
                // PostgreSQL runs a batch's statements as one transaction: nothing is sent to begin or commit it.
                await using var batch = connection.CreateBatch();
                batch.Transaction = outer;
                foreach (var statement in statements)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = statement.Sql;
                    command.Parameters.AddRange(statement.Parameters.ToArray());
                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync();
                return;
            }

            await using var own = outer is null ? await db.Database.BeginTransactionAsync() : null;
            await using var each = connection.CreateCommand();
            each.Transaction = outer ?? own!.GetDbTransaction();
            foreach (var statement in statements)
            {
                each.CommandText = statement.Sql;
                each.Parameters.Clear();
                each.Parameters.AddRange(statement.Parameters.ToArray());
                await each.ExecuteNonQueryAsync();
            }

            if (own is not null)
            {
                await own.CommitAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Statement Insert(Table log, AccessLogEntry view)
    {
        var parameters = new List<DbParameter>();
        var values = log.Entity.GetProperties().Where(p => p.Name != nameof(AccessLogEntry.VisitStartedAt))
            .ToDictionary(p => p.Name, p => log.Parameter(parameters, p, p.Name, p.GetGetter().GetClrValue(view)));
        var followsFrom = log.Parameter(parameters, log.Property(nameof(AccessLogEntry.ViewedAt)), "FollowsFrom", view.ViewedAt - AccessLogVisit.Gap);
        string Column(string property) => log.Column(log.Property(property));
        // The visit of the child's latest stored view if this view continues it (the same person, within the gap), else its own.
        values[nameof(AccessLogEntry.VisitStartedAt)] =
            $"COALESCE((SELECT CASE WHEN b.{Column(nameof(AccessLogEntry.ViewerName))} = {values[nameof(AccessLogEntry.ViewerName)]} "
            + $"AND b.{Column(nameof(AccessLogEntry.ViewedAt))} >= {followsFrom} THEN b.{Column(nameof(AccessLogEntry.VisitStartedAt))} END "
            + $"FROM {log.Name} AS b WHERE b.{Column(nameof(AccessLogEntry.ChildId))} = {values[nameof(AccessLogEntry.ChildId)]} "
            + $"ORDER BY b.{Column(nameof(AccessLogEntry.ViewedAt))} DESC, b.{Column(nameof(AccessLogEntry.Id))} DESC LIMIT 1), {values[nameof(AccessLogEntry.ViewedAt)]})";
        return new Statement($"INSERT INTO {log.Name} ({string.Join(", ", values.Keys.Select(Column))}) VALUES ({string.Join(", ", values.Values)})", parameters);
    }

    private static Statement Upsert(Table visits, ChildVisit mark)
    {
        var parameters = new List<DbParameter>();
        var (user, child, last) = (visits.Property(nameof(ChildVisit.UserAccountId)), visits.Property(nameof(ChildVisit.ChildId)), visits.Property(nameof(ChildVisit.LastViewedAt)));
        var values = string.Join(", ", new[] { user, child, last }.Select(p => visits.Parameter(parameters, p, p.Name, p.GetGetter().GetClrValue(mark))));
        var (u, c, l) = (visits.Column(user), visits.Column(child), visits.Column(last));
        return new Statement($"INSERT INTO {visits.Name} ({u}, {c}, {l}) VALUES ({values}) "
            + $"ON CONFLICT ({u}, {c}) DO UPDATE SET {l} = excluded.{l} WHERE {visits.Name}.{l} < excluded.{l}", parameters);
    }

    /// <summary>A table as the model maps it; <paramref name="maker"/> makes parameters and is never run.</summary>
    private sealed class Table(IEntityType entity, DbCommand maker)
    {
        private readonly StoreObjectIdentifier _table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

        public IEntityType Entity => entity;
        public string Name => $"\"{_table.Name}\"";
        public IProperty Property(string name) => entity.FindProperty(name)!;
        public string Column(IProperty property) => $"\"{property.GetColumnName(_table)}\"";

        /// <summary>A parameter made by the property's own type mapping, so the value is stored as EF Core stores it.</summary>
        public string Parameter(List<DbParameter> parameters, IProperty property, string name, object? value)
        {
            parameters.Add(property.GetRelationalTypeMapping().CreateParameter(maker, $"@{name}", value, property.IsNullable));
            return $"@{name}";
        }
    }
}
