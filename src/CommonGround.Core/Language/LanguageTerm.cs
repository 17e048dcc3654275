using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommonGround.Core.Language;

/// <summary>
/// One entry in the advisor's vocabulary, as data. <see cref="Pattern"/> is a case-insensitive regular expression matched
/// on whole words; <see cref="NotBefore"/> are patterns that, matching the text straight after a hit, show it is meant
/// another way (a "lazy eye"); <see cref="NotAfter"/> do the same for the text straight before it ("the meeting kicked off").
/// <c>{families}</c>, <c>{children}</c> and any name in the vocabulary's <see cref="LanguageVocabulary.Lists"/>, in braces, stand
/// for that list of words.
/// </summary>
public sealed record LanguageTerm
{
    public required string Pattern { get; init; }
    public required LanguageCategory Category { get; init; }
    public required string Explanation { get; init; }
    public required string Suggestion { get; init; }
    public IReadOnlyList<string> NotBefore { get; init; } = [];
    public IReadOnlyList<string> NotAfter { get; init; } = [];
}

/// <summary>A vocabulary file: the shared word lists and the terms that use them.</summary>
public sealed record LanguageVocabulary
{
    public string Families { get; init; } = "";
    public string Children { get; init; } = "";
    /// <summary>More named word lists for patterns to share, e.g. <c>{people}</c> or <c>{is}</c>.</summary>
    public IReadOnlyDictionary<string, string> Lists { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<LanguageTerm> Terms { get; init; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static LanguageVocabulary Parse(string json) =>
        JsonSerializer.Deserialize<LanguageVocabulary>(json, JsonOptions) ?? throw new InvalidDataException("The vocabulary file is empty.");

    /// <summary>The vocabulary that comes with CommonGround.</summary>
    public static LanguageVocabulary BuiltIn { get; } = LoadBuiltIn();

    private static LanguageVocabulary LoadBuiltIn()
    {
        using var stream = typeof(LanguageVocabulary).Assembly.GetManifestResourceStream("CommonGround.Core.Language.respectful-language.json")
            ?? throw new InvalidOperationException("The respectful-language vocabulary is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>This vocabulary with another's terms added, e.g. an organisation's own; the word lists are this one's, plus any new ones it names.</summary>
    public LanguageVocabulary With(LanguageVocabulary more) => this with
    {
        Terms = [.. Terms, .. more.Terms],
        Lists = more.Lists.Where(list => !Lists.ContainsKey(list.Key)).Aggregate(
            new Dictionary<string, string>(Lists), (lists, list) => { lists[list.Key] = list.Value; return lists; }),
    };

    internal string Expand(string pattern)
    {
        // Named lists first, so that they too may use {families} and {children}.
        var expanded = pattern;
        foreach (var (name, words) in Lists)
        {
            expanded = expanded.Replace("{" + name + "}", words, StringComparison.Ordinal);
        }

        expanded = expanded
            .Replace("{families}", Families, StringComparison.Ordinal)
            .Replace("{children}", Children, StringComparison.Ordinal);

        // People type curly apostrophes as often as straight ones.
        return expanded.Replace("'", "['’]", StringComparison.Ordinal);
    }
}
