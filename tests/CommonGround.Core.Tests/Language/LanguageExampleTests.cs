using CommonGround.Core.Language;

namespace CommonGround.Core.Tests.Language;

/// <summary>Labelled examples as data, and what a deployment's own examples change, with a small stand-in for the sentence model.</summary>
public sealed class LanguageExampleTests
{
    /// <summary>A vector per word seen, so sentences sharing words are close: enough to show how learning works.</summary>
    private sealed class WordsEmbedder : ISentenceEmbedder
    {
        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences) => sentences.Select(s =>
        {
            var vector = new float[64];
            foreach (var word in s.ToLowerInvariant().Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(word.GetHashCode(StringComparison.Ordinal) & 0x7fffffff) % 64] += 1;
            }

            var length = MathF.Sqrt(vector.Sum(v => v * v));
            return vector.Select(v => v / length).ToArray();
        }).ToList();
    }

    private static readonly IReadOnlyList<LanguageExample> Plain = Enumerable.Range(1, 20)
        .Select(i => new LanguageExample($"The review on day {i} was held in the school hall with the family.", false, null, "plain", false)).ToList();

    [Fact]
    public void A_deployments_own_examples_teach_the_semantic_stage_a_label_it_did_not_know()
    {
        var own = LanguageExample.Parse("""
            text,flag,category
            Mum is a regular at the complaints desk,label,family-label
            Dad is a regular at the complaints desk,label,family-label
            Grandma is a regular at the complaints desk,label,family-label
            """, "own.csv");
        var other = new LanguageExample("He scored a goal at football on Friday with friends.", true, LanguageCategory.ChildDeficit, "other", false);

        var without = SemanticLanguageStage.Train(new WordsEmbedder(), [.. Plain, other], threshold: 0.5);
        var with = SemanticLanguageStage.Train(new WordsEmbedder(), [.. Plain, other, .. own], threshold: 0.5);

        Assert.Null(without.Classify(["Auntie is a regular at the complaints desk"])[0]);
        Assert.Equal(LanguageCategory.FamilyLabel, with.Classify(["Auntie is a regular at the complaints desk"])[0]);
    }

    [Fact]
    public void Evaluation_examples_are_never_learnt_from()
    {
        var onlyForEvaluation = LanguageExample.Parse("""
            text,flag,category,kind,split
            Mum is a regular at the complaints desk,label,family-label,own,evaluation
            Dad is a regular at the complaints desk,label,family-label,own,evaluation
            Someone else entirely said something,label,person-label,own,training
            """, "own.csv");

        var stage = SemanticLanguageStage.Train(new WordsEmbedder(), [.. Plain, .. onlyForEvaluation], threshold: 0.5);

        Assert.Null(stage.Classify(["Grandma is a regular at the complaints desk"])[0]);
    }

    [Theory]
    [InlineData("text,flag,category\nMum is loud,maybe,family-label\n", "flag is \"maybe\"")]
    [InlineData("text,flag,category\nMum is loud,label,rude\n", "a label needs its category")]
    [InlineData("text,flag,category\n  ,plain,\n", "the text is empty")]
    public void A_malformed_examples_file_says_which_row_and_what_is_wrong(string csv, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => LanguageExample.Parse(csv, "own.csv"));

        Assert.Contains("own.csv, row", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_are_split_at_their_ends_but_not_at_titles_or_decimals()
    {
        const string text = "Mrs Khan met Dr Shah at 9.30. She asked for 2.5 hours!\nNext steps; agreed\n- ";

        var sentences = SentenceSpans.Of(text).Select(s => text.Substring(s.Start, s.Length)).ToList();

        Assert.Equal(["Mrs Khan met Dr Shah at 9.30.", "She asked for 2.5 hours!", "Next steps;", "agreed"], sentences);
    }
}
