using System.Net;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests.Security;

/// <summary>The service also answers to an internal host name, as behind some load balancers; links still use the public address.</summary>
public sealed class InternalHostAppFactory : AppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["AllowedHosts"] = "internal.example" };
}

/// <summary>Every absolute link comes from the configured public address, never from the request's Host header.</summary>
public sealed class LinksAndAddressesTests(InternalHostAppFactory app) : IClassFixture<InternalHostAppFactory>
{
    private HttpClient ClientOn(string host) => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"https://{host}"), AllowAutoRedirect = false, HandleCookies = true,
    });

    private async Task<string> LatestEmailTextToAsync(string address) =>
        (await app.DeliverEmailAsync()).Last(m => m.To.Mailboxes.Any(t => t.Address == address)).TextBody ?? "";

    [Fact]
    public async Task A_password_reset_asked_for_through_another_host_links_to_the_public_address()
    {
        var (response, _) = await ClientOn("internal.example").SubmitAsync("/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = "parent@example.org" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var email = await LatestEmailTextToAsync("parent@example.org");
        Assert.Contains("https://localhost/reset-password?", email, StringComparison.Ordinal);
        Assert.DoesNotContain("internal.example", email, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_and_registration_emails_link_to_the_public_address_whatever_host_they_were_sent_from()
    {
        var admin = ClientOn("internal.example");
        await admin.SignInAsync("orgadmin@example.org");
        await admin.SubmitAsync("/organisation/staff/invite", new Dictionary<string, string>
        {
            ["Input.Name"] = "Chris New", ["Input.Email"] = "chris.new@example.org", ["Input.JobTitle"] = "Teaching assistant",
        });
        Assert.Contains("https://localhost/invitations/", await LatestEmailTextToAsync("chris.new@example.org"), StringComparison.Ordinal);

        await ClientOn("internal.example").SubmitAsync("/register", new Dictionary<string, string>
        {
            ["Input.Name"] = "Robin New", ["Input.Email"] = "robin.new@example.org", ["Input.Password"] = "a long and quiet afternoon",
        });
        var confirm = await LatestEmailTextToAsync("robin.new@example.org");
        Assert.Contains("https://localhost/confirm-email?", confirm, StringComparison.Ordinal);
        Assert.DoesNotContain("internal.example", confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calendar_address_is_given_on_the_public_address()
    {
        var client = ClientOn("internal.example");
        await client.SignInAsync("parent@example.org");
        await client.SubmitAsync("/account/calendar", new Dictionary<string, string>(), action: "/account/calendar/create");
        var (_, page) = await client.OpenAsync("/account/calendar");
        Assert.StartsWith("https://localhost/calendar/", page.QuerySelector(".cg-calendar-address")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("localhost.attacker.example")]
    public async Task A_request_for_a_host_the_service_does_not_answer_to_is_refused_and_sends_nothing(string host)
    {
        var before = await app.QueryAsync(db => db.OutboxMessages.CountAsync());
        var client = ClientOn(host);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/forgotten-password")).StatusCode);
        var post = await client.PostAsync("/forgotten-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "parent@example.org" }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(before, await app.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }
}

/// <summary>No proxies are configured, so X-Forwarded-* headers come from whoever sent the request and are ignored.</summary>
public sealed class ForwardedHeadersIgnoredTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_client_cannot_choose_the_address_written_to_the_audit_log()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add(AppFactory.PeerAddressHeader, "198.51.100.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        await client.SignInAsync("therapist@example.org");

        var address = await app.QueryAsync(db => db.AuditEvents.Where(a => a.Action == AuditActions.SignedIn && a.ActorName == "Grace Okafor")
            .OrderByDescending(a => a.OccurredAt).Select(a => a.IpAddress).FirstAsync());
        Assert.Equal("198.51.100.7", address);
    }
}

public sealed class KnownProxyAppFactory : AppFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1" };
}

/// <summary>With a proxy configured, its X-Forwarded-For is believed; the same header from anywhere else is not.</summary>
public sealed class KnownProxyTests(KnownProxyAppFactory app) : IClassFixture<KnownProxyAppFactory>
{
    [Theory]
    [InlineData("10.0.0.1", "203.0.113.9")]
    [InlineData("10.0.0.2", "10.0.0.2")]
    public async Task Forwarded_addresses_are_believed_only_from_the_configured_proxy(string peer, string recorded)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Add(AppFactory.PeerAddressHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        var (response, _) = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = $"nobody-{peer}@example.org", ["Input.Password"] = "not a real password" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var address = await app.QueryAsync(db => db.AuditEvents.Where(a => a.Action == AuditActions.SignInFailed && a.ActorName == $"nobody-{peer}@example.org")
            .Select(a => a.IpAddress).SingleAsync());
        Assert.Equal(recorded, address);
    }
}
