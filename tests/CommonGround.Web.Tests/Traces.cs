using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

public static class Traces
{
    /// <summary>
    /// Every table and every column, read as the database holds it, searched for an id (in any case) or a name: the
    /// "table.column" places where either is found, outside the tables named as allowed to hold them.
    /// </summary>
    public static async Task<List<string>> TracesAsync(this AppFactory app, string id, Regex names, params string[] allowedIn)
    {
        var found = new List<string>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.CommonGroundDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Except(allowedIn).ToList();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    };
                    if (value.Contains(id, StringComparison.OrdinalIgnoreCase) || names.IsMatch(value))
                    {
                        found.Add($"{table}.{reader.GetName(i)}");
                    }
                }
            }
        }

        return found.Distinct().ToList();
    }
}
