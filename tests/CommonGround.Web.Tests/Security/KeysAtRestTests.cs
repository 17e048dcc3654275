using CommonGround.Core.Accounts;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests.Security;

/// <summary>What a copy of the database gives away: neither the keys that sign sessions nor a usable second factor.</summary>
public sealed class KeysAtRestTests : FreshAppTests
{
    [Fact]
    public async Task The_keys_that_protect_sessions_are_kept_encrypted_in_the_database()
    {
        await App.NewClient().SignInAsync("parent@example.org");

        var keys = await App.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_authenticator_key_is_stored_encrypted_and_recovery_codes_only_as_hashes()
    {
        var client = App.NewClient();
        await client.SignInAsync("parent@example.org");
        var (key, codes) = await client.TurnOnTwoFactorAsync(App.Time);
        Assert.Equal(10, codes.Count);

        var userId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.Id).SingleAsync());
        var tokens = await App.QueryAsync(db => db.UserTokens.Where(t => t.UserId == userId).ToDictionaryAsync(t => t.Name, t => t.Value ?? ""));
        var storedKey = tokens["AuthenticatorKey"];
        Assert.StartsWith("p1:", storedKey, StringComparison.Ordinal);
        Assert.DoesNotContain(key, storedKey, StringComparison.OrdinalIgnoreCase);
        var storedCodes = tokens["RecoveryCodes"];
        Assert.Equal(10, storedCodes.Split(';').Length);
        Assert.All(storedCodes.Split(';'), stored => Assert.StartsWith("h1:", stored, StringComparison.Ordinal));
        Assert.All(codes, code => Assert.DoesNotContain(code, storedCodes, StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class KeyProtectionStartTests
{
    /// <summary>The real app as a deployment starts it: Production settings, with no certificate given.</summary>
    private sealed class UnprotectedProductionApp : WebApplicationFactory<Program>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cg-web-{Guid.NewGuid():N}");

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Data:Folder", _folder);
            builder.UseSetting("Database:MigrateOnStart", "false");
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("DataProtection:CertificatePath", "");
            builder.UseSetting("DataProtection:CreateLocalCertificate", "false");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Production_refuses_to_start_without_a_certificate_and_says_how_to_give_one()
    {
        using var app = new UnprotectedProductionApp();
        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.Services);
        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("encrypted at rest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cg-cert-{Guid.NewGuid():N}.pfx");
        KeyProtection.CreateCertificate(path);
        using var withKey = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, null);
        var cer = Path.ChangeExtension(path, ".public.pfx");
        using (var certOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(withKey.RawData))
        {
            File.WriteAllBytes(cer, certOnly.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12));
        }

        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => KeyProtection.Load(new KeyProtectionSettings { CertificatePath = cer }, Path.GetTempPath()));
            Assert.Contains("no private key", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
            File.Delete(cer);
        }
    }
}
