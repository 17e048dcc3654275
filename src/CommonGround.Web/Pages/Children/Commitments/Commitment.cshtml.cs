using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>One commitment: what and who, planned against delivered, every delivery record, its history and comments.</summary>
public sealed class CommitmentModel(CommitmentService commitments, Core.DataRights.CorrectionService corrections, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public CommitmentWithProgress Item { get; private set; } = default!;
    public IReadOnlyList<DeliveryRecord> Deliveries { get; private set; } = [];
    public Shared.CorrectionsShown Corrections { get; private set; } = Shared.CorrectionsShown.None;
    public IReadOnlyList<CommitmentComment> Comments { get; private set; } = [];
    public bool MayChange { get; private set; }

    [ChildPage(Capability.ViewRecord, RecordArea.Commitments)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid commitmentId)
    {
        if (await commitments.GetAsync(Access, commitmentId) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Deliveries = await commitments.ListDeliveriesAsync(commitmentId);
        Comments = await commitments.ListCommentsAsync(commitmentId);
        Corrections = new Shared.CorrectionsShown(childId, await corrections.LatestForAsync(childId, Deliveries.Where(d => d.Note != null).Select(d => d.Id).ToList()), Access.IsFamily);
        MayChange = Access.Can(Capability.RecordCommitment, RecordArea.Commitments) && await commitments.MayChangeAsync(item.Commitment, CurrentUser.UserId!.Value);
        DescribeRead(RecordArea.Commitments, $"Commitment: {item.Commitment.What}");
        return Page();
    }
}
