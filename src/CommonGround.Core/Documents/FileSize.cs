using System.Globalization;

namespace CommonGround.Core.Documents;

public static class FileSize
{
    /// <summary>"840 KB", "2.4 MB": a size as people read it.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MB",
    };
}
