using System.Text.RegularExpressions;

namespace CommonGround.Core.Language;

/// <summary>A sentence's place in a longer text.</summary>
public readonly record struct SentenceSpan(int Start, int Length);

/// <summary>Splits written text into sentences: at a full stop, question or exclamation mark, semicolon or new line.</summary>
public static partial class SentenceSpans
{
    // Full stops that do not end a sentence: titles and common abbreviations, and decimals like 2.5.
    [GeneratedRegex(@"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|e\.g|i\.e|etc|approx|no|vs|cf)\.|\d\.\d|[^.!?;\r\n])+[.!?;]*[""'’”)]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Sentence();

    public static IReadOnlyList<SentenceSpan> Of(string text)
    {
        var spans = new List<SentenceSpan>();
        foreach (Match match in Sentence().Matches(text))
        {
            var start = match.Index;
            var end = match.Index + match.Length;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            // A heading, a bullet mark or a list number carries no meaning to judge.
            if (text.AsSpan(start, end - start).ContainsAnyExcept(" -*•0123456789.)(") && end - start >= 3)
            {
                spans.Add(new SentenceSpan(start, end - start));
            }
        }

        return spans;
    }
}
