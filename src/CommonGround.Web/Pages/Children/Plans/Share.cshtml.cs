using CommonGround.Core.Access;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>The author shares the plan with the family, as a new version for them to answer line by line.</summary>
public sealed class ShareModel(PlanService plans, PlanSharingService sharing, CurrentUser currentUser) : PlanStepPageBase(plans, currentUser)
{
    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnGetAsync(Guid planId) => await LoadAsync(planId) ?? Page();

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostAsync(Guid planId)
    {
        if (await LoadAsync(planId) is { } refused)
        {
            return refused;
        }

        var result = await sharing.ShareAsync(Access, planId, Version, await CurrentUser.ActorAsync());
        return Done(result, "Plan shared with the family", "They have been told. You will be told when they answer.");
    }
}
