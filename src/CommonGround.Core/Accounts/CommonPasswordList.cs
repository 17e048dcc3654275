using System.IO.Compression;

namespace CommonGround.Core.Accounts;

/// <summary>The 100,000 most common passwords (see common-passwords.SOURCE.md), loaded once on first use.</summary>
public static class CommonPasswordList
{
    private static readonly Lazy<HashSet<string>> Passwords = new(Load);

    public static int Count => Passwords.Value.Count;

    public static bool Contains(string password) => Passwords.Value.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        using var resource = typeof(CommonPasswordList).Assembly.GetManifestResourceStream("CommonGround.Core.Accounts.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
