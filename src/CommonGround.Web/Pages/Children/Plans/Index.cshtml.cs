using CommonGround.Core.Access;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>A child's support plans, newest first, and starting one for staff who write them.</summary>
public sealed class IndexModel(PlanService plans, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public IReadOnlyList<SupportPlan> Plans { get; private set; } = [];
    public bool CanStart { get; private set; }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync()
    {
        Plans = await plans.ListAsync(Access);
        CanStart = (await plans.KindsForAsync(Access)).Count > 0;
        DescribeRead(null, "Support plans");
        return Page();
    }
}
