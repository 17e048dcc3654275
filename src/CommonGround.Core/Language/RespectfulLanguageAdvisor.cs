using System.Text.RegularExpressions;

namespace CommonGround.Core.Language;

/// <summary>
/// Reads what a professional wrote and points out labels and blame, each with why it harms partnership and what to
/// write instead. It advises and never blocks: the writer decides. Two stages: the vocabulary's rules point at the
/// exact words, and, when given, the <see cref="SemanticLanguageStage"/> reads each sentence the rules left alone for
/// what it means. Thread-safe; build one per vocabulary.
/// </summary>
public sealed class RespectfulLanguageAdvisor
{
    public const int MaxTextLength = 20_000;

    // A label needs someone to label: a sentence with none of these words, nor a name ("it is set aside"), is left alone.
    private const string PersonWords = "{name}|{families}|{children}|he|she|they|him|her|them|his|hers|their|theirs|himself|herself|themselves|someone|anyone|everyone|people|person|wom[ae]n|m[ae]n|lady|ladies|kids?|boys|girls|pupils|students";

    private const int MinimumWordsForMeaning = 3;

    // How much text either side of a hit the context patterns see.
    private const int ContextLength = 60;
    // A guard against pathological input on a busy machine, far above the few milliseconds a check takes.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly IReadOnlyList<CompiledTerm> _terms;
    private readonly SemanticLanguageStage? _semantic;
    private readonly Regex _namesSomeone;

    public RespectfulLanguageAdvisor(LanguageVocabulary vocabulary, SemanticLanguageStage? semantic = null)
    {
        _semantic = semantic;
        _namesSomeone = new Regex($@"(?<![\w-])(?:{vocabulary.Expand(PersonWords)})(?![\w-])", Options, MatchTimeout);
        _terms = vocabulary.Terms.Select(term => new CompiledTerm(
            term,
            new Regex($@"(?<![\w-])(?:{vocabulary.Expand(term.Pattern)})(?![\w-])", Options, MatchTimeout),
            term.NotBefore.Select(p => new Regex(vocabulary.Expand(p), Options, MatchTimeout)).ToList(),
            term.NotAfter.Select(p => new Regex(vocabulary.Expand(p), Options, MatchTimeout)).ToList())).ToList();
    }

    /// <summary>The rules of the vocabulary that comes with CommonGround, without the semantic stage.</summary>
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

        return _semantic is null ? findings : WithSemanticFindings(text, findings);
    }

    /// <summary>Adds a finding for each sentence that no rule spoke about and that reads as a label or blame.</summary>
    private List<LanguageFinding> WithSemanticFindings(string text, List<LanguageFinding> ruleFindings)
    {
        var unspoken = SentenceSpans.Of(text)
            .Where(s => !ruleFindings.Any(f => f.Start < s.Start + s.Length && s.Start < f.Start + f.Length))
            .Where(s => IsASentence(text, s) && NamesSomeone(text, s))
            .ToList();
        var categories = _semantic!.Classify(unspoken.Select(s => text.Substring(s.Start, s.Length)).ToList());
        var semantic = unspoken.Zip(categories)
            .Where(p => p.Second is not null)
            .Select(p => new LanguageFinding(p.First.Start, p.First.Length, text.Substring(p.First.Start, p.First.Length), p.Second!.Value,
                p.Second.Value.Explanation(), p.Second.Value.Suggestion()));
        return [.. ruleFindings.Concat(semantic).OrderBy(f => f.Start)];
    }

    /// <summary>A word or two ("Parent", "Mum and Dad") says too little to be read for meaning: the rules read it alone.</summary>
    private static bool IsASentence(string text, SentenceSpan sentence) =>
        text.AsSpan(sentence.Start, sentence.Length).Count(' ') >= MinimumWordsForMeaning - 1;

    private bool NamesSomeone(string text, SentenceSpan sentence)
    {
        try
        {
            return _namesSomeone.IsMatch(text.AsSpan(sentence.Start, sentence.Length));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
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
