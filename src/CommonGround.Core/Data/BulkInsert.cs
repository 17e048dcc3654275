using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CommonGround.Core.Data;

/// <summary>
/// Adds many new rows at once. On PostgreSQL they go in one COPY, as the model maps them (column names and value
/// conversions come from EF Core's model, so nothing is mapped twice); elsewhere, and for a few rows, they join the
/// unit of work. Either way they are written in the caller's transaction.
/// </summary>
public static class BulkInsert
{
    /// <summary>Below this many rows, COPY saves nothing worth having.</summary>
    public const int CopyFrom = 500;

    /// <summary>True if the rows were written now; false if they were added to the unit of work for the next save.</summary>
    public static async Task<bool> AddAsync<T>(CommonGroundDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count < CopyFrom || db.Database.GetDbConnection() is not NpgsqlConnection connection)
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
            await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var property in properties)
                {
                    var value = property.GetGetter().GetClrValue(row);
                    if (value is not null && property.GetTypeMapping().Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return true;
    }
}
