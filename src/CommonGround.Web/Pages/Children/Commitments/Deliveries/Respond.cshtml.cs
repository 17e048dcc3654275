using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments.Deliveries;

/// <summary>The family says whether a delivery record is right; a dispute goes to the commitment's owner.</summary>
[ChildPage(Capability.ViewRecord, RecordArea.Commitments)]
public sealed class RespondModel(DeliveryService deliveries, CommitmentService commitments, CurrentUser currentUser)
    : CommitmentPageBase(commitments, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();


    public static IReadOnlyList<Option> Responses { get; } =
    [
        new(nameof(FamilyResponse.Confirmed), "Yes, this is right"),
        new(nameof(FamilyResponse.Disputed), "No, this is not right", "Tell us what is wrong. The owner of the commitment will be asked to answer."),
    ];

    public sealed class InputModel
    {
        [Display(Name = "Is this record right?")]
        [Required(ErrorMessage = "Choose whether the record is right")]
        public FamilyResponse? Response { get; set; }

        [Display(Name = "Comment")]
        [StringLength(DeliveryRecord.MaxNoteLength, ErrorMessage = "Your comment must be 2,000 characters or fewer")]
        public string? Comment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid commitmentId, Guid deliveryId)
    {
        if (await LoadAsync(childId, commitmentId, deliveryId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Response = Delivery.FamilyResponse == FamilyResponse.None ? null : Delivery.FamilyResponse, Comment = Delivery.FamilyComment };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid commitmentId, Guid deliveryId)
    {
        if (await LoadAsync(childId, commitmentId, deliveryId) is { } refused)
        {
            return refused;
        }

        if (Input.Response == FamilyResponse.None)
        {
            ModelState.AddModelError("Input.Response", "Choose whether the record is right");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await deliveries.RespondToDeliveryAsync(Access, deliveryId, Input.Response!.Value, Input.Comment, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm(Input.Response == FamilyResponse.Disputed ? "You disputed this record" : "Thank you for confirming",
            Input.Response == FamilyResponse.Disputed ? $"{Commitment.OwnerName} has been asked to answer. The dispute shows on the commitment until they do." : null);
        return Redirect(ChildLinks.Commitment(childId, commitmentId));
    }

    /// <summary>Only the family answers for a delivery record.</summary>
    private async Task<IActionResult?> LoadAsync(Guid childId, Guid commitmentId, Guid deliveryId) =>
        await LoadDeliveryAsync(childId, commitmentId, deliveryId)
        ?? (Access.IsFamily ? null : StatusCode(StatusCodes.Status403Forbidden));
}
