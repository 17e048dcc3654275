using Microsoft.EntityFrameworkCore;
using CommonGround.Core.Data;

namespace CommonGround.Core.Statutory;

/// <summary>
/// An area's 20-week figures for one calendar year: of the final EHC plans issued that year, how many came within 20
/// weeks of the request. Cases where an exception may apply are counted separately, as the national figures do.
/// </summary>
public sealed record TimelinessFigures(int Year, int Issued, int Within, int ExceptionCases, int ExceptionCasesWithin)
{
    public int IssuedWithoutExceptions => Issued - ExceptionCases;

    public int WithinWithoutExceptions => Within - ExceptionCasesWithin;

    public int Late => Issued - Within;

    public static string Percent(int part, int whole) => whole == 0 ? "no plans" : $"{Math.Round(100m * part / whole, 1):0.#}%";
}

public enum TimelinessList
{
    /// <summary>Issued within 20 weeks, with no exception.</summary>
    Within,

    /// <summary>Issued after 20 weeks, with no exception.</summary>
    Late,

    /// <summary>An exception may apply, whenever issued.</summary>
    Exceptions,
}

/// <summary>One final plan behind a figure; no names, so the list can be shared with those who do not know the family.</summary>
public sealed record TimelinessCase(Guid ProcessId, Guid ChildId, DateOnly RequestReceived, DateOnly FinalPlanDue, DateOnly FinalPlanIssued, bool ExceptionApplies)
{
    public int WeeksTaken => (FinalPlanIssued.DayNumber - RequestReceived.DayNumber) / 7;

    /// <summary>A short reference for the case that does not identify the child.</summary>
    public string Reference => ProcessId.ToString("N")[^8..].ToUpperInvariant();
}

public sealed class TimelinessService(CommonGroundDbContext db)
{
    public const int PageSize = 50;

    private IQueryable<StatutoryProcess> IssuedIn(Guid areaId, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var until = new DateOnly(year + 1, 1, 1);
        return db.StatutoryProcesses.Where(p => p.AreaId == areaId && p.Kind == StatutoryProcessKind.NeedsAssessment
            && p.FinalPlanIssuedOn >= from && p.FinalPlanIssuedOn < until && p.RequestReceivedOn != null);
    }

    /// <summary>All four counts in one grouped query.</summary>
    public async Task<TimelinessFigures> FiguresAsync(Guid areaId, int year)
    {
        var groups = await IssuedIn(areaId, year)
            .GroupBy(p => new { Within = p.FinalPlanIssuedOn <= p.FinalPlanDueOn, p.ExceptionApplies })
            .Select(g => new { g.Key.Within, g.Key.ExceptionApplies, Count = g.Count() })
            .ToListAsync();
        return new TimelinessFigures(
            year,
            groups.Sum(g => g.Count),
            groups.Where(g => g.Within).Sum(g => g.Count),
            groups.Where(g => g.ExceptionApplies).Sum(g => g.Count),
            groups.Where(g => g.Within && g.ExceptionApplies).Sum(g => g.Count));
    }

    /// <summary>One page of the cases behind a figure, in the order the plans were issued, and how many there are.</summary>
    public async Task<(List<TimelinessCase> Cases, int Total)> ListAsync(Guid areaId, int year, TimelinessList list, int page)
    {
        var query = list switch
        {
            TimelinessList.Within => IssuedIn(areaId, year).Where(p => !p.ExceptionApplies && p.FinalPlanIssuedOn <= p.FinalPlanDueOn),
            TimelinessList.Late => IssuedIn(areaId, year).Where(p => !p.ExceptionApplies && p.FinalPlanIssuedOn > p.FinalPlanDueOn),
            _ => IssuedIn(areaId, year).Where(p => p.ExceptionApplies),
        };
        var total = await query.CountAsync();
        var cases = await query.OrderBy(p => p.FinalPlanIssuedOn).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new TimelinessCase(p.Id, p.ChildId, p.RequestReceivedOn!.Value, p.FinalPlanDueOn!.Value, p.FinalPlanIssuedOn!.Value, p.ExceptionApplies))
            .ToListAsync();
        return (cases, total);
    }
}
