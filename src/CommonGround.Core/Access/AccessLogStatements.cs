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
/// later. Views of different children are stored by one statement, so a list's 25 children cost one statement, not 25;
/// a child's second view in the round goes in the next statement, after the first it may follow on from. SQLite, inside
/// the app, runs the same statements one at a time in a transaction. Columns and value conversions come from the model,
/// as for <see cref="BulkInsert"/>.
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
            var statements = InLayers(views).Select(layer => Insert(logged, layer))
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

    /// <summary>
    /// The views as layers to store in turn: every child's first view (in time order), then every child's second, and so
    /// on, so no layer holds two views of one child and each view is stored after the one it may follow on from.
    /// </summary>
    private static IEnumerable<List<AccessLogEntry>> InLayers(IReadOnlyList<AccessLogEntry> views) =>
        views.OrderBy(v => v.ViewedAt).ThenBy(v => v.Id).GroupBy(v => v.ChildId)
            .SelectMany(child => child.Select((view, nth) => (Nth: nth, View: view)))
            .GroupBy(v => v.Nth).OrderBy(layer => layer.Key).Select(layer => layer.Select(v => v.View).ToList());

    /// <summary>Stores views of different children, each following on from its child's latest stored view.</summary>
    private static Statement Insert(Table log, IReadOnlyList<AccessLogEntry> views)
    {
        var parameters = new List<DbParameter>();
        var properties = log.Entity.GetProperties().Where(p => p.Name != nameof(AccessLogEntry.VisitStartedAt)).ToList();
        var viewedAt = log.Property(nameof(AccessLogEntry.ViewedAt));
        // Each view is a row of values: its columns in the order of the properties, then the earliest view it may follow on from.
        var rows = views.Select((view, row) => "(" + string.Join(", ", properties
            .Select(p => log.Parameter(parameters, p, $"r{row}_{p.Name}", p.GetGetter().GetClrValue(view)))
            .Append(log.Parameter(parameters, viewedAt, $"r{row}_FollowsFrom", view.ViewedAt - AccessLogVisit.Gap))) + ")");
        // Both databases name the columns of a list of values column1, column2 and so on.
        string Value(string property) => $"v.column{properties.FindIndex(p => p.Name == property) + 1}";
        var followsFrom = $"v.column{properties.Count + 1}";
        string Column(string property) => log.Column(log.Property(property));
        // The visit of the child's latest stored view if this view continues it (the same person, within the gap), else its own.
        var visitStartedAt =
            $"COALESCE((SELECT CASE WHEN b.{Column(nameof(AccessLogEntry.ViewerName))} = {Value(nameof(AccessLogEntry.ViewerName))} "
            + $"AND b.{Column(nameof(AccessLogEntry.ViewedAt))} >= {followsFrom} THEN b.{Column(nameof(AccessLogEntry.VisitStartedAt))} END "
            + $"FROM {log.Name} AS b WHERE b.{Column(nameof(AccessLogEntry.ChildId))} = {Value(nameof(AccessLogEntry.ChildId))} "
            + $"ORDER BY b.{Column(nameof(AccessLogEntry.ViewedAt))} DESC, b.{Column(nameof(AccessLogEntry.Id))} DESC LIMIT 1), {Value(nameof(AccessLogEntry.ViewedAt))})";
        var columns = properties.Select(log.Column).Append(Column(nameof(AccessLogEntry.VisitStartedAt)));
        var values = properties.Select(p => Value(p.Name)).Append(visitStartedAt);
        return new Statement($"INSERT INTO {log.Name} ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} "
            + $"FROM (VALUES {string.Join(", ", rows)}) AS v", parameters);
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
