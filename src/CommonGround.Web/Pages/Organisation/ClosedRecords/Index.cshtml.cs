using CommonGround.Core.DataRights;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.ClosedRecords;

/// <summary>
/// For a local authority's admins: the records the area holds closed, soonest to be erased first, and the requests to
/// erase a record still waiting, with those nobody from the council is on the team to answer. Names and dates only.
/// </summary>
public sealed class IndexModel(Core.DataRights.ClosedRecords closedRecords, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public AreaRetention Retention { get; private set; } = default!;
    public DateOnly Today { get; private set; }
    public int TotalPages => Math.Max(1, (Retention.ClosedCount + Core.DataRights.ClosedRecords.PageSize - 1) / Core.DataRights.ClosedRecords.PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var organisation = (await currentUser.GetAsync())!.Organisation!;
        if (organisation.Kind != OrganisationKind.LocalAuthority)
        {
            return NotFound();
        }

        Today = timeProvider.TodayInUk();
        PageNumber = Math.Max(1, PageNumber);
        Retention = await closedRecords.ForAreaAsync(organisation.AreaId, PageNumber);
        if (Retention.Closed.Count == 0 && PageNumber > TotalPages)
        {
            PageNumber = TotalPages;
            Retention = await closedRecords.ForAreaAsync(organisation.AreaId, PageNumber);
        }

        ShowsChildren(Retention.Closed.Select(c => c.ChildId).Concat(Retention.Waiting.Select(w => w.ChildId)).Distinct(),
            "Closed records and requests to erase them: names and dates");
        return Page();
    }
}
