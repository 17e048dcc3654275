using CommonGround.Core.Access;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>The author opens an agreed plan for its review, to write its next version with the family.</summary>
public sealed class ReviewModel(PlanService plans, PlanAgreementService agreement, CurrentUser currentUser) : PlanStepPageBase(plans, currentUser)
{
    protected override bool OnAgreedPlan => true;

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnGetAsync(Guid planId) => await LoadAsync(planId) ?? Page();

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostAsync(Guid planId)
    {
        if (await LoadAsync(planId) is { } refused)
        {
            return refused;
        }

        var result = await agreement.StartReviewAsync(Access, planId, Version, await CurrentUser.ActorAsync());
        return Done(result, "Review started", "Change what needs to change, then share it with the family. Lines they agreed and you do not change stay agreed.");
    }
}
