using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>The child's commitments, planned against delivered, as a spreadsheet.</summary>
public sealed class ExportModel(CommitmentService commitments, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [ChildPage(Capability.ViewRecord, RecordArea.Commitments)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        var all = await commitments.ListForChildAsync(Access);
        DescribeRead(RecordArea.Commitments, "Commitments (downloaded)");
        return CsvFile.Create($"{Access.Child.KnownAs}-{Access.Child.LastName}-commitments.csv", CommitmentCsv.Header, all.Select(c => CommitmentCsv.Row(c.Commitment, c.Progress, c.OpenDisputes)));
    }
}
