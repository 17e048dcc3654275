using CommonGround.Core.Data;
using Npgsql;

namespace CommonGround.Core.Tests.Data;

public sealed class ConnectionPoolTests
{
    [Theory]
    [InlineData("Host=db;Database=commonground", 30, 30)]
    [InlineData("Host=db;Database=commonground", 12, 12)]
    [InlineData("Host=db;Database=commonground;Maximum Pool Size=20", 30, 20)]
    [InlineData("Host=db;Database=commonground;MaxPoolSize=15", 30, 15)]
    [InlineData("Host=db;Database=commonground;maximum pool size=8", 30, 8)]
    public void The_pool_is_sized_from_settings_unless_the_connection_string_sizes_it(string connectionString, int setting, int expected)
    {
        var sized = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithInstanceSettings(connectionString, setting));
        Assert.Equal(expected, sized.MaxPoolSize);
        Assert.Equal("db", sized.Host);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 5)]
    [InlineData(4, 9)]
    [InlineData(8, 17)]
    [InlineData(14, 29)]
    [InlineData(16, 30)]
    [InlineData(64, 30)]
    public void Without_a_setting_an_instance_opens_twice_its_processors_and_one_more_at_least_5_and_at_most_30(int processors, int expected) =>
        Assert.Equal(expected, DatabaseSetup.DefaultMaxConnectionsFor(processors));

    [Theory]
    [InlineData("Host=db;Database=commonground", DatabaseSetup.StatementsKeptPrepared)]
    [InlineData("Host=db;Database=commonground;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=commonground;MaxAutoPrepare=20", 20)]
    public void The_most_used_statements_are_kept_prepared_unless_the_connection_string_says_otherwise(string connectionString, int expected)
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithInstanceSettings(connectionString, 30));
        Assert.Equal(expected, settings.MaxAutoPrepare);
        Assert.Equal(30, settings.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Database=commonground", true)]
    [InlineData("Host=db;Database=commonground;No Reset On Close=false", false)]
    [InlineData("Host=db;Database=commonground;NoResetOnClose=false", false)]
    public void Connections_go_back_to_the_pool_as_they_are_unless_the_connection_string_says_otherwise(string connectionString, bool expected)
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithInstanceSettings(connectionString, 30));
        Assert.Equal(expected, settings.NoResetOnClose);
        Assert.Equal(DatabaseSetup.StatementsKeptPrepared, settings.MaxAutoPrepare);
    }

    [Fact]
    public void A_pool_of_no_connections_is_refused_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.WithInstanceSettings("Host=db", 0));
        Assert.Contains("Database:MaxConnections", error.Message, StringComparison.Ordinal);
    }
}
