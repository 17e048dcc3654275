using CommonGround.Core.Language;

namespace CommonGround.Core.Tests.Language;

public sealed class RespectfulLanguageAdvisorTests
{
    private static readonly RespectfulLanguageAdvisor Advisor = RespectfulLanguageAdvisor.BuiltIn;

    private static IReadOnlyList<(string Sentence, bool ShouldFlag)> Sentences() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Language", "respectful-language-sentences.txt"))
            .Where(line => line.StartsWith("+ ", StringComparison.Ordinal) || line.StartsWith("- ", StringComparison.Ordinal))
            .Select(line => (line[2..], line[0] == '+'))
            .ToList();

    [Fact]
    public void The_sentence_set_has_at_least_80_sentences_half_of_them_to_flag()
    {
        var sentences = Sentences();
        Assert.True(sentences.Count >= 80, $"Only {sentences.Count} sentences");
        Assert.InRange(sentences.Count(s => s.ShouldFlag), 40, sentences.Count - 40);
    }

    [Fact]
    public void Recall_and_precision_on_the_sentence_set_are_at_least_90_percent()
    {
        var results = Sentences().Select(s => (s.Sentence, s.ShouldFlag, Flagged: Advisor.Check(s.Sentence).Count > 0)).ToList();
        var truePositives = results.Count(r => r.ShouldFlag && r.Flagged);
        var recall = (double)truePositives / results.Count(r => r.ShouldFlag);
        var precision = (double)truePositives / Math.Max(1, results.Count(r => r.Flagged));

        var missed = string.Join("\n", results.Where(r => r.ShouldFlag != r.Flagged).Select(r => $"{(r.ShouldFlag ? "missed" : "wrongly flagged")}: {r.Sentence}"));
        Assert.True(recall >= 0.9 && precision >= 0.9, $"Recall {recall:P0}, precision {precision:P0}\n{missed}");
    }

    [Theory]
    [InlineData("We had a difficult conversation about the plan.")]
    [InlineData("The demands of the curriculum are high.")]
    [InlineData("Mum challenged the decision.")]
    [InlineData("She finds writing difficult.")]
    public void Words_used_in_another_sense_are_not_flagged(string sentence) => Assert.Empty(Advisor.Check(sentence));

    [Theory]
    [InlineData("Mum is a difficult parent.", "difficult parent", LanguageCategory.FamilyLabel)]
    [InlineData("We spoke to those parents today.", "those parents", LanguageCategory.FamilyLabel)]
    [InlineData("Dad is pushy.", "Dad is pushy", LanguageCategory.FamilyLabel)]
    [InlineData("They are in denial.", "in denial", LanguageCategory.FamilyBlame)]
    [InlineData("Mum refuses to engage.", "refuses to engage", LanguageCategory.FamilyBlame)]
    [InlineData("Dad kicked off at reception.", "kicked off", LanguageCategory.FamilyBlame)]
    [InlineData("He was naughty.", "He was naughty", LanguageCategory.ChildDeficit)]
    [InlineData("Stop the attention seeking.", "attention seeking", LanguageCategory.ChildDeficit)]
    [InlineData("Sam suffers from asthma.", "suffers from", LanguageCategory.Disability)]
    [InlineData("Maya is wheelchair-bound.", "wheelchair-bound", LanguageCategory.Disability)]
    public void A_finding_names_the_phrase_its_place_and_its_category(string sentence, string phrase, LanguageCategory category)
    {
        var finding = Assert.Single(Advisor.Check(sentence));

        Assert.Equal(phrase, finding.Phrase, ignoreCase: true);
        Assert.Equal(sentence.IndexOf(finding.Phrase, StringComparison.Ordinal), finding.Start);
        Assert.Equal(finding.Phrase.Length, finding.Length);
        Assert.Equal(category, finding.Category);
        Assert.NotEmpty(finding.Explanation);
        Assert.NotEmpty(finding.Suggestion);
    }

    [Fact]
    public void Findings_come_in_the_order_they_appear_and_overlapping_terms_give_one_finding()
    {
        var text = "He is a naughty child. Mum is a difficult parent and pushy.";

        var findings = Advisor.Check(text);

        Assert.Equal(["naughty", "difficult parent", "pushy"], findings.Select(f => f.Phrase));
        Assert.All(findings, f => Assert.Equal(f.Phrase, text.Substring(f.Start, f.Length)));
    }

    [Fact]
    public void Curly_and_straight_apostrophes_read_the_same()
    {
        Assert.Single(Advisor.Check("Mum won't accept the diagnosis."));
        Assert.Single(Advisor.Check("Mum won’t accept the diagnosis."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_has_no_findings(string? text) => Assert.Empty(Advisor.Check(text));

    [Fact]
    public void An_organisation_can_add_its_own_terms_as_data()
    {
        var own = LanguageVocabulary.Parse("""
            { "terms": [ { "pattern": "regular at reception", "category": "FamilyLabel", "explanation": "A nickname for a family who ask often.", "suggestion": "Say what they asked for." } ] }
            """);
        var advisor = new RespectfulLanguageAdvisor(LanguageVocabulary.BuiltIn.With(own));

        Assert.Empty(Advisor.Check("Mum is a regular at reception."));
        Assert.Equal("regular at reception", Assert.Single(advisor.Check("Mum is a regular at reception.")).Phrase);
    }

    [Fact]
    public void The_whole_of_the_longest_allowed_text_is_read()
    {
        const string ending = " Dad is pushy.";
        var text = string.Concat(Enumerable.Repeat("Mum asked for the report again and we agreed a date. ", 400))[..(RespectfulLanguageAdvisor.MaxTextLength - ending.Length)] + ending;

        var finding = Assert.Single(Advisor.Check(text));

        Assert.Equal(RespectfulLanguageAdvisor.MaxTextLength - "Dad is pushy.".Length, finding.Start);
    }
}
