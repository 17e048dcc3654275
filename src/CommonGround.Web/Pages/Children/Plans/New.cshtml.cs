using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>Starting a plan of a kind the person's organisation writes.</summary>
public sealed class NewModel(PlanService plans, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> Kinds { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Which kind of plan")]
        [Required(ErrorMessage = "Choose which kind of plan to write")]
        public PlanKind? Kind { get; set; }
    }

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadKindsAsync();
        return Page();
    }

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadKindsAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await plans.StartAsync(Access, new StartPlanOptions(Input.Kind!.Value), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"{result.Value!.Rule.Name} started", "Add what the child needs, the outcomes and the provision. The family sees it when you share it with them.");
        return Redirect(ChildLinks.Plan(Access.Child.Id, result.Value.Id));
    }

    private async Task LoadKindsAsync() =>
        Kinds = (await plans.KindsForAsync(Access))
            .Select(r => new Option(r.Kind.ToString(), r.Name + (r.Proposed ? " (proposed)" : ""), $"{r.Description} Reviewed {r.ReviewText}. Source: {r.Source}."))
            .ToList();
}
