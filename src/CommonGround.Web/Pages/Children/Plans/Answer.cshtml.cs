using CommonGround.Core.Access;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>The family answers each line of a shared plan that is waiting for them, on one page that works on a phone.</summary>
public sealed class AnswerModel(PlanService plans, PlanSharingService sharing, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public PlanView View { get; private set; } = default!;
    public IReadOnlyList<PlanLine> Waiting { get; private set; } = [];

    [BindProperty]
    public Dictionary<Guid, PlanAnswer?> Answers { get; set; } = [];

    [BindProperty]
    public Dictionary<Guid, string?> Words { get; set; } = [];

    [ChildPage(Capability.RespondToPlan)]
    public async Task<IActionResult> OnGetAsync(Guid planId) => await LoadAsync(planId) ?? Page();

    [ChildPage(Capability.RespondToPlan)]
    public async Task<IActionResult> OnPostAsync(Guid planId)
    {
        if (await LoadAsync(planId) is { } refused)
        {
            return refused;
        }

        var answers = Waiting.Select(l => new LineAnswer(l.Id, Answers.GetValueOrDefault(l.Id), Words.GetValueOrDefault(l.Id))).ToList();
        var result = await sharing.AnswerAsync(Access, planId, answers, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Error!.Field ?? string.Empty, result.Error.Message);
            return Invalid();
        }

        var changes = answers.Count(a => a.Answer != PlanAnswer.Agree);
        Confirm("Thank you, your answers are saved",
            changes == 0 ? $"{View.Plan.OrganisationName} can now mark the plan as agreed." : $"{View.Plan.OrganisationName} has been told and will reply to what you said.");
        return Redirect(CommonGround.Core.Children.ChildLinks.Plan(Access.Child.Id, planId));
    }

    private async Task<IActionResult?> LoadAsync(Guid planId)
    {
        if (await plans.GetAsync(Access, planId) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Waiting = view.Plan.Status == PlanStatus.WithFamily
            ? view.Lines.Where(l => l.AwaitsFamily(view.Responses)).OrderBy(l => l.Kind).ThenBy(l => l.Position).ToList()
            : [];
        DescribeRead(null, view.Plan.Rule.Name);
        return null;
    }
}
