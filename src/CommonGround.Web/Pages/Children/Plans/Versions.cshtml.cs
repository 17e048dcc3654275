using CommonGround.Core.Access;
using CommonGround.Core.Plans;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>Every version of a plan the family was shown or agreed, each with what changed from the one before, word by word.</summary>
public sealed class VersionsModel(PlanService plans, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public SupportPlan Plan { get; private set; } = default!;
    public IReadOnlyList<(PlanVersion Version, IReadOnlyList<DiffPart> Changes)> Versions { get; private set; } = [];

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        if (await plans.GetAsync(Access, planId) is not { } view)
        {
            return NotFound();
        }

        Plan = view.Plan;
        var before = "";
        var versions = new List<(PlanVersion, IReadOnlyList<DiffPart>)>();
        foreach (var version in await plans.ListVersionsAsync(planId))
        {
            var text = PlanContent.FromJson(version.Content).AsText(Access.CanSee);
            versions.Add((version, TextDiff.Words(before, text)));
            before = text;
        }

        versions.Reverse();
        Versions = versions;
        DescribeRead(null, $"{view.Plan.Rule.Name}: versions");
        return Page();
    }
}
