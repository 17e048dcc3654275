using CommonGround.Core.Access;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>At a review, the family says in their own words how the child is getting on towards each outcome.</summary>
public sealed class ProgressModel(PlanService plans, PlanReviewService reviews, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public PlanView View { get; private set; } = default!;

    /// <summary>The outcomes in the agreed plan, which the review looks at.</summary>
    public IReadOnlyList<PlanLine> Outcomes { get; private set; } = [];

    [BindProperty]
    public Dictionary<Guid, string?> Words { get; set; } = [];

    [ChildPage(Capability.RespondToPlan)]
    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        if (await LoadAsync(planId) is { } refused)
        {
            return refused;
        }

        foreach (var outcome in Outcomes)
        {
            Words[outcome.Id] = View.ProgressOf(outcome, byFamily: true)?.Words;
        }

        return Page();
    }

    [ChildPage(Capability.RespondToPlan)]
    public async Task<IActionResult> OnPostAsync(Guid planId)
    {
        if (await LoadAsync(planId) is { } refused)
        {
            return refused;
        }

        var said = Outcomes.Select(o => new ProgressInput(o.Id, null, Words.GetValueOrDefault(o.Id))).ToList();
        var result = await reviews.RecordAsync(Access, planId, said, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Error!.Field ?? string.Empty, result.Error.Message);
            return Invalid();
        }

        Confirm("Thank you, your words are saved", $"{View.Plan.OrganisationName} has been told. They come first when each outcome is looked at, and are kept with the plan's next version.");
        return Redirect(CommonGround.Core.Children.ChildLinks.Plan(Access.Child.Id, planId));
    }

    private async Task<IActionResult?> LoadAsync(Guid planId)
    {
        if (await plans.GetAsync(Access, planId) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Outcomes = view.ReviewedOutcomes;
        DescribeRead(null, view.Plan.Rule.Name);
        return null;
    }
}
