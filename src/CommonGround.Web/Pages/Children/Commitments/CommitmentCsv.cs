using System.Globalization;
using CommonGround.Core.Commitments;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>The columns a commitment has in every spreadsheet download (a child's commitments, What I owe).</summary>
public static class CommitmentCsv
{
    public static readonly string[] Header =
        ["What", "Part of the record", "Owner", "Organisation", "Status", "Planned", "Unit", "Expected so far", "Delivered", "Shortfall", "How it stands", "Open disputes", "Came from", "Recorded on"];

    public static IReadOnlyList<string> Row(Commitment c, CommitmentProgress progress, int openDisputes) =>
    [
        c.What, c.RecordArea.ToDisplayName(), c.OwnerName, c.OwnerOrganisationName, c.Status.ToDisplayName(), c.Describe(),
        c.Unit?.ToString().ToLowerInvariant() ?? "",
        progress.Expected.ToString("0.##", CultureInfo.InvariantCulture), progress.Delivered.ToString("0.##", CultureInfo.InvariantCulture),
        progress.Shortfall.ToString("0.##", CultureInfo.InvariantCulture), progress.Status.ToDisplayName(), openDisputes.ToString(CultureInfo.InvariantCulture),
        c.Source.ToDisplayName(), c.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];
}
