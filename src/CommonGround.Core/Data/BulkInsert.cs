using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CommonGround.Core.Data;

/// <summary>
/// Adds many new rows at once, as the model maps them (column names and value conversions come from EF Core's model, so
/// nothing is mapped twice): on PostgreSQL in one COPY, on SQLite through one prepared INSERT run for each row. A few
/// rows simply join the unit of work. Either way they are written in the caller's transaction.
/// </summary>
public static class BulkInsert
{
    /// <summary>Below this many rows, COPY saves nothing worth having.</summary>
    public const int CopyFrom = 500;

    /// <summary>True if the rows were written now; false if they were added to the unit of work for the next save.</summary>
    public static async Task<bool> AddAsync<T>(CommonGroundDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count < CopyFrom)
        {
            db.Set<T>().AddRange(rows);
            return false;
        }

        var entityType = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().ToList();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            switch (db.Database.GetDbConnection())
            {
                case NpgsqlConnection postgres:
                    await using (var importer = await postgres.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
                    {
                        foreach (var row in rows)
                        {
                            await importer.StartRowAsync(cancellationToken);
                            foreach (var property in properties)
                            {
                                if (ProviderValue(property, row) is { } value)
                                {
                                    await importer.WriteAsync(value, cancellationToken);
                                }
                                else
                                {
                                    await importer.WriteNullAsync(cancellationToken);
                                }
                            }
                        }

                        await importer.CompleteAsync(cancellationToken);
                    }

                    break;
                case SqliteConnection sqlite:
                    await using (var command = sqlite.CreateCommand())
                    {
                        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
                        command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => $"$p{i}"))})";
                        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
                        foreach (var row in rows)
                        {
                            // The model's own type mapping makes each parameter, so values are stored as EF Core stores them.
                            command.Parameters.Clear();
                            for (var i = 0; i < properties.Count; i++)
                            {
                                command.Parameters.Add(mappings[i].CreateParameter(command, $"$p{i}", properties[i].GetGetter().GetClrValue(row), properties[i].IsNullable));
                            }

                            await command.ExecuteNonQueryAsync(cancellationToken);
                        }
                    }

                    break;
                default:
                    db.Set<T>().AddRange(rows);
                    return false;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return true;
    }

    /// <summary>The value as the database stores it, after the model's conversion (an enum as its name, an instant as UTC).</summary>
    private static object? ProviderValue(IProperty property, object row)
    {
        var value = property.GetGetter().GetClrValue(row);
        return value is not null && property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
