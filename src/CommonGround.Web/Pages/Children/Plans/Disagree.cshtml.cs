using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Children;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>The family disagree with what a plan does with a recommendation; it becomes a concern for the plan's author, on its response clock.</summary>
public sealed class DisagreeModel(RecommendationService recommendations, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public RecommendationAnswer Answer { get; private set; } = default!;
    public AdviceRequest Advice { get; private set; } = default!;
    public Recommendation Recommendation { get; private set; } = default!;
    public SupportPlan Plan { get; private set; } = default!;
    public PlanLine? Line { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "What do you disagree with, and what would you like to happen?")]
        [Required(ErrorMessage = "Say what you disagree with, and what you would like to happen")]
        [StringLength(RecommendationService.MaxDisputeLength, ErrorMessage = "Your answer must be 2,000 characters or fewer")]
        public string? Why { get; set; }

        public int Version { get; set; }
    }

    [ChildPage(Capability.RespondToPlan)]
    public async Task<IActionResult> OnGetAsync(Guid planId, Guid answerId)
    {
        if (await LoadAsync(planId, answerId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Version = Answer.Version };
        return Page();
    }

    [ChildPage(Capability.RespondToPlan)]
    public async Task<IActionResult> OnPostAsync(Guid planId, Guid answerId)
    {
        if (await LoadAsync(planId, answerId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await recommendations.DisputeAsync(Access, answerId, Input.Version, Input.Why, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Your concern is raised", $"{result.Value!.OwnerName ?? result.Value.OwnerOrganisationName} will answer it. You can follow it here.");
        return Redirect(ChildLinks.Concern(Access.Child.Id, result.Value.Id));
    }

    private async Task<IActionResult?> LoadAsync(Guid planId, Guid answerId)
    {
        if (await recommendations.GetAnswerAsync(Access, answerId) is not { } found || found.Plan.Id != planId)
        {
            return NotFound();
        }

        (Answer, Advice, Recommendation, Plan, Line) = found;
        DescribeRead(null, $"{Plan.Rule.Name}: a recommendation's answer");
        return null;
    }
}
