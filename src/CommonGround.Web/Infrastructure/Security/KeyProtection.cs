using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommonGround.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>Where the certificate that encrypts the Data Protection keys comes from.</summary>
public sealed class KeyProtectionSettings
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its private key, e.g. mounted from a key vault.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Or the thumbprint of a certificate in the machine's or the service account's personal store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>Make (once) and use a certificate in the data folder: for a developer's machine only.</summary>
    public bool CreateLocalCertificate { get; set; }
}

/// <summary>
/// The keys that sign cookies and links live in the database, shared by every instance. Stored as they are, anyone who
/// could read the database could forge a session for any account, so each key is encrypted with a certificate that the
/// deployment supplies from outside the database. Without one the service refuses to start, unless told to make a
/// local one (Development).
/// </summary>
public static class KeyProtection
{
    public const string LocalCertificateFile = "data-protection.pfx";

    public static void AddProtectedKeys(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var settings = configuration.GetSection(KeyProtectionSettings.Section).Get<KeyProtectionSettings>() ?? new();
        var certificate = Load(settings, dataFolder);
        services.AddDataProtection()
            .SetApplicationName("CommonGround")
            .PersistKeysToDbContext<CommonGroundDbContext>()
            .ProtectKeysWithCertificate(certificate);
    }

    public static X509Certificate2 Load(KeyProtectionSettings settings, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            if (!File.Exists(settings.CertificatePath))
            {
                throw new InvalidOperationException($"DataProtection:CertificatePath names '{settings.CertificatePath}', which does not exist.");
            }

            return WithPrivateKey(X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet),
                "DataProtection:CertificatePath");
        }

        if (!string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
        {
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                if (store.Certificates.Find(X509FindType.FindByThumbprint, settings.CertificateThumbprint.Trim(), validOnly: false) is [var found, ..])
                {
                    return WithPrivateKey(found, "DataProtection:CertificateThumbprint");
                }
            }

            throw new InvalidOperationException($"No certificate with the thumbprint in DataProtection:CertificateThumbprint ({settings.CertificateThumbprint}) is in the personal certificate store.");
        }

        if (settings.CreateLocalCertificate)
        {
            var path = Path.Combine(dataFolder, "keys", LocalCertificateFile);
            if (!File.Exists(path))
            {
                CreateCertificate(path);
            }

            return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
        }

        throw new InvalidOperationException(
            "The keys that protect sign-in cookies must be encrypted at rest. Supply a certificate with its private key: " +
            "DataProtection:CertificatePath (a .pfx file, with DataProtection:CertificatePassword) or DataProtection:CertificateThumbprint " +
            "(a certificate in the personal store). On a developer's machine, DataProtection:CreateLocalCertificate=true makes one in the data folder.");
    }

    /// <summary>A self-signed certificate for encrypting keys, written as a .pfx file with no password.</summary>
    public static void CreateCertificate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=CommonGround key protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pkcs12));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it at the same moment; theirs is the one every process uses.
            File.Delete(temporary);
        }
    }

    private static X509Certificate2 WithPrivateKey(X509Certificate2 certificate, string setting) =>
        certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate from {setting} has no private key, so the keys it encrypts could never be read back.");
}
