using System.Globalization;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.Commitments;

/// <summary>
/// For an organisation's admins: how the promises their staff own stand, counted per person. It names no child; each
/// member of staff sees the detail under "What I owe".
/// </summary>
public sealed class IndexModel(CommitmentService commitments, CurrentUser currentUser) : PageBase
{
    public IReadOnlyList<OwnerSummary> Owners { get; private set; } = [];

    public async Task OnGetAsync() => Owners = await commitments.SummariseForOrganisationAsync((await currentUser.GetAsync())!.Organisation!.Id);

    public async Task<IActionResult> OnGetExportAsync()
    {
        var owners = await commitments.SummariseForOrganisationAsync((await currentUser.GetAsync())!.Organisation!.Id);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return CsvFile.Create("organisation-commitments.csv",
            ["Owner", "Open", "On track", "Due soon", "Overdue", "Behind", "Not started", "Open disputes"],
            owners.Select(o => (IReadOnlyList<string>)[o.OwnerName, N(o.Open), N(o.OnTrack), N(o.DueSoon), N(o.Overdue), N(o.Behind), N(o.NotStarted), N(o.OpenDisputes)]));
    }
}
