using CommonGround.Core.DataRights;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;

namespace CommonGround.Web.Pages.Organisation.Corrections;

/// <summary>
/// The organisation's admins see every request to correct their staff's words that still waits, with its date, so
/// none runs past its month unnoticed. The words are not shown here: they are read on the child's record, by those the
/// family shares that part with.
/// </summary>
public sealed class IndexModel(CorrectionService corrections, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    public IReadOnlyList<(CorrectionRequest Request, string ChildName)> Waiting { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = timeProvider.TodayInUk();
        Waiting = await corrections.WaitingForOrganisationAsync((await currentUser.GetAsync())!.Organisation!.Id);
        ShowsChildren(Waiting.Select(w => w.Request.ChildId), "Organisation's requests to correct words: names and dates");
    }
}
