namespace CommonGround.Core.Language;

/// <summary>How well an advisor tells labels and blame from plain writing, on examples it never learnt from.</summary>
public sealed record LanguageEvaluation(int Labelling, int Plain, IReadOnlyList<LanguageExample> Missed, IReadOnlyList<LanguageExample> WronglyFlagged)
{
    /// <summary>The least recall and precision the built-in advisor must reach on the evaluation part.</summary>
    public const double Required = 0.95;

    /// <summary>Of the sentences that label or blame, the share the advisor speaks about.</summary>
    public double Recall => Labelling == 0 ? 1 : (double)(Labelling - Missed.Count) / Labelling;

    /// <summary>Of the sentences the advisor speaks about, the share that do label or blame.</summary>
    public double Precision
    {
        get
        {
            var caught = Labelling - Missed.Count;
            return caught + WronglyFlagged.Count == 0 ? 1 : (double)caught / (caught + WronglyFlagged.Count);
        }
    }

    public bool MeetsRequired => Recall >= Required && Precision >= Required;

    /// <summary>Runs <paramref name="advisor"/> over the evaluation part of <paramref name="examples"/>.</summary>
    public static LanguageEvaluation Of(RespectfulLanguageAdvisor advisor, IEnumerable<LanguageExample> examples)
    {
        var evaluation = examples.Where(e => e.ForEvaluation).ToList();
        var flagged = evaluation.Select(e => (Example: e, Flagged: advisor.Check(e.Text).Count > 0)).ToList();
        return new LanguageEvaluation(
            evaluation.Count(e => e.Labels),
            evaluation.Count(e => !e.Labels),
            flagged.Where(f => f.Example.Labels && !f.Flagged).Select(f => f.Example).ToList(),
            flagged.Where(f => !f.Example.Labels && f.Flagged).Select(f => f.Example).ToList());
    }
}
