using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommonGround.Migrations.Postgres;

/// <summary>Lets the migration tooling build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CommonGroundDbContext>
{
    public CommonGroundDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CommonGroundDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=commonground_design");
        return new CommonGroundDbContext(options.Options);
    }
}
