using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>The owner (or their organisation's admin) moves a commitment on in its life, giving a reason where it stops.</summary>
[ChildPage(Capability.RecordCommitment, RecordArea.Commitments)]
public sealed class StatusModel(CommitmentChangeService changes, CommitmentService commitments, LanguageAdvice advice, CurrentUser currentUser) : CommitmentPageBase(commitments, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public IReadOnlyList<Option> Options { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

        [Display(Name = "New status")]
        [Required(ErrorMessage = "Choose the new status")]
        public CommitmentStatus? Status { get; set; }

        [Display(Name = "Reason")]
        [StringLength(Commitment.MaxReasonLength, ErrorMessage = "The reason must be 1,000 characters or fewer")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid commitmentId)
    {
        if (await LoadAsync(childId, commitmentId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Version = Commitment.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid commitmentId)
    {
        if (await LoadAsync(childId, commitmentId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Advice = await advice.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.Reason", "Reason", Input.Reason));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await changes.ChangeStatusAsync(Access, new ChangeCommitmentStatusOptions(commitmentId, Input.Status!.Value, Input.Reason, Input.Version), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            if (result.Error is CommitmentChangedMeanwhile)
            {
                await LoadAsync(childId, commitmentId);
                ModelState.Remove("Input.Version");
                Input.Version = Commitment.Version;
            }

            return Invalid(result.Error!);
        }

        Confirm($"Commitment marked {Input.Status.Value.ToDisplayName().ToLowerInvariant()}", "The family can see the change and the reason.");
        return Redirect(ChildLinks.Commitment(childId, commitmentId));
    }

    private async Task<IActionResult?> LoadAsync(Guid childId, Guid commitmentId)
    {
        var refused = await LoadCommitmentAsync(childId, commitmentId);
        Options = refused is null ? Choices.Statuses(Commitment.NextStatuses()) : [];
        return refused;
    }
}
