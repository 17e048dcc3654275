using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using CommonGround.Core.Statutory;

namespace CommonGround.Bench;

/// <summary>
/// One needs assessment's timeline: all four deadlines and the three exception checks, with facts that make each check
/// do its full work. A national year is about 650,000 requests, so under 1 microsecond each recomputes a year in well
/// under a second.
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private readonly NeedsAssessmentFacts _facts = new(new DateOnly(2026, 6, 15))
    {
        AdviceRequested = new DateOnly(2026, 7, 20),
        SchoolClosedFrom = new DateOnly(2026, 7, 22),
        SchoolReopens = new DateOnly(2026, 9, 3),
        AbsentFrom = new DateOnly(2026, 8, 1),
        AbsentTo = new DateOnly(2026, 8, 20),
        ExceptionalCircumstances = true,
    };

    private readonly NeedsAssessmentFacts _requestOnly = new(new DateOnly(2025, 9, 1));

    [Benchmark(Baseline = true)]
    public Timeline RequestOnly() => Timescales.England.NeedsAssessment(_requestOnly);

    [Benchmark]
    public Timeline WithEveryExceptionChecked() => Timescales.England.NeedsAssessment(_facts);

    public static int Run(string[] args)
    {
        var summary = BenchmarkRunner.Run<TimelineBenchmarks>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator), args);
        var budgetNanoseconds = 1_000d;
        var over = summary.Reports.Where(r => r.ResultStatistics is null || r.ResultStatistics.Mean >= budgetNanoseconds).ToList();
        foreach (var report in summary.Reports)
        {
            Console.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}: {report.ResultStatistics?.Mean:N0} ns (budget under {budgetNanoseconds:N0} ns)");
        }

        return over.Count == 0 ? 0 : 1;
    }
}
