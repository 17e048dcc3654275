using CommonGround.Core.Language;

namespace CommonGround.Core.Tests.Language;

/// <summary>The two-stage advisor with the real sentence model, judged on the development set's evaluation part.</summary>
public sealed class SemanticLanguageStageTests
{
    private static readonly RespectfulLanguageAdvisor Advisor = new(LanguageVocabulary.BuiltIn, SemanticLanguageStage.BuiltIn);

    [Fact]
    public void The_development_set_has_at_least_600_sentences_about_half_of_them_labels_with_a_fixed_evaluation_part()
    {
        var examples = LanguageExample.BuiltIn;

        Assert.True(examples.Count >= 600, $"Only {examples.Count} examples");
        Assert.InRange(examples.Count(e => e.Labels), examples.Count * 45 / 100, examples.Count * 55 / 100);
        var evaluation = examples.Where(e => e.ForEvaluation).ToList();
        Assert.InRange(evaluation.Count, examples.Count / 5, examples.Count / 3);
        Assert.Contains(evaluation, e => e.Labels);
        Assert.Contains(evaluation, e => !e.Labels);
        Assert.Equal(examples.Count, examples.Select(e => e.Text.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void Every_kind_of_example_says_where_it_comes_from()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Language", "Examples", "README.md"));

        foreach (var kind in LanguageExample.BuiltIn.Select(e => e.Kind).Distinct())
        {
            Assert.Contains($"`{kind}`", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Recall_and_precision_on_the_evaluation_part_are_at_least_95_percent()
    {
        var result = LanguageEvaluation.Of(Advisor, LanguageExample.BuiltIn);

        var wrong = string.Join("\n", result.Missed.Select(e => $"missed: {e.Text}").Concat(result.WronglyFlagged.Select(e => $"wrongly flagged: {e.Text}")));
        Assert.True(result.MeetsRequired, $"Recall {result.Recall:P1}, precision {result.Precision:P1}\n{wrong}");
    }

    [Fact]
    public void The_semantic_stage_catches_labels_the_rules_do_not_and_names_the_whole_sentence()
    {
        var missedByRules = LanguageExample.BuiltIn.Where(e => e.ForEvaluation && e.Labels && RespectfulLanguageAdvisor.BuiltIn.Check(e.Text).Count == 0).ToList();
        Assert.NotEmpty(missedByRules);

        foreach (var example in missedByRules)
        {
            var text = "We met on Tuesday. " + example.Text;
            var finding = Assert.Single(Advisor.Check(text));
            Assert.Equal(example.Text, finding.Phrase);
            Assert.Equal("We met on Tuesday. ".Length, finding.Start);
            Assert.NotEmpty(finding.Suggestion);
        }
    }

    [Theory]
    [InlineData("Dad said he was frustrated by the delay.")]
    [InlineData("The family pressed for a quicker decision, which we agreed.")]
    [InlineData("It was a crazy week for the office.")]
    [InlineData("She uses a wheelchair.")]
    [InlineData("Mum asked for the report on 3 March and we sent it the same day.")]
    [InlineData("You are right; it is set aside.")]
    [InlineData("Parent")]
    public void Plain_facts_and_feelings_reported_plainly_get_no_advice(string sentence) => Assert.Empty(Advisor.Check(sentence));

    [Theory]
    [InlineData("Mum is a nightmare to deal with and always has been.")]
    [InlineData("He is a waste of space in lessons.")]
    [InlineData("Dad is bombarding the office with emails again.")]
    public void A_sentence_the_issue_describes_is_caught(string sentence) => Assert.NotEmpty(Advisor.Check(sentence));

    [Fact]
    public void A_rule_finding_keeps_its_exact_words_and_the_sentence_is_not_flagged_twice()
    {
        var finding = Assert.Single(Advisor.Check("Mum is a difficult parent."));

        Assert.Equal("difficult parent", finding.Phrase);
    }
}
