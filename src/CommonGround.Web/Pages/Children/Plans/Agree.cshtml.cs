using CommonGround.Core.Access;
using CommonGround.Core.Plans;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>The author marks the plan agreed once the family agrees every line; its provision becomes tracked commitments.</summary>
public sealed class AgreeModel(PlanService plans, PlanAgreementService agreement, CurrentUser currentUser) : PlanStepPageBase(plans, currentUser)
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

        var result = await agreement.AgreeAsync(Access, planId, Version, await CurrentUser.ActorAsync());
        return Done(result, result.Succeeded && result.Value!.Kind == PlanKind.Ehc ? "Final plan issued" : "Plan agreed",
            result.Succeeded ? $"Each line of provision is now a commitment its provider records delivery against. The plan is due to be reviewed by {UkDates.Date(result.Value!.ReviewBy!.Value)}." : "");
    }
}
