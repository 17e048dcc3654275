using System.Data.Common;
using System.Text;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CommonGround.Core.Access;

/// <summary>
/// Stores a round of views and overview visits as one command, so logging a page costs the database one round trip:
/// each view is put in its visit by the database as it is stored (following on from the child's latest stored view, the
/// rule of <see cref="AccessLogEntry.FollowOn"/>), and each visit mark is added or moved later in the same command.
/// Columns and value conversions come from the model, as for <see cref="BulkInsert"/>.
/// </summary>
public static class AccessLogStatements
{
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
            await using var command = connection.CreateCommand();
            var text = new StringBuilder();
            var logged = new Table(db.Model.FindEntityType(typeof(AccessLogEntry))!, command);
            foreach (var (view, number) in views.OrderBy(v => v.ViewedAt).ThenBy(v => v.Id).Select((v, i) => (v, i)))
            {
                text.Append(Insert(logged, view, $"v{number}"));
            }

            var visited = new Table(db.Model.FindEntityType(typeof(ChildVisit))!, command);
            foreach (var (mark, number) in marks.Select((m, i) => (m, i)))
            {
                text.Append(Upsert(visited, mark, $"m{number}"));
            }

            command.CommandText = text.ToString();
            if (db.Database.CurrentTransaction is { } outer)
            {
                command.Transaction = outer.GetDbTransaction();
                await command.ExecuteNonQueryAsync();
            }
            else if (connection is NpgsqlConnection)
            {
                // PostgreSQL runs the statements of one command as one transaction: no BEGIN or COMMIT to send.
                await command.ExecuteNonQueryAsync();
            }
            else
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                command.Transaction = transaction.GetDbTransaction();
                await command.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Insert(Table log, AccessLogEntry view, string prefix)
    {
        var values = log.Entity.GetProperties().Where(p => p.Name != nameof(AccessLogEntry.VisitStartedAt))
            .ToDictionary(p => p.Name, p => log.Parameter(p, $"{prefix}_{p.Name}", p.GetGetter().GetClrValue(view)));
        var viewedAt = log.Property(nameof(AccessLogEntry.ViewedAt));
        var followsFrom = log.Parameter(viewedAt, $"{prefix}_FollowsFrom", view.ViewedAt - AccessLogVisit.Gap);
        string Column(string property) => log.Column(log.Property(property));
        // The visit of the child's latest stored view if this view continues it (the same person, within the gap), else its own.
        values[nameof(AccessLogEntry.VisitStartedAt)] =
            $"COALESCE((SELECT CASE WHEN b.{Column(nameof(AccessLogEntry.ViewerName))} = {values[nameof(AccessLogEntry.ViewerName)]} "
            + $"AND b.{Column(nameof(AccessLogEntry.ViewedAt))} >= {followsFrom} THEN b.{Column(nameof(AccessLogEntry.VisitStartedAt))} END "
            + $"FROM {log.Name} AS b WHERE b.{Column(nameof(AccessLogEntry.ChildId))} = {values[nameof(AccessLogEntry.ChildId)]} "
            + $"ORDER BY b.{Column(nameof(AccessLogEntry.ViewedAt))} DESC, b.{Column(nameof(AccessLogEntry.Id))} DESC LIMIT 1), {values[nameof(AccessLogEntry.ViewedAt)]})";
        return $"INSERT INTO {log.Name} ({string.Join(", ", values.Keys.Select(Column))}) VALUES ({string.Join(", ", values.Values)});\n";
    }

    private static string Upsert(Table visits, ChildVisit mark, string prefix)
    {
        var (user, child, last) = (visits.Property(nameof(ChildVisit.UserAccountId)), visits.Property(nameof(ChildVisit.ChildId)), visits.Property(nameof(ChildVisit.LastViewedAt)));
        var values = string.Join(", ", new[] { user, child, last }.Select(p => visits.Parameter(p, $"{prefix}_{p.Name}", p.GetGetter().GetClrValue(mark))));
        var (u, c, l) = (visits.Column(user), visits.Column(child), visits.Column(last));
        return $"INSERT INTO {visits.Name} ({u}, {c}, {l}) VALUES ({values}) "
            + $"ON CONFLICT ({u}, {c}) DO UPDATE SET {l} = excluded.{l} WHERE {visits.Name}.{l} < excluded.{l};\n";
    }

    /// <summary>A table as the model maps it, and the command its parameters go to.</summary>
    private sealed class Table(IEntityType entity, DbCommand command)
    {
        private readonly StoreObjectIdentifier _table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

        public IEntityType Entity => entity;
        public string Name => $"\"{_table.Name}\"";
        public IProperty Property(string name) => entity.FindProperty(name)!;
        public string Column(IProperty property) => $"\"{property.GetColumnName(_table)}\"";

        /// <summary>A parameter made by the property's own type mapping, so the value is stored as EF Core stores it.</summary>
        public string Parameter(IProperty property, string name, object? value)
        {
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, $"@{name}", value, property.IsNullable));
            return $"@{name}";
        }
    }
}
