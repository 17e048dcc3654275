using CommonGround.Core.Data;

namespace CommonGround.Bench;

/// <summary>What to run: <c>--children N --provider sqlite|postgres --postgres "server connection" --requests N --keep --write-mix-only --growth-only</c>.</summary>
public sealed record Options(int Children, DatabaseProvider Provider, string? PostgresServer, int Requests, bool Keep, bool WriteMixOnly, bool GrowthOnly)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/CommonGround.Bench -- [options]
          --children N        children to generate (default 20000)
          --provider NAME     sqlite (default) or postgres
          --postgres CONN     PostgreSQL server to create the benchmark database on, e.g.
                              "Host=127.0.0.1;Port=5432;Username=postgres" (or set COMMONGROUND_BENCH_POSTGRES)
          --requests N        measured requests per page after warming up (default 300)
          --keep              keep the generated database and print where it is
          --write-mix-only    after the data and the attention runs, time the write mix alone, not the pages
          --growth-only       after the data and the attention runs, time the lists' growth with the caseload
                              alone (against the one-query page), not the other pages or the write mix
          --timescales        instead, measure working out statutory timelines (no database, no app)
          --language          instead, measure the writing advisor: recall and precision on the evaluation
                              part of its examples, time to check a note and a meeting record, memory
        """;

    public static Options? Parse(string[] args)
    {
        var children = 20_000;
        var provider = DatabaseProvider.Sqlite;
        var postgres = Environment.GetEnvironmentVariable("COMMONGROUND_BENCH_POSTGRES");
        var requests = 300;
        var keep = false;
        var writeMixOnly = false;
        var growthOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--children": children = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--provider": provider = Next().ToLowerInvariant() switch { "postgres" or "postgresql" => DatabaseProvider.Postgres, "sqlite" => DatabaseProvider.Sqlite, var other => throw new ArgumentException($"Unknown provider {other}") }; break;
                case "--postgres": postgres = Next(); break;
                case "--requests": requests = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--keep": keep = true; break;
                case "--write-mix-only": writeMixOnly = true; break;
                case "--growth-only": growthOnly = true; break;
                default: return null;
            }
        }

        if (writeMixOnly && growthOnly)
        {
            throw new ArgumentException("--write-mix-only and --growth-only each time one part alone; give one of them");
        }

        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(postgres))
        {
            throw new ArgumentException("--provider postgres needs --postgres or COMMONGROUND_BENCH_POSTGRES");
        }

        if (children < BenchData.CaseworkersChildren)
        {
            throw new ArgumentException($"--children must be at least {BenchData.CaseworkersChildren}, so the caseworker can be on {BenchData.CaseworkersChildren} teams and the therapist on {BenchData.ProfessionalsTeams}");
        }

        return new Options(children, provider, postgres, requests, keep, writeMixOnly, growthOnly);
    }
}
