using System.Linq.Expressions;
using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Tests.Data;

public sealed class QueryPartsTests
{
    private static readonly Expression<Func<int, int, bool>> Below = (x, limit) => x < limit;
    private static Expression<Func<int, int, bool>> Between { get; } = (x, limit) => x > 0 && Below.Apply(x, limit);

    [Fact]
    public void A_rule_applied_in_a_query_becomes_its_body_with_the_arguments_in_place_even_when_it_applies_another()
    {
        var inlined = QueryParts.Inline((int[] xs, int limit) => xs.Count(x => Between.Apply(x, limit)));

        Assert.Equal(2, inlined.Compile()([-1, 1, 2, 5, 9], 5));
        Assert.Equal(0, inlined.Compile()([-1, 5, 9], 5));
        Assert.DoesNotContain(nameof(QueryParts.Apply), inlined.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_is_applied_only_inside_a_query_and_only_from_a_static_field_or_property()
    {
        Assert.Throws<InvalidOperationException>(() => Below.Apply(1, 2));
        var local = Below;
        Assert.Throws<InvalidOperationException>(() => QueryParts.Inline((int x) => local.Apply(x, 2)));
    }

    [Fact]
    public async Task The_one_access_rule_filters_a_list_with_the_person_as_a_parameter_not_written_into_the_sql()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var person = Guid.NewGuid();

        var sql = db.Children.Where(AccessService.VisibleTo(person)).ToQueryString();

        // The values come first, as declarations; the statement itself names a parameter, so one plan serves everyone.
        var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        Assert.Contains("family_members", statement, StringComparison.Ordinal);
        Assert.Contains("team_members", statement, StringComparison.Ordinal);
        Assert.DoesNotContain(person.ToString(), statement, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_query_compiled_per_model_serves_a_second_model_where_ef_cores_own_refuses_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = WithItsOwnModel(database);
        await using var second = WithItsOwnModel(database);
        Assert.NotSame(first.Model, second.Model);
        var perModel = new CompiledPerModel<Func<CommonGroundDbContext, string, Task<int>>>(() =>
            EF.CompileAsyncQuery((CommonGroundDbContext db, string name) => db.Children.Count(c => c.FirstName == name)));
        var efCores = EF.CompileAsyncQuery((CommonGroundDbContext db, string name) => db.Children.Count(c => c.FirstName == name));

        Assert.Equal(0, await perModel.For(first)(first, "Sam"));
        Assert.Equal(0, await perModel.For(second)(second, "Sam"));
        Assert.Same(perModel.For(first), perModel.For(first));
        Assert.Equal(0, await efCores(first, "Sam"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => efCores(second, "Sam"));
    }

    private static CommonGroundDbContext WithItsOwnModel(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<CommonGroundDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString);
        options.EnableServiceProviderCaching(false);
        return new CommonGroundDbContext(options.Options);
    }
}
