using System.Diagnostics;
using System.Globalization;
using CommonGround.Core.Language;

namespace CommonGround.Bench;

/// <summary>
/// The writing advisor: recall and precision on the development set's evaluation part, how long the two stages take to
/// be ready, how long a 150-word note and a 2,000-word meeting record take to check, and the memory the model holds.
/// Exits with 1 when any goal is missed.
/// </summary>
public static class LanguageBenchmarks
{
    private const double NoteMedianBudgetMs = 50;
    private const double RecordMedianBudgetMs = 500;
    private const double ReadyBudgetSeconds = 10;
    private const int Runs = 30;

    public static int Run()
    {
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        var semantic = SemanticLanguageStage.BuiltIn;
        var ready = clock.Elapsed.TotalSeconds;
        var advisor = new RespectfulLanguageAdvisor(LanguageVocabulary.BuiltIn, semantic);
        GC.Collect();
        var modelMb = (Process.GetCurrentProcess().WorkingSet64 - before) / 1024.0 / 1024.0;

        var evaluation = LanguageEvaluation.Of(advisor, LanguageExample.BuiltIn);
        var rulesOnly = LanguageEvaluation.Of(RespectfulLanguageAdvisor.BuiltIn, LanguageExample.BuiltIn);
        Console.WriteLine($"Evaluation part: {evaluation.Labelling} labelling and {evaluation.Plain} plain sentences, never learnt from");
        Console.WriteLine($"  rules alone:      recall {rulesOnly.Recall:P1}, precision {rulesOnly.Precision:P1}");
        Console.WriteLine($"  rules + semantic: recall {evaluation.Recall:P1}, precision {evaluation.Precision:P1} (at least {LanguageEvaluation.Required:P0} each)");
        foreach (var missed in evaluation.Missed)
        {
            Console.WriteLine($"    missed: {missed.Text}");
        }

        foreach (var flagged in evaluation.WronglyFlagged)
        {
            Console.WriteLine($"    wrongly flagged: {flagged.Text}");
        }

        // Every run checks sentences never seen before, so no run is answered from the model's recent-sentence memory.
        var note = Median(run => advisor.Check(Text(words: 150, run)));
        var record = Median(run => advisor.Check(Text(words: 2_000, Runs + run)));
        Console.WriteLine($"Ready to check (model loaded, stage learnt): {ready:F1} s (at most {ReadyBudgetSeconds} s; the app starts without waiting for it)");
        Console.WriteLine($"A 150-word note: median {note:F1} ms (at most {NoteMedianBudgetMs} ms)");
        Console.WriteLine($"A 2,000-word meeting record: median {record:F1} ms (at most {RecordMedianBudgetMs} ms)");
        Console.WriteLine($"Memory held by the model and stage: about {modelMb:F0} MB; process working set {Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0:F0} MB");

        var met = evaluation.MeetsRequired && note <= NoteMedianBudgetMs && record <= RecordMedianBudgetMs && ready <= ReadyBudgetSeconds;
        Console.WriteLine(met ? "All goals met." : "A goal was missed.");
        return met ? 0 : 1;
    }

    private static double Median(Func<int, IReadOnlyList<LanguageFinding>> check)
    {
        check(-1);
        var times = Enumerable.Range(0, Runs).Select(run =>
        {
            var clock = Stopwatch.StartNew();
            check(run);
            return clock.Elapsed.TotalMilliseconds;
        }).Order().ToList();
        return times[times.Count / 2];
    }

    /// <summary>A professional's note of about <paramref name="words"/> words, mostly plain with a few labels, unique to <paramref name="run"/>.</summary>
    private static string Text(int words, int run)
    {
        var random = new Random(run + 7);
        var examples = LanguageExample.BuiltIn;
        var text = new List<string>();
        var count = 0;
        while (count < words)
        {
            var example = examples[random.Next(examples.Count)];
            var sentence = $"On {1 + random.Next(28)} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(1 + random.Next(12))} (visit {run}-{text.Count}), {char.ToLowerInvariant(example.Text[0])}{example.Text[1..]}";
            text.Add(sentence);
            count += sentence.Split(' ').Length;
        }

        return string.Join(' ', text);
    }
}
