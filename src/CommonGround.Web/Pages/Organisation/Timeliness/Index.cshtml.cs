using CommonGround.Core.Organisations;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.Timeliness;

/// <summary>
/// For a local authority's leads: the area's 20-week timeliness for a calendar year, with exception cases counted
/// separately, and the cases behind each figure (by reference, without names).
/// </summary>
public sealed class IndexModel(TimelinessService timeliness, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    public TimelinessFigures Figures { get; private set; } = default!;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public TimelinessList? List { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<TimelinessCase> Cases { get; private set; } = [];

    public int Total { get; private set; }

    public int TotalPages => Math.Max(1, (Total + TimelinessService.PageSize - 1) / TimelinessService.PageSize);

    public int ThisYear { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var professional = (await currentUser.GetAsync())!;
        if (professional.Organisation!.Kind != OrganisationKind.LocalAuthority)
        {
            return NotFound();
        }

        ThisYear = timeProvider.TodayInUk().Year;
        var year = Year ?? ThisYear;
        PageNumber = Math.Max(1, PageNumber);
        if (year < 2015 || year > ThisYear)
        {
            ModelState.AddModelError(nameof(Year), $"Enter a year from 2015 to {ThisYear}");
            Year = ThisYear;
            Figures = await timeliness.FiguresAsync(professional.Organisation.AreaId, ThisYear);
            return Invalid();
        }

        Year = year;
        Figures = await timeliness.FiguresAsync(professional.Organisation.AreaId, year);
        if (List is { } list)
        {
            (var cases, Total) = await timeliness.ListAsync(professional.Organisation.AreaId, year, list, PageNumber);
            Cases = cases;
            ShowsChildren(cases.Select(c => c.ChildId), "Timeliness report: dates of the needs assessment, by reference");
        }

        return Page();
    }

    public static string ListTitle(TimelinessList list) => list switch
    {
        TimelinessList.Within => "Issued within 20 weeks (no exception)",
        TimelinessList.Late => "Issued after 20 weeks (no exception)",
        _ => "Exception cases",
    };
}
