using CommonGround.Core.Access;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>
/// One plan as the person may see it: the family's words first, then needs, outcomes and provision, each line with the
/// family's answer, and for an agreed plan how each line of provision is being delivered.
/// </summary>
public sealed class PlanModel(PlanService plans, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public PlanView View { get; private set; } = default!;
    public bool Writes { get; private set; }
    public bool Answers => View.Plan.Status == PlanStatus.WithFamily && Access.Can(Capability.RespondToPlan);
    public int WaitingForFamily { get; private set; }
    public (DateOnly LastDayToComment, DateOnly EarliestFinal)? CommentWindow { get; private set; }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        if (await plans.GetAsync(Access, planId) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Writes = await plans.WritesAsync(Access, view.Plan);
        WaitingForFamily = view.Lines.Count(l => l.AwaitsFamily(view.Responses));
        CommentWindow = await plans.CommentWindowAsync(view.Plan);
        DescribeRead(null, view.Plan.Rule.Name);
        return Page();
    }
}
