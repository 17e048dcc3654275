using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommonGround.Migrations.Sqlite;

/// <summary>Lets the migration tooling build the model for SQLite without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CommonGroundDbContext>
{
    public CommonGroundDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CommonGroundDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new CommonGroundDbContext(options.Options);
    }
}
