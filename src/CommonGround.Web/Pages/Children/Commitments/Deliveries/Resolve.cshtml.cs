using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments.Deliveries;

/// <summary>The commitment's owner answers the family's dispute, and sets the record aside if the family was right.</summary>
[ChildPage(Capability.RecordCommitment, RecordArea.Commitments)]
public sealed class ResolveModel(DeliveryService deliveries, CommitmentService commitments, LanguageAdvice advice, CurrentUser currentUser)
    : CommitmentPageBase(commitments, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Your answer to the family")]
        [Required(ErrorMessage = "Say how the dispute was resolved")]
        [StringLength(DeliveryRecord.MaxNoteLength, ErrorMessage = "Your answer must be 2,000 characters or fewer")]
        public string? Resolution { get; set; }

        [Display(Name = "The family is right: stop counting this record as delivered")]
        public bool SetAside { get; set; }

        public bool SaveAnyway { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid commitmentId, Guid deliveryId) =>
        await LoadAsync(childId, commitmentId, deliveryId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid commitmentId, Guid deliveryId)
    {
        if (await LoadAsync(childId, commitmentId, deliveryId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway, new WrittenField("Input.Resolution", "Your answer to the family", Input.Resolution));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await deliveries.ResolveDisputeAsync(Access, deliveryId, Input.Resolution, Input.SetAside, actor);
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Dispute answered", "The family can see your answer on the commitment.");
        return Redirect(ChildLinks.Commitment(childId, commitmentId));
    }

    private Task<IActionResult?> LoadAsync(Guid childId, Guid commitmentId, Guid deliveryId) =>
        LoadDeliveryAsync(childId, commitmentId, deliveryId);
}
