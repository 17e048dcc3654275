using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Tests.Data;

public sealed class ChildIndexTests
{
    [Fact]
    public void Every_table_about_a_child_is_indexed_by_the_child_so_one_childs_rows_are_found_without_reading_the_area()
    {
        var options = new DbContextOptionsBuilder<CommonGroundDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new CommonGroundDbContext(options.Options);

        var unindexed = db.Model.GetEntityTypes()
            .Where(e => e.FindProperty("ChildId") is { } child
                && e.FindPrimaryKey()?.Properties[0] != child
                && !e.GetIndexes().Any(i => i.Properties[0] == child))
            .Select(e => e.GetTableName())
            .Order()
            .ToList();

        Assert.True(unindexed.Count == 0, $"Tables with a child but no index that starts with it: {string.Join(", ", unindexed)}");
    }
}
