using Microsoft.ML;
using Microsoft.ML.Data;

namespace CommonGround.Core.Language;

/// <summary>
/// The advisor's second stage: it reads each sentence for what it means, so a label or blame is caught however it is
/// phrased. A logistic regression over the sentence model's vectors, learnt from labelled examples, says how likely a
/// sentence is to label or blame; a flagged sentence takes the category of the labelling example nearest in meaning.
/// Built once at start-up from the built-in examples and any a deployment adds; thread-safe once built.
/// </summary>
public sealed class SemanticLanguageStage
{
    /// <summary>
    /// How sure the stage must be before it speaks. The rules catch most labels precisely; this stage is the second net
    /// for what they miss, so it is set to favour not nagging about plain facts.
    /// </summary>
    public const double DefaultThreshold = 0.7;

    // Light regularisation: the examples are few for 384 dimensions, and the vectors are already of unit length.
    private const float L2Regularisation = 0.1f;

    private readonly ISentenceEmbedder _embedder;
    private readonly float[] _weights;
    private readonly float _bias;
    private readonly IReadOnlyList<(float[] Vector, LanguageCategory Category)> _labelling;
    private readonly double _threshold;

    private SemanticLanguageStage(ISentenceEmbedder embedder, float[] weights, float bias, IReadOnlyList<(float[], LanguageCategory)> labelling, double threshold)
    {
        _embedder = embedder;
        _weights = weights;
        _bias = bias;
        _labelling = labelling;
        _threshold = threshold;
    }

    private static readonly Lazy<SemanticLanguageStage> LazyBuiltIn = new(() => Train(MiniLmSentenceEmbedder.Shared, LanguageExample.BuiltIn));

    /// <summary>The stage learnt from the built-in examples with the shared sentence model, trained once per process.</summary>
    public static SemanticLanguageStage BuiltIn => LazyBuiltIn.Value;

    /// <summary>Learns from the training part of <paramref name="examples"/>; the evaluation part is never seen.</summary>
    public static SemanticLanguageStage Train(ISentenceEmbedder embedder, IEnumerable<LanguageExample> examples, double threshold = DefaultThreshold)
    {
        var training = examples.Where(e => !e.ForEvaluation).ToList();
        if (!training.Any(e => e.Labels) || training.All(e => e.Labels))
        {
            throw new InvalidDataException("The semantic stage needs examples of both labelling and plain sentences to learn from.");
        }

        var vectors = embedder.Embed(training.Select(e => e.Text).ToList());
        var ml = new MLContext(seed: 2026);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vectors[0].Length);
        var data = ml.Data.LoadFromEnumerable(training.Select((e, i) => new TrainingRow { Features = vectors[i], Label = e.Labels }), schema);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: L2Regularisation, l1Regularization: 0).Fit(data);
        var linear = model.Model.SubModel;

        var labelling = training.Select((e, i) => (e, vectors[i])).Where(p => p.e.Labels).Select(p => (p.Item2, p.e.Category!.Value)).ToList();
        return new SemanticLanguageStage(embedder, linear.Weights.ToArray(), linear.Bias, labelling, threshold);
    }

    /// <summary>For each sentence, the category it labels or blames in, or null when it reads as plain.</summary>
    public IReadOnlyList<LanguageCategory?> Classify(IReadOnlyList<string> sentences) =>
        _embedder.Embed(sentences).Select(Categorise).ToList();

    private LanguageCategory? Categorise(float[] vector)
    {
        if (Likelihood(vector) < _threshold)
        {
            return null;
        }

        // Words about disability are a settled vocabulary that the rules know precisely; read for meaning, a plain
        // "he has Down's syndrome" sits too close to the outdated ways of saying it to tell apart.
        var category = NearestCategory(vector);
        return category == LanguageCategory.Disability ? null : category;
    }

    private double Likelihood(float[] vector) => 1 / (1 + Math.Exp(-(Dot(_weights, vector) + _bias)));

    private LanguageCategory NearestCategory(float[] vector) => _labelling.MaxBy(l => Dot(l.Vector, vector)).Category;

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    internal sealed class TrainingRow
    {
        public float[] Features { get; init; } = [];
        public bool Label { get; init; }
    }
}
