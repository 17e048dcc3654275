using CsvHelper;

namespace CommonGround.Core.Language;

/// <summary>
/// One labelled sentence the semantic stage learns from or is judged on: whether it labels or blames (and how), or is
/// a plain fact, feeling or near miss. <see cref="Kind"/> names where the sentence's kind comes from (see the examples'
/// README); <see cref="ForEvaluation"/> puts it in the part kept back to measure the advisor, never learnt from.
/// </summary>
public sealed record LanguageExample(string Text, bool Labels, LanguageCategory? Category, string Kind, bool ForEvaluation)
{
    /// <summary>The examples that come with CommonGround, training and evaluation parts together.</summary>
    public static IReadOnlyList<LanguageExample> BuiltIn { get; } = LoadBuiltIn();

    /// <summary>
    /// Reads examples from CSV with the columns <c>text</c>, <c>flag</c> (<c>label</c> or <c>plain</c>), <c>category</c>
    /// (<c>family-label</c>, <c>family-blame</c>, <c>child-deficit</c>, <c>disability</c> or <c>person-label</c>, for a
    /// label), and optionally <c>kind</c> and <c>split</c> (<c>training</c>, the default, or <c>evaluation</c>).
    /// </summary>
    public static IReadOnlyList<LanguageExample> Parse(string csv, string source)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = true, SkipEmptyLines = true });
        var examples = new List<LanguageExample>();
        while (reader.Read())
        {
            var line = reader.RowNumber;
            var text = reader.GetString("text").Trim();
            var labels = reader.GetString("flag").Trim().ToLowerInvariant() switch
            {
                "label" => true,
                "plain" => false,
                var other => throw new InvalidDataException($"{source}, row {line}: flag is \"{other}\"; write \"label\" or \"plain\"."),
            };
            var categoryText = reader.GetString("category").Trim();
            LanguageCategory? category = null;
            if (labels)
            {
                category = LanguageCategoryText.FromSlug(categoryText) ?? throw new InvalidDataException($"{source}, row {line}: a label needs its category, one of {string.Join(", ", Enum.GetValues<LanguageCategory>().Select(c => c.Slug()))}.");
            }

            var kind = reader.Headers.Contains("kind") ? reader.GetString("kind").Trim() : "";
            var split = reader.Headers.Contains("split") ? reader.GetString("split").Trim() : "training";
            if (text.Length == 0)
            {
                throw new InvalidDataException($"{source}, row {line}: the text is empty.");
            }

            examples.Add(new LanguageExample(text, labels, category, kind, split == "evaluation"));
        }

        return examples;
    }

    private static IReadOnlyList<LanguageExample> LoadBuiltIn()
    {
        using var stream = typeof(LanguageExample).Assembly.GetManifestResourceStream("CommonGround.Core.Language.respectful-language-examples.csv")
            ?? throw new InvalidOperationException("The respectful-language examples are missing from the build.");
        using var text = new StreamReader(stream);
        return Parse(text.ReadToEnd(), "the built-in examples");
    }
}
