using System.Security.Cryptography;

namespace CommonGround.Core;

/// <summary>
/// Keys for new records: version 7 GUIDs, time first so that new rows sit together in an index, with 74 random bits,
/// as <see cref="Guid.CreateVersion7()"/> makes them. The random bits come from the system's secure generator in blocks
/// kept per thread, not one system call per key: every entity makes a key when it is constructed, and EF Core constructs
/// one for every row it reads before setting the stored key, so a list of a thousand rows made a thousand calls.
/// </summary>
public static class Ids
{
    private const int BlockBytes = 4096;
    private const int RandomBytesPerKey = 10;

    [ThreadStatic] private static byte[]? t_block;
    [ThreadStatic] private static int t_left;

    public static Guid New()
    {
        var block = t_block ??= new byte[BlockBytes];
        if (t_left < RandomBytesPerKey)
        {
            RandomNumberGenerator.Fill(block);
            t_left = BlockBytes;
        }

        var random = block.AsSpan(BlockBytes - t_left, RandomBytesPerKey);
        t_left -= RandomBytesPerKey;

        // RFC 9562 layout, big-endian: 48 bits of Unix milliseconds, the version, 12 random bits, the variant, 62 random bits.
        var milliseconds = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        Span<byte> key = stackalloc byte[16];
        for (var i = 0; i < 6; i++)
        {
            key[i] = (byte)(milliseconds >> (40 - 8 * i));
        }

        random.CopyTo(key[6..]);
        key[6] = (byte)(0x70 | (key[6] & 0x0F));
        key[8] = (byte)(0x80 | (key[8] & 0x3F));
        return new Guid(key, bigEndian: true);
    }
}
