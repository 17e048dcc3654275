using System.Collections.Concurrent;

namespace CommonGround.Core.Tests.Data;

public sealed class IdsTests
{
    [Fact]
    public void A_new_key_is_version_7_with_the_standard_variant_and_the_millisecond_it_was_made()
    {
        var before = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var keys = Enumerable.Range(0, 5_000).Select(_ => Ids.New()).ToList();
        var after = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

        Assert.All(keys, key =>
        {
            Assert.Equal(7, key.Version);
            Assert.InRange(key.Variant, 0x8, 0xB);
            var bytes = key.ToByteArray(bigEndian: true);
            var milliseconds = bytes[..6].Aggregate(0L, (sum, b) => (sum << 8) | b);
            Assert.InRange(milliseconds, before, after);
        });
    }

    [Fact]
    public void Keys_made_a_millisecond_apart_sort_in_the_order_they_were_made_as_the_database_sorts_them()
    {
        var earlier = Ids.New();
        Thread.Sleep(2);
        var later = Ids.New();

        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0);
        Assert.True(earlier.CompareTo(later) < 0);
    }

    [Fact]
    public void Keys_made_on_many_threads_at_once_are_all_different_and_random_after_their_time()
    {
        // Each thread uses many blocks of random bytes, so this also covers refilling a block.
        var keys = new ConcurrentBag<Guid>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                keys.Add(Ids.New());
            }
        });

        Assert.Equal(160_000, keys.Distinct().Count());
        var randomParts = keys.Select(k => Convert.ToHexString(k.ToByteArray(bigEndian: true)[6..])).ToList();
        Assert.Equal(randomParts.Count, randomParts.Distinct().Count());
        var bitsSet = randomParts.Take(10_000).Select(Convert.FromHexString).SelectMany(b => b[2..])
            .Sum(b => System.Numerics.BitOperations.PopCount(b));
        Assert.InRange(bitsSet / (10_000.0 * 8 * 8), 0.48, 0.52);
    }
}
