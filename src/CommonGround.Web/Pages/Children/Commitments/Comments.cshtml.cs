using CommonGround.Core;
using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>The family or the team comment on a commitment; professionals' comments are read by the language advisor first.</summary>
public sealed class CommentsModel(CommitmentChangeService changes, CommitmentService commitments, LanguageAdvice advice, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid CommitmentId { get; private set; }
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Your comment")]
        [Required(ErrorMessage = "Enter your comment")]
        [StringLength(CommitmentComment.MaxLength, ErrorMessage = "Your comment must be 2,000 characters or fewer")]
        public string? Text { get; set; }

        public bool SaveAnyway { get; set; }
    }

    [ChildPage(Capability.ViewRecord, RecordArea.Commitments)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid commitmentId)
    {
        CommitmentId = commitmentId;
        if (await commitments.FindAsync(Access, commitmentId) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway, new WrittenField("Input.Text", "Your comment", Input.Text));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await changes.CommentAsync(Access, commitmentId, Input.Text, actor);
        if (!result.Succeeded)
        {
            return result.Error is NotFoundError ? NotFound() : Invalid(result.Error!);
        }

        Confirm("Comment added");
        return Redirect(ChildLinks.Commitment(childId, commitmentId));
    }
}
