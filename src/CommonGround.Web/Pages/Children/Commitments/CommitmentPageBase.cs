using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>A form about one commitment (and perhaps one of its delivery records): 404 when either is not the child's.</summary>
public abstract class CommitmentPageBase(CommitmentService commitments, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public Commitment Commitment { get; private set; } = default!;
    public DeliveryRecord Delivery { get; private set; } = default!;

    protected CommitmentService Commitments => commitments;

    /// <summary>Loads the commitment once the page's declared access is checked; returns the result to show instead, or null.</summary>
    protected async Task<IActionResult?> LoadCommitmentAsync(Guid childId, Guid commitmentId)
    {
        if (await commitments.FindAsync(Access, commitmentId) is not { } commitment)
        {
            return NotFound();
        }

        Commitment = commitment;
        return null;
    }

    /// <summary>As <see cref="LoadCommitmentAsync"/>, and the delivery record too.</summary>
    protected async Task<IActionResult?> LoadDeliveryAsync(Guid childId, Guid commitmentId, Guid deliveryId)
    {
        if (await LoadCommitmentAsync(childId, commitmentId) is { } refused)
        {
            return refused;
        }

        if (await commitments.FindDeliveryAsync(Access, commitmentId, deliveryId) is not { } delivery)
        {
            return NotFound();
        }

        Delivery = delivery;
        return null;
    }
}
