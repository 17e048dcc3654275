using System.Net;
using AngleSharp.Html.Dom;
using CommonGround.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests.Security;

/// <summary>
/// Every page and endpoint in permissions.json, asked for by every kind of person the service has (and by nobody
/// signed in), with and without a form: nothing is let through that the file does not allow, and nothing ever answers
/// with a server error. Child pages' exact answers are <see cref="PermissionMatrixTests"/>'s; this sweep covers the rest.
/// </summary>
public sealed class SecuritySweepTests(PermissionFixture fixture) : IClassFixture<PermissionFixture>
{
    private enum Kind
    {
        Nobody,
        Family,
        Professional,
        OrganisationAdmin,
        ServiceAdmin,
    }

    private static readonly (string? Email, Kind Kind)[] Everyone =
    [
        (null, Kind.Nobody),
        ("parent@example.org", Kind.Family),
        ("youngperson@example.org", Kind.Family),
        ("dee.reid@example.org", Kind.Family),
        ("senco@example.org", Kind.Professional),
        ("therapist@example.org", Kind.OrganisationAdmin),
        ("transport@example.org", Kind.OrganisationAdmin),
        ("caseworker@example.org", Kind.Professional),
        ("social.worker@example.org", Kind.Professional),
        ("other.area@example.org", Kind.Professional),
        ("orgadmin@example.org", Kind.OrganisationAdmin),
        ("admin@example.org", Kind.ServiceAdmin),
    ];

    private static bool Allows(PermissionRow row, Kind kind) => row.Access switch
    {
        "anyone" => true,
        "signed-in" => kind != Kind.Nobody,
        "family" => kind == Kind.Family,
        "professional" => kind is Kind.Professional or Kind.OrganisationAdmin,
        "family-or-professional" => kind is Kind.Family or Kind.Professional or Kind.OrganisationAdmin,
        "organisation-admin" => kind == Kind.OrganisationAdmin,
        "service-admin" => kind == Kind.ServiceAdmin,
        _ => throw new InvalidOperationException($"No rule for {row.Access}"),
    };

    /// <summary>A refusal: sent to sign in, to the 403 page or to set up two-factor, or a plain 401, 403 or 404.</summary>
    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } to
            && (to.StartsWith("/sign-in", StringComparison.Ordinal) || to.StartsWith("https://localhost/sign-in", StringComparison.Ordinal)
                || to.StartsWith("/error/403", StringComparison.Ordinal) || to.StartsWith("https://localhost/error/403", StringComparison.Ordinal)));

    /// <summary>An address for a row: real records for a child's pages, made-up ones elsewhere, so nothing real is changed.</summary>
    private string Address(PermissionRow row) => row.Access == "child" || row.Route.StartsWith("/children/{childId", StringComparison.Ordinal)
        ? fixture.Records.Url(row, "Samuel")
        : row.Route
            .Replace("{code:int}", "404", StringComparison.Ordinal)
            .Replace("{process}", "needs-assessment", StringComparison.Ordinal)
            .Replace("{token}", new string('0', 64), StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("/{handler?}", "", StringComparison.Ordinal)
            .Replace("{notificationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{organisationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{professionalId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{invitationId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{termId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{concernId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    private async Task<(HttpClient Client, string Token)> AsAsync(string? email)
    {
        var client = fixture.App.NewClient();
        if (email is not null)
        {
            await client.SignInAsync(email);
        }

        var (_, page) = await client.OpenAsync(email is null ? "/sign-in" : "/account");
        return (client, page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
    }

    [Fact]
    public async Task Nobody_is_let_through_where_the_file_does_not_allow_them_and_nothing_answers_with_a_server_error()
    {
        var problems = new List<string>();
        var requests = 0;
        foreach (var (email, kind) in Everyone)
        {
            var (client, token) = await AsAsync(email);
            var childRelationship = PermissionMatrixTests.People.Where(p => p.Email == email && p.Child == "Samuel").Select(p => (p.Relationship, p.Shared)).FirstOrDefault();
            foreach (var row in PermissionMatrixTests.Rows.OrderBy(r => r.Route.EndsWith("/remove", StringComparison.Ordinal)))
            {
                bool allowed;
                if (row.Access == "child")
                {
                    allowed = kind != Kind.Nobody && childRelationship.Relationship is { } relationship
                        && PermissionMatrixTests.Expected(row, relationship, childRelationship.Shared, "Samuel") == HttpStatusCode.OK;
                }
                else
                {
                    allowed = Allows(row, kind);
                }

                foreach (var method in row.Methods)
                {
                    // Signing out is let through for everyone; this sweep keeps its sessions.
                    if (method == "POST" && (row.Route == "/sign-out" || (allowed && row.Access == "child")))
                    {
                        continue;
                    }

                    var url = Address(row) + (method == "POST" ? row.Query : null);
                    requests++;
                    var response = method == "GET"
                        ? await client.GetAsync(url)
                        : await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
                    if ((int)response.StatusCode >= 500)
                    {
                        problems.Add($"{method} {url} as {email ?? "nobody"}: {(int)response.StatusCode}");
                    }
                    else if (!allowed && !IsRefusal(response))
                    {
                        problems.Add($"{method} {row.Route} as {email ?? "nobody"} was let through: {(int)response.StatusCode} {response.Headers.Location}");
                    }
                }
            }
        }

        Assert.True(requests > 1000, $"Only {requests} requests were made");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("127.0.0.1.attacker.example")]
    public async Task A_made_up_host_is_refused_on_every_address(string host)
    {
        var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{host}"), AllowAutoRedirect = false });
        var wrong = new List<string>();
        foreach (var row in PermissionMatrixTests.Rows.Where(r => r.Methods.Contains("GET")))
        {
            var response = await client.GetAsync(Address(row));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                wrong.Add($"{row.Route}: {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task Forwarded_headers_from_a_client_change_no_link_and_no_recorded_address()
    {
        var (client, _) = await AsAsync("senco@example.org");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66");
        foreach (var row in PermissionMatrixTests.Rows.Where(r => r.Methods.Contains("GET")))
        {
            var body = await (await client.GetAsync(Address(row))).Content.ReadAsStringAsync();
            Assert.DoesNotContain("attacker.example", body, StringComparison.Ordinal);
        }

        Assert.False(await fixture.App.QueryAsync(db => db.AccessLog.AnyAsync(a => a.IpAddress == "203.0.113.66")));
        Assert.False(await fixture.App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.IpAddress == "203.0.113.66")));
    }

    [Fact]
    public async Task Every_person_s_cookie_stops_working_once_they_sign_out()
    {
        var still = new List<string>();
        foreach (var email in Everyone.Select(p => p.Email).OfType<string>())
        {
            var jar = new CookieJar();
            var browser = fixture.App.CreateDefaultClient(new Uri("https://localhost"), jar);
            await browser.SignInAsync(email);
            var copied = jar.Cookies.GetCookieHeader(new Uri("https://localhost"));
            await browser.SubmitAsync("/sign-out", new Dictionary<string, string>());

            var replay = fixture.App.CreateDefaultClient(new Uri("https://localhost"));
            replay.DefaultRequestHeaders.Add("Cookie", copied);
            var response = await replay.GetAsync("/account");
            if (!IsRefusal(response))
            {
                still.Add($"{email}: {(int)response.StatusCode}");
            }
        }

        Assert.True(still.Count == 0, string.Join('\n', still));
    }
}

/// <summary>
/// Every form, filled as its page offers it and sent twice at the same moment by the people who use it: no server
/// error, ever. Each person has a fresh copy of the demo, since their forms change it.
/// </summary>
public sealed class DoubleSubmissionSweepTests
{
    public static TheoryData<string, string> FormUsers() => new()
    {
        { "parent@example.org", "Samuel" },
        { "senco@example.org", "Samuel" },
        { "youngperson@example.org", "Jordan" },
        { "caseworker@example.org", "Jordan" },
        { "orgadmin@example.org", "Samuel" },
        { "admin@example.org", "Samuel" },
    };

    [Theory]
    [MemberData(nameof(FormUsers))]
    public async Task Every_form_sent_twice_at_once_gives_no_server_error(string email, string child)
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        var records = await PermissionRecords.PrepareAsync(app);
        var client = app.NewClient();
        await client.SignInAsync(email);
        var errors = new List<string>();
        var forms = 0;
        foreach (var row in PermissionMatrixTests.Rows.Where(r => r.Methods.Contains("GET") && r.Methods.Contains("POST"))
                     .OrderBy(r => r.Route.EndsWith("/remove", StringComparison.Ordinal) || r.Route.EndsWith("/deactivate", StringComparison.Ordinal)))
        {
            var url = row.Route.Contains("{childId", StringComparison.Ordinal) ? records.Url(row, child) : row.Route.Replace("/{handler?}", "", StringComparison.Ordinal);
            if (url.Contains('{', StringComparison.Ordinal) || url is "/sign-out" or "/sign-in" or "/register" or "/forgotten-password")
            {
                continue;
            }

            var (response, page) = await client.OpenAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").ToList())
            {
                var target = form.GetAttribute("action") is { Length: > 0 } action ? action : url;
                if (target.EndsWith("/sign-out", StringComparison.Ordinal))
                {
                    continue;
                }

                forms++;
                var values = FormFilling.AsOffered(form);
                var both = await Task.WhenAll(
                    client.PostAsync(target, new FormUrlEncodedContent(values)),
                    client.PostAsync(target, new FormUrlEncodedContent(values)));
                errors.AddRange(both.Where(r => (int)r.StatusCode >= 500).Select(r => $"{target} ({row.Route}): {(int)r.StatusCode}"));
            }
        }

        Assert.True(forms > 0, "No forms were sent");
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }
}
