using System.Net;
using CommonGround.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Bench;

/// <summary>The real app in this process, on the generated database, with nothing sent anywhere and no background jobs.</summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private readonly string _folder;

    public BenchApp(DatabaseProvider provider, string connectionString, string folder)
    {
        (_provider, _connectionString, _folder) = (provider, connectionString, folder);
        // The app reads its settings and front-end files from its project folder, found from the repository root.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CommonGround.slnx")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COMMONGROUND_WEB",
            Path.Combine(root?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository"), "src", "CommonGround.Web"));
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("ConnectionStrings:CommonGround", _connectionString);
        builder.UseSetting("Database:MigrateOnStart", "false");
        builder.UseSetting("Data:Folder", _folder);
        builder.UseSetting("Email:PickupFolder", Path.Combine(_folder, "mail"));
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Security:RequireMfaForProfessionals", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Service:PublicUrl", "https://localhost");
        // A certificate made in the benchmark's own folder protects the keys, as a deployment's would.
        builder.UseSetting("DataProtection:CreateLocalCertificate", "true");
        // The one-query page every timed page is compared with lives in this assembly.
        builder.ConfigureServices(services => services.AddRazorPages().AddApplicationPart(typeof(BenchApp).Assembly));
    }

    public async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/sign-in");
        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = Forms.TokenIn(form),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Could not sign in as {email}: {(int)response.StatusCode}");
        }

        return client;
    }
}
