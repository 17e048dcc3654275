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

        // Views by one person minutes apart are one visit, so a busy week reads as a few lines, not hundreds.
        var views = await log.OrderByDescending(a => a.ViewedAt).ThenByDescending(a => a.Id)
            .Select(a => new AccessLogView(a.ViewedAt, a.ViewerName, a.OrganisationName, a.What))
            .ToListAsync();
        var visits = AccessLogVisit.Group(views);
        Total = visits.Count;
        Views = views.Count;
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        Entries = visits.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(v => new Row(v.When, v.ViewerName, v.OrganisationName ?? "", v.Description))
            .ToList();
        return Page();
    }
}
