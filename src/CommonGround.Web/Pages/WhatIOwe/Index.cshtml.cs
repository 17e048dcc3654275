using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Pages.Children.Commitments;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.WhatIOwe;

/// <summary>
/// A professional's own promises across every child they work with, 25 at a time: overdue, behind and due soon
/// first, or only those that stand one way. The download holds all of them.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class IndexModel(CommitmentService commitments, CurrentUser currentUser) : PageBase
{
    /// <summary>Each filter with the word it has in the address and what its link and heading say.</summary>
    public static IReadOnlyList<(OwedFilter Filter, string Key, string Label, string Heading, string Nothing)> Filters { get; } =
    [
        (OwedFilter.All, "", "All", "Everything you owe, most pressing first", "You do not own any open commitments."),
        (OwedFilter.Overdue, "overdue", "Overdue", "Overdue", "Nothing you owe is overdue."),
        (OwedFilter.Behind, "behind", "Behind or not started", "Behind or not started", "No provision you owe is behind."),
        (OwedFilter.Disputed, "disputed", "Disputed by the family", "Disputed by the family", "No family disputes a delivery you recorded."),
        (OwedFilter.DueSoon, "due-soon", "Due in the next 2 weeks", "Due in the next 2 weeks", "Nothing you owe is due in the next 2 weeks."),
        (OwedFilter.Proposed, "proposed", "Proposed", "Proposed, waiting to be agreed", "No commitment of yours is waiting to be agreed."),
        (OwedFilter.OnTrack, "on-track", "On track or starting later", "On track or starting later", "Nothing you owe is on track or starting later."),
    ];

    public OwedPage Owed { get; private set; } = new([], OwedCounts.None, OwedFilter.All, 1, 1);

    [FromQuery(Name = "show")]
    public string? Show { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public (OwedFilter Filter, string Key, string Label, string Heading, string Nothing) Shown =>
        Filters.FirstOrDefault(f => f.Key == Show, Filters[0]);

    public static string Href(string key) => key == "" ? "/what-i-owe" : $"/what-i-owe?show={key}";

    /// <summary>The address of a page of the filter, for the pagination's page numbers.</summary>
    public static string PageHrefFormat(string key) => key == "" ? "/what-i-owe?page={0}" : $"/what-i-owe?show={key}&page={{0}}";

    public async Task OnGetAsync()
    {
        Owed = await commitments.PageOwedByAsync((await currentUser.GetAsync())!.Professional!, Shown.Filter, PageNumber);
        ShowsChildren(Owed.Items.Select(c => c.ChildId), "What I owe: commitments");
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var owed = await commitments.ListOwedByAsync((await currentUser.GetAsync())!.Professional!);
        ShowsChildren(owed.Select(c => c.ChildId), "What I owe: commitments (downloaded)");
        return CsvFile.Create("what-i-owe.csv", ["Child or young person", .. CommitmentCsv.Header],
            owed.Select(c => (IReadOnlyList<string>)[c.ChildName, .. CommitmentCsv.Row(c.Commitment, c.Progress, c.OpenDisputes)]));
    }
}
