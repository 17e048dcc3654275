using System.Text.RegularExpressions;

namespace CommonGround.Core.Language;

/// <summary>
/// Reads what a professional wrote and points out labels and blame, each with why it harms partnership and what to
/// write instead. It advises and never blocks: the writer decides. Pure and thread-safe; build one per vocabulary.
/// </summary>
public sealed class RespectfulLanguageAdvisor
{
    public const int MaxTextLength = 20_000;

    // How much text either side of a hit the context patterns see.
    private const int ContextLength = 60;
    // A guard against pathological input on a busy machine, far above the few milliseconds a check takes.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly IReadOnlyList<CompiledTerm> _terms;

    public RespectfulLanguageAdvisor(LanguageVocabulary vocabulary)
    {
        _terms = vocabulary.Terms.Select(term => new CompiledTerm(
            term,
            new Regex($@"(?<![\w-])(?:{vocabulary.Expand(term.Pattern)})(?![\w-])", Options, MatchTimeout),
            term.NotBefore.Select(p => new Regex(vocabulary.Expand(p), Options, MatchTimeout)).ToList(),
            term.NotAfter.Select(p => new Regex(vocabulary.Expand(p), Options, MatchTimeout)).ToList())).ToList();
    }

    /// <summary>The advisor with the vocabulary that comes with CommonGround.</summary>
    public static RespectfulLanguageAdvisor BuiltIn { get; } = new(LanguageVocabulary.BuiltIn);

    /// <summary>Every phrase worth rewording, in the order they appear; where two overlap, the longer is kept.</summary>
    public IReadOnlyList<LanguageFinding> Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var hits = new List<LanguageFinding>();
        foreach (var term in _terms)
        {
            try
            {
                foreach (Match match in term.Regex.Matches(text))
                {
                    if (!term.IsOtherMeaning(text, match))
                    {
                        hits.Add(new LanguageFinding(match.Index, match.Length, match.Value, term.Term.Category, term.Term.Explanation, term.Term.Suggestion));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Advice is a help, never a gate: a term that takes too long on some text is left out rather than failing the save.
            }
        }

        var findings = new List<LanguageFinding>();
        foreach (var hit in hits.OrderBy(h => h.Start).ThenByDescending(h => h.Length))
        {
            if (findings.Count > 0 && hit.Start < findings[^1].Start + findings[^1].Length)
            {
                continue;
            }

            findings.Add(hit);
        }

        return findings;
    }

    private sealed record CompiledTerm(LanguageTerm Term, Regex Regex, IReadOnlyList<Regex> NotBefore, IReadOnlyList<Regex> NotAfter)
    {
        public bool IsOtherMeaning(string text, Match match)
        {
            var end = match.Index + match.Length;
            var after = text.Substring(end, Math.Min(ContextLength, text.Length - end));
            var beforeStart = Math.Max(0, match.Index - ContextLength);
            var before = text[beforeStart..match.Index];
            return NotBefore.Any(r => r.IsMatch(after)) || NotAfter.Any(r => r.IsMatch(before));
        }
    }
}
