using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// The busiest pages about one child send no more statements to the database than they do now. On PostgreSQL a page's
/// time follows the statements it sends, so a page creeping from eight to twenty shows here before the benchmark sees
/// it; a change that needs one more raises its page's ceiling on purpose, and says why in its commit. Counted are the
/// statements a page's own work sends; the access log's round, written as the response leaves, is apart.
/// </summary>
public sealed class ChildPageStatementsTests : FreshAppTests
{
    [Fact]
    public async Task Each_busy_page_about_one_child_sends_no_more_statements_than_its_ceiling()
    {
        var sam = await ChildIdAsync("Samuel");
        var child = $"/children/{sam}";
        (string Email, string Path, int Ceiling)[] pages =
        [
            ("therapist@example.org", child, 7),
            ("therapist@example.org", $"{child}/about-me", 4),
            ("therapist@example.org", $"{child}/commitments", 4),
            ("therapist@example.org", $"{child}/plans", 4),
            ("parent@example.org", child, 8),
            ("parent@example.org", $"{child}/whats-happening", 12),
            ("parent@example.org", $"{child}/who-has-seen", 9),
        ];
        var clients = new Dictionary<string, HttpClient>();
        foreach (var email in pages.Select(p => p.Email).Distinct())
        {
            clients[email] = await SignedInAsync(email);
        }

        // Each page is opened once before it is counted, as a person coming back to it.
        foreach (var (email, path, _) in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await clients[email].GetAsync(path)).StatusCode);
        }

        var sent = App.Services.GetRequiredService<StatementsSent>();
        var counted = new List<(string Page, int Sent, int Ceiling)>();
        foreach (var (email, path, ceiling) in pages)
        {
            sent.Start();
            Assert.Equal(HttpStatusCode.OK, (await clients[email].GetAsync(path)).StatusCode);
            counted.Add(($"{(path == child ? "the overview" : path[(child.Length + 1)..])} as {email}", sent.For(path).Count, ceiling));
        }

        Assert.All(counted, c => Assert.True(c.Sent > 0, $"{c.Page} sent no statement the test could see"));
        var over = counted.Where(c => c.Sent > c.Ceiling).Select(c => $"{c.Page}: {c.Sent} statements, ceiling {c.Ceiling}").ToList();
        Assert.True(over.Count == 0, string.Join("; ", over));
    }
}
