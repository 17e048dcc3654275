using System.Net;
using CommonGround.Core.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommonGround.Web.Tests.Security;

/// <summary>Counts the password hashing work the app does, which is what makes a response slow or quick.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<UserAccount> inner, CountingPasswordHasher.Counts counts) : IPasswordHasher<UserAccount>
{
    public sealed class Counts
    {
        private int _checks;

        public int Checks => _checks;

        public void Checked() => Interlocked.Increment(ref _checks);
    }

    public string HashPassword(UserAccount user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
    {
        counts.Checked();
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingHasherAppFactory : AppFactory
{
    public CountingPasswordHasher.Counts Counts { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<UserAccount>>(sp =>
            new CountingPasswordHasher(new PasswordHasher<UserAccount>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), Counts)));
    }
}

/// <summary>Nothing a stranger can send tells them whether an email address has an account here.</summary>
public sealed class EnumerationTests(CountingHasherAppFactory app) : IClassFixture<CountingHasherAppFactory>
{
    private async Task<(HttpStatusCode Status, IReadOnlyList<string> Errors, int Checks)> SignInAsync(string email)
    {
        var before = app.Counts.Checks;
        var (response, page) = await app.NewClient().SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "certainly not the password" });
        return (response.StatusCode, page.ErrorSummary(), app.Counts.Checks - before);
    }

    [Fact]
    public async Task Signing_in_as_nobody_does_the_same_password_work_and_says_the_same_as_a_wrong_password()
    {
        var real = await SignInAsync("therapist@example.org");
        var nobody = await SignInAsync("nobody.here@example.org");
        Assert.Equal(1, real.Checks);
        Assert.Equal(real.Checks, nobody.Checks);
        Assert.Equal(real.Status, nobody.Status);
        Assert.Equal(real.Errors, nobody.Errors);
    }

    [Fact]
    public async Task An_unconfirmed_or_deactivated_account_is_not_revealed_to_someone_without_its_password()
    {
        var client = app.NewClient();
        await client.SubmitAsync("/register", new Dictionary<string, string>
        {
            ["Input.Name"] = "Unconfirmed Person", ["Input.Email"] = "unconfirmed@example.org", ["Input.Password"] = "waiting for the email to come",
        });

        var (wrong, wrongPage) = await app.NewClient().SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = "unconfirmed@example.org", ["Input.Password"] = "a guess at the password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["Enter a correct email address and password"], wrongPage.ErrorSummary());

        var (right, rightPage) = await app.NewClient().SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = "unconfirmed@example.org", ["Input.Password"] = "waiting for the email to come" });
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("confirm your email address", rightPage.ErrorSummary().Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_an_email_that_has_an_account_looks_the_same_as_a_new_one()
    {
        var fields = (string email) => new Dictionary<string, string> { ["Input.Name"] = "Someone", ["Input.Email"] = email, ["Input.Password"] = "an ordinary long password" };
        var newcomer = app.NewClient();
        var (fresh, _) = await newcomer.SubmitAsync("/register", fields("brand.new.person@example.org"));
        var existing = app.NewClient();
        var (taken, _) = await existing.SubmitAsync("/register", fields("parent@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);
        var (_, freshPage) = await newcomer.OpenAsync(fresh.Headers.Location!.OriginalString);
        var (_, takenPage) = await existing.OpenAsync(taken.Headers.Location!.OriginalString);
        Assert.Equal(freshPage.QuerySelector("main")!.TextContent.Replace("brand.new.person@example.org", "X", StringComparison.Ordinal),
            takenPage.QuerySelector("main")!.TextContent.Replace("parent@example.org", "X", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forgotten_password_says_the_same_whether_or_not_the_address_has_an_account()
    {
        var (real, realPage) = await app.NewClient().SubmitAsync("/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = "senco@example.org" });
        var (none, nonePage) = await app.NewClient().SubmitAsync("/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = "no.account@example.org" });
        Assert.Equal(real.StatusCode, none.StatusCode);
        Assert.Equal(realPage.QuerySelector("main")!.TextContent.Replace("senco@example.org", "X", StringComparison.Ordinal),
            nonePage.QuerySelector("main")!.TextContent.Replace("no.account@example.org", "X", StringComparison.Ordinal));
    }
}
