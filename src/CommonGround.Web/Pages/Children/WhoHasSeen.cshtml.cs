using CommonGround.Core.Time;
using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children;

/// <summary>The family's view of every read of the record by anyone outside it, newest first.</summary>
public sealed class WhoHasSeenModel(CommonGroundDbContext db, EmergencyAccessService emergencies, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    public const int PageSize = 50;

    public sealed record Row(string When, string Who, string Organisation, string What);

    /// <summary>Whose views to show, by name: people, and share links, which have no account.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Viewer { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Entries { get; private set; } = [];
    public IReadOnlyList<Option> ViewerOptions { get; private set; } = [];
    /// <summary>Visits: views by one person close together count as one.</summary>
    public int Total { get; private set; }

    public int Views { get; private set; }

    /// <summary>Every time a local authority lead opened the record in an emergency, with their reason.</summary>
    public IReadOnlyList<EmergencyAccess> Emergencies { get; private set; } = [];
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public string PageHrefFormat => string.IsNullOrEmpty(Viewer) ? "?pageNumber={0}" : $"?viewer={Uri.EscapeDataString(Viewer)}&pageNumber={{0}}";

    [ChildPage(Capability.ViewAccessLog)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        var log = db.AccessLog.Where(a => a.ChildId == childId);
        if (!Access.SeesEveryArea)
        {
            // A parent whose young person keeps some areas private does not see who read them either.
            var areas = Access.SharedAreas.ToList();
            log = log.Where(a => a.Area == null || areas.Contains(a.Area.Value));
        }

        Emergencies = await emergencies.ForChildAsync(childId);
        var viewers = await log.Select(a => a.ViewerName).Distinct().OrderBy(name => name).ToListAsync();
        ViewerOptions = viewers.Select(name => new Option(name, name)).ToList();
        if (!string.IsNullOrEmpty(Viewer))
        {
            log = log.Where(a => a.ViewerName == Viewer);
        }

        // Views by one person minutes apart are one visit, so a busy week reads as a few lines, not hundreds. Each view
        // keeps when its visit began, so the visits are counted and paged here without reading every view.
        var visits = log.Select(a => new { a.VisitStartedAt, a.ViewerName }).Distinct();
        Total = await visits.CountAsync();
        Views = await log.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var shown = await visits.OrderByDescending(v => v.VisitStartedAt).ThenBy(v => v.ViewerName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        if (shown.Count == 0)
        {
            return Page();
        }

        // Each visit is summed up by the database, however many views it holds: what was looked at, when and how often.
        var (newest, oldest) = (shown[0].VisitStartedAt, shown[^1].VisitStartedAt);
        var looks = (await log.Where(a => a.VisitStartedAt >= oldest && a.VisitStartedAt <= newest)
            .GroupBy(a => new { a.VisitStartedAt, a.ViewerName, a.What })
            .Select(g => new { g.Key.VisitStartedAt, g.Key.ViewerName, g.Key.What, First = g.Min(a => a.ViewedAt), Last = g.Max(a => a.ViewedAt), Views = g.Count(), OrganisationName = g.Max(a => a.OrganisationName) })
            .ToListAsync()).ToLookup(w => (w.VisitStartedAt, w.ViewerName));
        Entries = shown.Select(v => looks[(v.VisitStartedAt, v.ViewerName)].OrderByDescending(w => w.Last).ToList()).Select(visit =>
        {
            // What they looked at, most recent first.
            var summed = new AccessLogVisit(visit[0].ViewerName, visit.Max(w => w.OrganisationName), visit.Min(w => w.First), visit[0].Last,
                visit.Select(w => w.What).ToList(), visit.Sum(w => w.Views));
            return new Row(summed.When, summed.ViewerName, summed.OrganisationName ?? "", summed.Description);
        }).ToList();
        return Page();
    }
}
