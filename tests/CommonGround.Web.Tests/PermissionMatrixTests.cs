using System.Net;
using System.Text.Json;
using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Profiles;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

public sealed record PermissionRow(string Route, string[] Methods, string Access, string? Capability, string? Area, string? Relationship);

/// <summary>The demo families and teams, with every kind of relationship the permission matrix must hold for.</summary>
public sealed class PermissionFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public Dictionary<string, Guid> Children { get; } = [];
    public Dictionary<string, Guid> Members { get; } = [];
    public Dictionary<string, Guid> Suggestions { get; } = [];

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var today = App.Time.TodayInUk();
        var now = App.Time.GetUtcNow().UtcDateTime;
        foreach (var name in new[] { "Samuel", "Jordan" })
        {
            Children[name] = await db.Children.Where(c => c.FirstName == name).Select(c => c.Id).SingleAsync();
        }

        Members["Samuel"] = await db.TeamMembers.Where(t => t.ChildId == Children["Samuel"] && t.Professional!.UserAccount!.Email == "therapist@example.org").Select(t => t.Id).SingleAsync();
        Members["Jordan"] = await db.TeamMembers.Where(t => t.ChildId == Children["Jordan"]).Select(t => t.Id).SingleAsync();

        // Sam's transport officer had sharing withdrawn; Sam's caseworker had it run out yesterday.
        foreach (var consent in await db.SharingConsents.Where(c => c.ChildId == Children["Samuel"] && db.TeamMembers.Any(t => t.Id == c.TeamMemberId && t.Professional!.UserAccount!.Email == "transport@example.org")).ToListAsync())
        {
            consent.Withdraw(Guid.Empty, now);
        }

        await db.SaveChangesAsync();
        var caseworkerOnSam = await db.TeamMembers.Where(t => t.ChildId == Children["Samuel"] && t.Professional!.UserAccount!.Email == "caseworker@example.org").Select(t => t.Id).SingleAsync();
        await db.SharingConsents.Where(c => c.TeamMemberId == caseworkerOnSam)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.From, today.AddDays(-30)).SetProperty(c => c.Until, today.AddDays(-1)));

        // A professional in another local authority area.
        var area = new Area { Name = "Southmere", Code = "SM", CreatedAt = now };
        var organisation = new Organisation { AreaId = area.Id, Name = "Southmere Primary", Kind = OrganisationKind.School, CreatedAt = now };
        var user = new UserAccount
        {
            UserName = "other.area@example.org", NormalizedUserName = "OTHER.AREA@EXAMPLE.ORG", Email = "other.area@example.org",
            NormalizedEmail = "OTHER.AREA@EXAMPLE.ORG", EmailConfirmed = true, DisplayName = "Pat Elsewhere", Kind = AccountKind.Professional, CreatedAt = now, LockoutEnabled = true,
        };
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(user, Core.Demo.DemoData.Password);
        db.AddRange(area, organisation, user, new Professional { UserAccountId = user.Id, OrganisationId = organisation.Id, AreaId = area.Id, JobTitle = "SENCO", JoinedAt = now });

        foreach (var (child, by) in new[] { ("Samuel", "therapist@example.org"), ("Jordan", "caseworker@example.org") })
        {
            var suggestion = new ProfileSuggestion
            {
                ChildId = Children[child], Section = ProfileSectionKind.AboutMe, TextBefore = "", VersionBefore = 0, SuggestedText = "Suggested words",
                SuggestedByUserId = await db.Users.Where(u => u.Email == by).Select(u => u.Id).SingleAsync(), SuggestedByName = by, SuggestedAt = now,
            };
            db.ProfileSuggestions.Add(suggestion);
            Suggestions[child] = suggestion.Id;
        }

        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class PermissionMatrixTests(PermissionFixture fixture) : IClassFixture<PermissionFixture>
{
    private static readonly IReadOnlyList<PermissionRow> Rows = JsonSerializer.Deserialize<PermissionFile>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "permissions.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Endpoints;

    private sealed record PermissionFile(List<PermissionRow> Endpoints);

    /// <summary>Who each person is to each child, stated here independently of the app.</summary>
    private static readonly (string Email, string Child, ChildRelationship Relationship, RecordArea[] Shared)[] People =
    [
        ("parent@example.org", "Samuel", new(RelationshipKind.ParentCarer), []),
        ("senco@example.org", "Samuel", new(RelationshipKind.TeamMember, IsKeyWorker: true, OrganisationKind: OrganisationKind.School), [RecordArea.AboutMe, RecordArea.Education, RecordArea.Health, RecordArea.Commitments, RecordArea.Meetings, RecordArea.Concerns]),
        ("therapist@example.org", "Samuel", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.Health), [RecordArea.AboutMe, RecordArea.Health]),
        ("transport@example.org", "Samuel", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.Transport), []),
        ("caseworker@example.org", "Samuel", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.LocalAuthority), []),
        ("orgadmin@example.org", "Samuel", ChildRelationship.None, []),
        ("other.area@example.org", "Samuel", ChildRelationship.None, []),
        ("admin@example.org", "Samuel", ChildRelationship.None, []),
        ("youngperson@example.org", "Samuel", ChildRelationship.None, []),
        ("youngperson@example.org", "Jordan", new(RelationshipKind.YoungPerson, YoungPersonDecides: true), []),
        ("dee.reid@example.org", "Jordan", new(RelationshipKind.ParentCarer, YoungPersonDecides: true), []),
        ("caseworker@example.org", "Jordan", new(RelationshipKind.TeamMember, IsKeyWorker: true, OrganisationKind: OrganisationKind.LocalAuthority), [RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess]),
    ];

    [Fact]
    public void Every_endpoint_is_in_the_permission_file_and_every_row_is_an_endpoint()
    {
        var routes = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToHashSet();
        var listed = Rows.Select(r => r.Route).ToHashSet();

        Assert.True(routes.Except(listed).Order().ToList() is { Count: 0 }, $"Endpoints missing from permissions.json: {string.Join(", ", routes.Except(listed).Order())}");
        Assert.True(listed.Except(routes).Order().ToList() is { Count: 0 }, $"Rows in permissions.json with no endpoint: {string.Join(", ", listed.Except(routes).Order())}");
    }

    [Fact]
    public async Task Every_child_page_allows_and_refuses_exactly_as_the_file_says_for_every_relationship()
    {
        var mismatches = new List<string>();
        foreach (var (email, child, relationship, shared) in People)
        {
            var client = fixture.App.NewClient();
            await client.SignInAsync(email);
            foreach (var row in Rows.Where(r => r.Access == "child" && r.Methods.Contains("GET")))
            {
                var url = row.Route
                    .Replace("{childId:guid}", fixture.Children[child].ToString(), StringComparison.Ordinal)
                    .Replace("{memberId:guid}", fixture.Members[child].ToString(), StringComparison.Ordinal)
                    .Replace("{suggestionId:guid}", fixture.Suggestions[child].ToString(), StringComparison.Ordinal)
                    .Replace("{decision:regex(^(edit|decline)$)}", "edit", StringComparison.Ordinal)
                    .Replace("{section}", "about-me", StringComparison.Ordinal);
                var expected = Expected(row, relationship, shared);
                var actual = (await client.GetAsync(url)).StatusCode;
                if (actual != expected)
                {
                    mismatches.Add($"{email} on {child}'s {row.Route}: expected {(int)expected}, got {(int)actual}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static HttpStatusCode Expected(PermissionRow row, ChildRelationship relationship, RecordArea[] shared)
    {
        if (relationship.Kind == RelationshipKind.None)
        {
            return HttpStatusCode.NotFound;
        }

        if (row.Relationship == "team" && relationship.IsFamily)
        {
            return HttpStatusCode.Forbidden;
        }

        var capability = Enum.Parse<Capability>(row.Capability!);
        var areaAllowed = row.Area is null || relationship.IsFamily || shared.Contains(Enum.Parse<RecordArea>(row.Area));
        return CapabilityMatrix.Allows(relationship, capability) && areaAllowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
    }

    [Theory]
    [InlineData("parent@example.org", "/children", HttpStatusCode.OK)]
    [InlineData("therapist@example.org", "/children", HttpStatusCode.OK)]
    [InlineData("admin@example.org", "/children", HttpStatusCode.Forbidden)]
    [InlineData("parent@example.org", "/children/add", HttpStatusCode.OK)]
    [InlineData("senco@example.org", "/children/add", HttpStatusCode.Redirect)]
    public async Task Lists_of_children_follow_their_rows(string email, string url, HttpStatusCode expected)
    {
        var client = fixture.App.NewClient();
        await client.SignInAsync(email);
        Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
    }
}
