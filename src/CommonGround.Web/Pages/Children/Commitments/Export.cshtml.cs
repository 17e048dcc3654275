using System.Globalization;
using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>The child's commitments, planned against delivered, as a spreadsheet.</summary>
public sealed class ExportModel(AccessService accessService, CommitmentService commitments, CurrentUser currentUser) : ChildPageBase(accessService, currentUser)
{
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (await AuthoriseAsync(childId, Capability.ViewRecord, RecordArea.Commitments) is { } refused)
        {
            return refused;
        }

        var all = await commitments.ListForChildAsync(childId);
        await LogViewAsync(RecordArea.Commitments, "Commitments (downloaded)");
        var culture = CultureInfo.GetCultureInfo("en-GB");
        return CsvFile.Create($"{Access.Child.KnownAs}-{Access.Child.LastName}-commitments.csv", Header, all.Select(c => Row(c.Commitment, c.Progress, c.OpenDisputes, culture)));
    }

    public static readonly string[] Header =
        ["What", "Part of the record", "Owner", "Organisation", "Status", "Planned", "Unit", "Expected so far", "Delivered", "Shortfall", "How it stands", "Open disputes", "Came from", "Recorded on"];

    public static IReadOnlyList<string> Row(Commitment c, CommitmentProgress progress, int openDisputes, CultureInfo culture) =>
    [
        c.What, c.RecordArea.ToDisplayName(), c.OwnerName, c.OwnerOrganisationName, c.Status.ToDisplayName(), c.Describe(culture),
        c.Unit?.ToString().ToLowerInvariant() ?? "",
        progress.Expected.ToString("0.##", CultureInfo.InvariantCulture), progress.Delivered.ToString("0.##", CultureInfo.InvariantCulture),
        progress.Shortfall.ToString("0.##", CultureInfo.InvariantCulture), progress.Status.ToDisplayName(), openDisputes.ToString(CultureInfo.InvariantCulture),
        c.Source.ToDisplayName(), c.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];
}
