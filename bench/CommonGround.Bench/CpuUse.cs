using System.Diagnostics;

namespace CommonGround.Bench;

/// <summary>
/// Processor time spent over a stretch of the benchmark: by this process (the app and the benchmark's own clients), and
/// by the rest of the machine (on PostgreSQL, mostly the database server). Read from <c>/proc/stat</c>, so the rest of the
/// machine is known on Linux only. Processor time per change varies far less from run to run than changes a second on a
/// shared machine, so it tells small differences apart where throughput cannot.
/// </summary>
internal sealed class CpuUse
{
    private readonly TimeSpan _process;
    private readonly (long Busy, long All)? _machine;

    private CpuUse(TimeSpan process, (long Busy, long All)? machine) => (_process, _machine) = (process, machine);

    public static CpuUse Now() => new(Process.GetCurrentProcess().TotalProcessorTime, MachineTicks());

    /// <summary>Milliseconds of processor time since <paramref name="start"/> for each of <paramref name="count"/> things done, this process's and the rest's.</summary>
    public static (double Process, double? Elsewhere) PerEach(CpuUse start, CpuUse end, int count, TimeSpan elapsed)
    {
        var process = (end._process - start._process).TotalMilliseconds;
        double? rest = null;
        if (start._machine is { } before && end._machine is { } after && after.All > before.All)
        {
            // Ticks counted over every core: their total over the stretch is the cores times its length, which gives a tick's length.
            var tickMilliseconds = elapsed.TotalMilliseconds * Environment.ProcessorCount / (after.All - before.All);
            rest = Math.Max(0, (after.Busy - before.Busy) * tickMilliseconds - process) / count;
        }

        return (process / count, rest);
    }

    /// <summary>The machine's busy and total processor ticks since boot, from the first line of <c>/proc/stat</c>; null where there is none.</summary>
    private static (long Busy, long All)? MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        // cpu user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var all = fields.Sum();
        return (all - fields[3] - fields[4], all);
    }
}
