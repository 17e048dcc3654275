using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Pages.Children.Commitments;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.WhatIOwe;

/// <summary>A professional's own promises across every child they work with: what is overdue, behind or due soon first.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class IndexModel(CommitmentService commitments, CurrentUser currentUser) : PageBase
{
    public IReadOnlyList<OwedCommitment> All { get; private set; } = [];

    public IEnumerable<OwedCommitment> Overdue => All.Where(c => c.IsLate);
    public IEnumerable<OwedCommitment> Behind => All.Where(c => c.IsBehind);
    public IEnumerable<OwedCommitment> Disputed => All.Where(c => c.IsDisputed);
    public IEnumerable<OwedCommitment> DueSoon => All.Where(c => c.IsDueSoon);
    public IEnumerable<OwedCommitment> Proposed => All.Where(c => c.IsProposed);
    public IEnumerable<OwedCommitment> Rest => All.Where(c => c.IsOnTrack);

    public async Task OnGetAsync()
    {
        All = await commitments.ListOwedByAsync(currentUser.UserId!.Value);
        ShowsChildren(All.Select(c => c.ChildId), "What I owe: commitments");
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var owed = await commitments.ListOwedByAsync(currentUser.UserId!.Value);
        ShowsChildren(owed.Select(c => c.ChildId), "What I owe: commitments (downloaded)");
        return CsvFile.Create("what-i-owe.csv", ["Child or young person", .. CommitmentCsv.Header],
            owed.Select(c => (IReadOnlyList<string>)[c.ChildName, .. CommitmentCsv.Row(c.Commitment, c.Progress, c.OpenDisputes)]));
    }
}
