using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>Everything promised to the child, by part of the record, with planned against delivered for each.</summary>
public sealed class IndexModel(CommitmentService commitments, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Show")]
    public string? Status { get; set; }

    public IReadOnlyList<CommitmentWithProgress> All { get; private set; } = [];
    public IReadOnlyList<CommitmentWithProgress> Shown { get; private set; } = [];

    public static IReadOnlyList<Option> StatusFilters { get; } =
    [
        new("", "All commitments"),
        new("attention", "Needs attention (overdue, behind or not started)"),
        new("open", "Open (agreed or active)"),
        new("proposed", "Proposed, not yet agreed"),
        new("closed", "Completed, ended or withdrawn"),
    ];

    [ChildPage(Capability.ViewRecord, RecordArea.Commitments)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        All = await commitments.ListForChildAsync(Access);
        Shown = All.Where(c => Status switch
        {
            "attention" => c.Progress.NeedsAttention || c.OpenDisputes > 0,
            "open" => c.Commitment.Status is CommitmentStatus.Agreed or CommitmentStatus.Active,
            "proposed" => c.Commitment.Status == CommitmentStatus.Proposed,
            "closed" => c.Commitment.IsClosed,
            _ => true,
        }).ToList();
        DescribeRead(RecordArea.Commitments, "Commitments");
        return Page();
    }
}
