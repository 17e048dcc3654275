using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CommonGround.Web.Tests;

/// <summary>
/// The whole app over HTTP, on its own fresh database (a copy of one the migrations were applied to, so the app's
/// start-up finds nothing left to apply), with a fake clock, email written to a folder of its own and background jobs
/// run by the test when it chooses.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"cg-web-{Guid.NewGuid():N}");

    static AppFactory()
    {
        // Every app a test starts would otherwise watch its settings files through inotify, and many apps at once
        // (tests run in parallel, test projects side by side) exhaust the machine's limit of 128 watchers a user.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
    private TestDatabase? _database;

    /// <summary>
    /// One certificate for every app this test run starts, as a deployment supplies one to all its instances: apps that
    /// share a database must be able to read each other's keys.
    /// </summary>
    private static readonly Lazy<string> KeyCertificate = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cg-test-keys-{Environment.ProcessId}");
        var path = Path.Combine(folder, "key-protection.pfx");
        CommonGround.Web.Infrastructure.Security.KeyProtection.CreateCertificate(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return path;
    });

    /// <summary>A request header that stands for the address of the peer connecting to the app, which the test server has none of.</summary>
    public const string PeerAddressHeader = "X-Test-Peer-Address";

    /// <summary>Set to make this a second instance of the app on that app's database, as on a second server.</summary>
    public AppFactory? SharesDatabaseWith { get; init; }

    public FakeTimeProvider Time { get; } = new(Start);
    public string PickupFolder => Path.Combine(_dataFolder, "mail");

    /// <summary>Settings a test class may change before the app starts.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Where the app is listening, once it serves real HTTP (browser tests).</summary>
    public string ServerAddress =>
        Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

    protected virtual string EnvironmentName => "Testing";

    /// <summary>
    /// Whether the app starts with the demo, for a test of the demo itself; every other test starts with
    /// <see cref="TestCast"/>, the people the tests talk about with nothing yet recorded about them.
    /// </summary>
    protected virtual bool StartsWithDemo => false;

    /// <summary>
    /// Whether a password is stretched as many times as the service stretches it (210,000, about 150 ms a sign-in), which
    /// only the test of that setting needs. Every other app stretches it a thousand times: the suite signs in hundreds of
    /// times, nothing else a test checks depends on the count, and it saves a third of the page tests' processor time.
    /// </summary>
    protected virtual bool StretchesPasswordsAsTheServiceDoes => false;

    public async ValueTask InitializeAsync()
    {
        if (SharesDatabaseWith is null)
        {
            _database = await TestDatabase.CreateAsync();
        }
    }

    private TestDatabase Database => SharesDatabaseWith?.Database ?? _database!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:CommonGround", Database.ConnectionString);
        builder.UseSetting("Data:Folder", _dataFolder);
        builder.UseSetting("Email:PickupFolder", PickupFolder);
        builder.UseSetting("Service:PublicUrl", "https://localhost");
        // A real host name as well, for what browsers treat differently from localhost (HSTS).
        builder.UseSetting("AllowedHosts", "commonground.example.org");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Demo:Seed", StartsWithDemo && SharesDatabaseWith is null ? "true" : "false");
        builder.UseSetting("Security:RequireMfaForProfessionals", "false");
        builder.UseSetting("DataProtection:CertificatePath", KeyCertificate.Value);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FailingEndpoint>();
            services.AddSingleton<StatementsSent>();
            services.AddSingleton<SaveRace>();
            if (!StretchesPasswordsAsTheServiceDoes)
            {
                services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
            }

            services.ConfigureDbContext<CommonGroundDbContext>((provider, options) =>
                options.AddInterceptors(new UnreachableDatabase(provider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>()),
                    provider.GetRequiredService<StatementsSent>(), provider.GetRequiredService<SaveRace>()));
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddress>();
            if (!StartsWithDemo && SharesDatabaseWith is null)
            {
                services.AddHostedService<AddTestCast>();
            }
        });
    }

    /// <summary>Another person's change at the moment a request saves (see <see cref="SaveRace"/>).</summary>
    public SaveRace Race => Services.GetRequiredService<SaveRace>();

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public async Task<T> QueryAsync<T>(Func<CommonGroundDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>());
    }

    /// <summary>Runs the notification and email delivery jobs once and returns every email delivered so far.</summary>
    public async Task<IReadOnlyList<MimeMessage>> DeliverEmailAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationEmailJob>().ExecuteAsync(CancellationToken.None);
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailDeliveryJob>().ExecuteAsync(CancellationToken.None);
        }

        return Directory.Exists(PickupFolder)
            ? Directory.GetFiles(PickupFolder, "*.eml").Select(f => MimeMessage.Load(f)).OrderBy(m => m.Date).ToList()
            : [];
    }

    /// <summary>The first link in the newest email to an address.</summary>
    public async Task<string> LinkInLatestEmailToAsync(string address)
    {
        var email = (await DeliverEmailAsync()).Last(m => m.To.Mailboxes.Any(t => t.Address == address));
        var match = System.Text.RegularExpressions.Regex.Match(email.TextBody ?? "", @"https?://[^/\s]+(/\S+)");
        Assert.True(match.Success, $"No link in the email to {address}: {email.TextBody}");
        return match.Groups[1].Value;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Adds <see cref="TestCast"/> once the app has built its database, before it answers any request.</summary>
    private sealed class AddTestCast(IServiceProvider services) : Microsoft.Extensions.Hosting.IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
            if (await TestCast.AddIfEmptyAsync(db, scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<Core.Accounts.UserAccount>>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken))
            {
                // As the app would after any change: the cast's early warnings are there from the first request.
                var children = await db.Children.Select(c => c.Id).ToListAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<Core.Attention.AttentionSignals>().RefreshAsync(children, cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Sets the connection's remote address from <see cref="PeerAddressHeader"/>, before the app's own pipeline.</summary>
    private sealed class PeerAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (Microsoft.AspNetCore.Http.HttpContext context, Func<Task> nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerAddressHeader, out var value) && System.Net.IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                await nextMiddleware();
            });
            next(app);
        };
    }

    /// <summary>An address that throws, to prove what an unexpected failure looks like to a person.</summary>
    private sealed class FailingEndpoint : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (Microsoft.AspNetCore.Http.HttpContext context, Func<Task> nextMiddleware) =>
            {
                if (context.Request.Path == "/test/fail")
                {
                    throw new InvalidOperationException("A deliberate failure.");
                }

                if (context.Request.Path == "/test/fail-database")
                {
                    context.Items[UnreachableDatabase.Key] = true;
                    throw new InvalidOperationException("A deliberate failure, after which the database cannot be reached.");
                }

                await nextMiddleware();
            });
        };
    }
}

/// <summary>For the rest of a request to <c>/test/fail-database</c>, the database cannot be reached, as when it is down or out of connections.</summary>
internal sealed class UnreachableDatabase(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public const string Key = "test-database-unreachable";

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult ConnectionOpening(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result) =>
        Unreachable() ? throw new InvalidOperationException("The database cannot be reached.") : result;

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> ConnectionOpeningAsync(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result, CancellationToken cancellationToken = default) =>
        Unreachable() ? throw new InvalidOperationException("The database cannot be reached.") : ValueTask.FromResult(result);

    private bool Unreachable() => accessor.HttpContext?.Items.ContainsKey(Key) == true;
}

/// <summary>
/// The statements each request sent to the database, by the request's path, for tests of how many a page needs, and
/// any a request waited for holding its thread. It keeps nothing until a test starts it, so the apps shared by a test
/// class do not hold every statement they ever sent.
/// </summary>
public sealed class StatementsSent(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Path, string Sql)> _sent = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Request, string Sql)> _blocking = new();
    private volatile bool _recording;

    public IReadOnlyList<string> For(string path) => _sent.Where(s => s.Path == path).Select(s => s.Sql).ToList();

    /// <summary>Statements a request sent and then held its thread waiting for, as "METHOD path: first line of the statement".</summary>
    public IReadOnlyList<string> Blocking => _blocking.Select(s => $"{s.Request}: {s.Sql.Split('\n')[0]}").ToList();

    /// <summary>Forgets what was sent so far and keeps what is sent from now on.</summary>
    public void Start()
    {
        _sent.Clear();
        _blocking.Clear();
        _recording = true;
    }

    private void Blocked(System.Data.Common.DbCommand command)
    {
        if (_recording && accessor.HttpContext?.Request is { } request)
        {
            _blocking.Enqueue(($"{request.Method} {request.Path}", command.CommandText));
        }
    }

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result)
    {
        Blocked(command);
        return result;
    }

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> NonQueryExecuting(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result)
    {
        Blocked(command);
        return result;
    }

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> ScalarExecuting(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result)
    {
        Blocked(command);
        return result;
    }

    public override System.Data.Common.DbCommand CommandInitialized(Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData, System.Data.Common.DbCommand result)
    {
        if (_recording && accessor.HttpContext?.Request.Path.Value is { } path)
        {
            _sent.Enqueue((path, result.CommandText));
        }

        return result;
    }
}

/// <summary>Reads pages as a browser would and submits their forms with the antiforgery token they carry.</summary>
public static class Browse
{
    /// <summary>The three fields of a GOV.UK date input named <paramref name="prefix"/>.</summary>
    public static Dictionary<string, string> DateFields(string prefix, DateOnly date) => new()
    {
        [$"{prefix}.Day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}.Month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}.Year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "https://localhost/"));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Page)> OpenAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Opens <paramref name="url"/>, fills the form that posts to <paramref name="action"/> (or the main form) and submits it.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? action = null)
    {
        var (target, values) = await client.FillAsync(url, fields, action);
        return await client.PostFormAsync(target, values);
    }

    /// <summary>
    /// Opens <paramref name="url"/> and fills the form that posts to <paramref name="action"/> (or the main form), without
    /// sending it: where it posts to, and its values with the hidden ones it carries.
    /// </summary>
    public static async Task<(string Target, Dictionary<string, string> Values)> FillAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? action = null)
    {
        var (_, page) = await client.OpenAsync(url);
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form")
            .FirstOrDefault(f => action is null || f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form{(action is null ? "" : $" posting to {action}")} on {url}: {page.Title}");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return (form.GetAttribute("action") is { Length: > 0 } formAction ? formAction : url, values);
    }

    public static async Task<(HttpResponseMessage Response, IDocument Page)> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> values)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(values));
        return (response, await ParseAsync(response));
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = TestRecords.Password)
    {
        var (response, page) = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} gave {(int)response.StatusCode}: {page.QuerySelector(".govuk-error-summary")?.TextContent}");
        return response;
    }

    /// <summary>Turns on two-factor authentication as a person would: reads the key off the page and types the app's code.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnTwoFactorAsync(this HttpClient client, TimeProvider time)
    {
        var (_, page) = await client.OpenAsync("/account/two-factor/set-up");
        var key = page.QuerySelector(".cg-secret-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var (_, codesPage) = await client.SubmitAsync("/account/two-factor/set-up",
            new Dictionary<string, string> { ["Input.Code"] = CommonGround.Core.Accounts.TotpAuthenticator.CodeAt(key, time.GetUtcNow().UtcDateTime) });
        return (key, codesPage.QuerySelectorAll(".cg-recovery-codes li").Select(li => li.TextContent.Trim()).ToList());
    }

    public static IReadOnlyList<string> ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    public static string Heading(this IDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? "";
}

/// <summary>For tests that move the clock or change shared records: each test gets an app and a database of its own.</summary>
public abstract class FreshAppTests : IAsyncLifetime
{
    protected AppFactory App { get; } = new();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    /// <summary>A new browser-like client, signed in as a demo account.</summary>
    protected async Task<HttpClient> SignedInAsync(string email)
    {
        var client = App.NewClient();
        await client.SignInAsync(email);
        return client;
    }

    protected Task<Guid> ChildIdAsync(string firstName) =>
        App.QueryAsync(db => db.Children.Where(c => c.FirstName == firstName).Select(c => c.Id).SingleAsync());

    /// <summary>The account with this email.</summary>
    protected Task<Guid> UserIdAsync(string email) => App.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>The active team place on a child of the professional with this email.</summary>
    protected Task<Guid> MemberIdAsync(Guid childId, string email) => App.QueryAsync(db => db.TeamMembers
        .Where(t => t.ChildId == childId && t.LeftAt == null && t.Professional!.UserAccount!.Email == email).Select(t => t.Id).SingleAsync());

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
