using System.Globalization;
using CommonGround.Core.Children;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children;

/// <summary>Every change to the child's record in date order, filterable by part of the record and downloadable as CSV.</summary>
public sealed class ChronologyModel(CommonGroundDbContext db, CurrentUser currentUser, Core.Statutory.StatutoryService statutory)
    : ChildPageBase(currentUser)
{
    public const int PageSize = 50;
    /// <summary>The filter value for changes to the team and to what is shared, which belong to no one area.</summary>
    public const string TeamAndSharing = "team-and-sharing";

    public sealed record Row(string When, string Who, string Area, AuditEvent Change);

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Entries { get; private set; } = [];

    /// <summary>The legal dates in the child's statutory processes, shown with the changes when that part is in view.</summary>
    public IReadOnlyList<(string Process, Core.Statutory.ProgressDeadline Deadline)> Deadlines { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public string PageHrefFormat => Area is null ? "?pageNumber={0}" : $"?area={Uri.EscapeDataString(Area)}&pageNumber={{0}}";
    public string DownloadHref => $"{ChildLinks.Chronology(Access.Child.Id)}?handler=Csv{(Area is null ? "" : $"&area={Uri.EscapeDataString(Area)}")}";

    public IReadOnlyList<Option> AreaOptions =>
        Access.SharedAreas.Order().Select(a => new Option(a.ToString(), a.ToDisplayName()))
            .Append(new Option(TeamAndSharing, "The team and what is shared"))
            .ToList();

    [ChildPage(Capability.ExportRecord)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (Filter(childId) is not { } query)
        {
            return BadArea();
        }

        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        Entries = (await query.OrderByDescending(a => a.OccurredAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync()).Select(ToRow).ToList();
        if (Access.CanSee(RecordArea.StatutoryProcess) && (string.IsNullOrEmpty(Area) || Area == nameof(RecordArea.StatutoryProcess)))
        {
            Deadlines = (await statutory.ListAsync(childId))
                .SelectMany(p => statutory.Progress(p, Access.Child.DateOfBirth).Deadlines.Select(d => (Core.Statutory.StatutoryTerms.Text(p.Kind), d)))
                .OrderByDescending(d => d.d.Deadline.Date).ToList();
        }

        return Page();
    }

    [ChildPage(Capability.ExportRecord)]
    public async Task<IActionResult> OnGetCsvAsync(Guid childId)
    {
        if (Filter(childId) is not { } query)
        {
            return BadArea();
        }

        var events = await query.OrderBy(a => a.OccurredAt).ToListAsync();
        return CsvFile.Create(
            $"{Access.Child.KnownAs}-{Access.Child.LastName}-chronology.csv",
            ["When (UK time)", "Who", "Part of the record", "What changed"],
            events.Select(a => (IReadOnlyList<string>)[
                a.OccurredAt.ToUkTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                a.ActorName,
                a.RecordArea?.ToDisplayName() ?? "The team and what is shared",
                a.Summary ?? a.Action,
            ]));
    }

    private IQueryable<AuditEvent>? Filter(Guid childId)
    {
        var query = db.AuditEvents.Where(a => a.EntityType == "Child" && a.EntityId == childId).VisibleTo(Access);
        if (string.IsNullOrEmpty(Area))
        {
            return query;
        }

        if (Area == TeamAndSharing)
        {
            return query.Where(a => a.RecordArea == null);
        }

        return Enum.TryParse<RecordArea>(Area, out var area) && Enum.IsDefined(area) ? query.Where(a => a.RecordArea == area) : null;
    }

    private IActionResult BadArea()
    {
        ModelState.AddModelError(nameof(Area), "Choose a part of the record from the list");
        Area = null;
        return Invalid();
    }

    private static Row ToRow(AuditEvent a) => new(
        UkDates.DateAndTime(a.OccurredAt),
        a.ActorName,
        a.RecordArea?.ToDisplayName() ?? "The team and what is shared",
        a);
}
