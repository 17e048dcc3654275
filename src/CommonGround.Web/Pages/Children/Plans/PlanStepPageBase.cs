using CommonGround.Core;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>A step its author takes on the whole plan (share it, agree it): a page that says what will happen, and a button.</summary>
public abstract class PlanStepPageBase(PlanService plans, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public PlanView View { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    protected PlanService Plans => plans;

    /// <summary>True for a step on an agreed plan (starting its review); the others are refused once a plan is agreed.</summary>
    protected virtual bool OnAgreedPlan => false;

    /// <summary>The plan as its author sees it, or the answer that refuses the page.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid planId)
    {
        var loaded = OnAgreedPlan ? await plans.LoadWrittenAsync(Access, planId) : await plans.LoadForAuthorAsync(Access, planId);
        if (loaded.Value is null)
        {
            return loaded.Error is NotFoundError ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        View = (await plans.GetAsync(Access, planId))!;
        DescribeRead(null, View.Plan.Rule.Name);
        return null;
    }

    /// <summary>Shows the step's refusal on the page, or goes back to the plan with a confirmation.</summary>
    protected IActionResult Done(Result<SupportPlan> result, string heading, string? detail)
    {
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            return Invalid();
        }

        Confirm(heading, detail);
        return Redirect(CommonGround.Core.Children.ChildLinks.Plan(Access.Child.Id, result.Value!.Id));
    }
}
