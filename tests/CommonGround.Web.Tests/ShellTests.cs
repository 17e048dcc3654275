using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class ShellTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Start_page_has_the_service_name_a_skip_link_and_the_footer_links()
    {
        var (response, page) = await app.NewClient().OpenAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CommonGround", page.QuerySelector(".govuk-generic-header__homepage-link")?.TextContent.Trim());
        Assert.Equal("#main-content", page.QuerySelector(".govuk-skip-link")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main-content"));
        var footer = page.QuerySelectorAll(".govuk-footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/accessibility", footer);
        Assert.Contains("/privacy", footer);
        Assert.Contains("/cookies", footer);
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/dist/app.css", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/test/fail", HttpStatusCode.InternalServerError)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        var response = await app.NewClient().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Fact]
    public async Task Each_page_gets_a_new_script_nonce_that_its_script_tag_carries()
    {
        var client = app.NewClient();
        var (first, page) = await client.OpenAsync("/");
        var (second, _) = await client.OpenAsync("/");

        var nonce = page.QuerySelector("script[src^='/dist/app.js']")?.GetAttribute("nonce");
        Assert.False(string.IsNullOrEmpty(nonce));
        Assert.Contains($"'nonce-{nonce}'", first.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain($"'nonce-{nonce}'", second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task An_unknown_address_gives_the_styled_not_found_page()
    {
        var (response, page) = await app.NewClient().OpenAsync("/children/not-a-real-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.Heading());
    }

    [Fact]
    public async Task An_unexpected_failure_gives_the_styled_error_page_and_no_technical_detail()
    {
        var (response, page) = await app.NewClient().OpenAsync("/test/fail");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with the service", page.Heading());
        Assert.DoesNotContain("deliberate", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_page_needs_nothing_from_the_database_so_it_shows_when_the_database_cannot_be_reached()
    {
        var client = app.NewClient();
        await client.SignInAsync("parent@example.org");
        var (response, page) = await client.OpenAsync("/test/fail-database");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with the service", page.Heading());
        Assert.DoesNotContain("Sign in", page.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".cg-signed-in"));

        // The same person's next page, with the database back, has the menu and says who is signed in.
        var (_, next) = await client.OpenAsync("/children");
        Assert.Contains("Notifications", next.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(next.QuerySelector(".cg-signed-in"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_and_front_end_files_are_sent_compressed_and_fingerprinted_files_are_kept_for_a_year(string encoding)
    {
        var client = app.NewClient();
        await client.SignInAsync("parent@example.org");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/children");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal([encoding], page.Content.Headers.ContentEncoding);
        Assert.True(page.Headers.CacheControl!.NoStore, "A page about a child is never kept in a shared computer's cache");
        var html = await Decompressed(page, encoding);
        Assert.Contains("My children", html, StringComparison.Ordinal);

        var files = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/dist/[^\"]+\\?v=[^\"]+)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(2, files.Count);
        foreach (var file in files)
        {
            using var fileRequest = new HttpRequestMessage(HttpMethod.Get, file);
            fileRequest.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await client.SendAsync(fileRequest);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
            Assert.True(response.Headers.CacheControl.Public);
            Assert.NotEmpty(await Decompressed(response, encoding));
        }

        // Without its fingerprint, a file may change at the same address, so it is kept only for an hour.
        using var plain = await client.GetAsync(files[0].Split('?')[0]);
        Assert.Equal(TimeSpan.FromHours(1), plain.Headers.CacheControl!.MaxAge);
    }

    private static async Task<string> Decompressed(HttpResponseMessage response, string encoding)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream reader = encoding == "br"
            ? new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress);
        using var text = new StreamReader(reader);
        return await text.ReadToEndAsync();
    }

    [Fact]
    public async Task Health_reports_the_database_healthy()
    {
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/accessibility", "Accessibility statement for CommonGround")]
    [InlineData("/privacy", "Privacy notice")]
    [InlineData("/cookies", "Cookies")]
    public async Task Help_pages_are_open_to_everyone(string url, string heading)
    {
        var (response, page) = await app.NewClient().OpenAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, page.Heading());
    }

    [Fact]
    public async Task Sign_in_page_outside_development_does_not_list_the_demo_accounts()
    {
        var (_, page) = await app.NewClient().OpenAsync("/sign-in");
        Assert.DoesNotContain("parent@example.org", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/children")]
    [InlineData("/account")]
    [InlineData("/organisation")]
    [InlineData("/admin/areas")]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string url)
    {
        var response = await app.NewClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parent@example.org", "My children|Notifications")]
    [InlineData("senco@example.org", "Children I work with|Needs attention|What I owe|Notifications")]
    [InlineData("orgadmin@example.org", "Children I work with|Needs attention|What I owe|Your organisation|Notifications")]
    [InlineData("caseworker@example.org", "Children I work with|Needs attention|What I owe|Statutory processes|Notifications")]
    [InlineData("send.lead@example.org", "Children I work with|Needs attention|What I owe|Statutory processes|Timeliness|Your organisation|Notifications")]
    [InlineData("admin@example.org", "Organisations|Areas")]
    public async Task The_navigation_fits_the_person(string email, string expected)
    {
        var client = app.NewClient();
        await client.SignInAsync(email);
        var (_, page) = await client.OpenAsync("/account");

        var items = page.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal([.. expected.Split('|'), "Your account"], items);
        Assert.Contains("Signed in as", page.QuerySelector(".cg-signed-in")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parent@example.org", "/organisation")]
    [InlineData("parent@example.org", "/admin/areas")]
    [InlineData("senco@example.org", "/organisation")]
    [InlineData("senco@example.org", "/children/add")]
    [InlineData("orgadmin@example.org", "/admin/organisations")]
    [InlineData("admin@example.org", "/children/add")]
    [InlineData("admin@example.org", "/organisation/staff/invite")]
    public async Task Pages_outside_a_persons_role_are_forbidden_with_a_styled_page(string email, string url)
    {
        var client = app.NewClient();
        await client.SignInAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var (errorResponse, page) = await client.OpenAsync(response.Headers.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, errorResponse.StatusCode);
        Assert.Equal("You do not have permission to see this page", page.Heading());
    }

    [Fact]
    public async Task Signed_in_pages_are_not_stored_and_cookies_are_host_only_secure_and_http_only()
    {
        var client = app.NewClient();
        var signIn = await client.SignInAsync("parent@example.org");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-CommonGround=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);

        var response = await client.GetAsync("/children");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        var before = await app.QueryAsync(db => db.Users.CountAsync());
        var response = await app.NewClient().PostAsync("/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Forged Person",
            ["Input.Email"] = "forged@example.org",
            ["Input.Password"] = "a long enough passphrase",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Browse.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with what was sent", page.Heading());
        Assert.Equal(before, await app.QueryAsync(db => db.Users.CountAsync()));
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "forged@example.org")));
    }
}

public sealed class DevelopmentAppFactory : AppFactory
{
    protected override string EnvironmentName => "Development";
}

public sealed class DevelopmentTests(DevelopmentAppFactory app) : IClassFixture<DevelopmentAppFactory>
{
    [Fact]
    public async Task Sign_in_page_in_development_lists_every_demo_account_and_the_shared_password()
    {
        var (_, page) = await app.NewClient().OpenAsync("/sign-in");
        var text = page.Body!.TextContent;
        foreach (var account in CommonGround.Core.Demo.DemoData.Accounts)
        {
            Assert.Contains(account.Email, text, StringComparison.Ordinal);
        }

        Assert.Contains("CommonGround-demo-2026", text, StringComparison.Ordinal);
    }
}

public sealed class ProtectionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Https_responses_tell_browsers_to_use_https_for_a_year()
    {
        // Browsers ignore HSTS from localhost, and so does the middleware; a real host name gets it.
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://commonground.example.org") });
        var response = await client.GetAsync("/");
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_too_many_password_reset_emails_is_refused_with_a_clear_page()
    {
        var client = app.NewClient();
        for (var i = 0; i < CommonGround.Web.Infrastructure.Security.RateLimits.EmailSendingPermits; i++)
        {
            var (allowed, _) = await client.SubmitAsync("/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = $"someone{i}@example.org" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var (refused, page) = await client.SubmitAsync("/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = "one.more@example.org" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many attempts", page.Heading());

        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/forgotten-password")).StatusCode);
    }
}
