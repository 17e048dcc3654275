using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Tests.Data;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=not_contacted")]
    public void Each_providers_migrations_match_the_model(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<CommonGroundDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        using var db = new CommonGroundDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changed since the last {provider} migration: add a migration to both migration projects.");
    }
}
