using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Children;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>
/// The plan's author answers the recommendations of one piece of advice: each adopted in the line that carries it out,
/// or not adopted, with a reason in plain words the family and the adviser will read.
/// </summary>
public sealed class RecommendationsModel(PlanService plans, RecommendationService recommendations, LanguageAdvice language, CurrentUser currentUser) : PlanStepPageBase(plans, currentUser)
{
    public const string Adopted = "adopted";
    public const string NotAdopted = "not-adopted";

    public AdviceForPlan Advice { get; private set; } = default!;

    /// <summary>The lines a recommendation can be adopted in: outcomes, provision, and an EHC plan's placement and personal budget.</summary>
    public IReadOnlyList<PlanLine> Lines { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Each keyed by the recommendation's id.</summary>
    public sealed class InputModel
    {
        public Dictionary<Guid, string?> Decisions { get; set; } = [];
        public Dictionary<Guid, Guid?> AdoptedIn { get; set; } = [];
        public Dictionary<Guid, string?> Reasons { get; set; } = [];

        /// <summary>True when the writer has seen the advice on their wording and saves the answers as they are.</summary>
        public bool SaveAnyway { get; set; }
    }

    /// <summary>Wording worth changing in the reasons, shown before saving.</summary>
    public IReadOnlyList<FieldFinding> Wording { get; private set; } = [];

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnGetAsync(Guid planId, Guid requestId)
    {
        if (await LoadAdviceAsync(planId, requestId) is { } refused)
        {
            return refused;
        }

        foreach (var recommendation in Advice.Advice.Recommendations)
        {
            var answer = Advice.AnswerTo(recommendation);
            Input.Decisions[recommendation.Id] = answer is null ? null : answer.Adopted ? Adopted : NotAdopted;
            Input.AdoptedIn[recommendation.Id] = answer?.LineId;
            Input.Reasons[recommendation.Id] = answer?.Reason;
        }

        return Page();
    }

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostAsync(Guid planId, Guid requestId)
    {
        if (await LoadAdviceAsync(planId, requestId) is { } refused)
        {
            return refused;
        }

        Wording = await language.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway,
            [.. Advice.Advice.Recommendations.Select(r => new WrittenField($"Input.Reasons[{r.Id}]", $"Why recommendation {r.Position} is not adopted", Input.Reasons.GetValueOrDefault(r.Id)))]);
        if (Wording.Count > 0)
        {
            return Page();
        }

        var decisions = Advice.Advice.Recommendations.Select(r => new RecommendationDecision(r.Id,
            Input.Decisions.GetValueOrDefault(r.Id) switch { Adopted => true, NotAdopted => false, _ => null },
            Input.AdoptedIn.GetValueOrDefault(r.Id), Input.Reasons.GetValueOrDefault(r.Id))).ToList();
        var result = await recommendations.AnswerAsync(Access, planId, requestId, decisions, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        var left = result.Value!.Unanswered;
        Confirm("Your answers are saved", left == 0
            ? $"{Advice.Advice.AdviserName} and the family can see what the plan does with each recommendation."
            : $"{left} {(left == 1 ? "recommendation is" : "recommendations are")} still to answer before the plan is shared.");
        return Redirect(ChildLinks.Plan(Access.Child.Id, planId) + "#recommendations");
    }

    private async Task<IActionResult?> LoadAdviceAsync(Guid planId, Guid requestId)
    {
        if (await LoadAsync(planId) is { } refused)
        {
            return refused;
        }

        if ((await recommendations.ForPlanAsync(Access, planId)).SingleOrDefault(a => a.Advice.Id == requestId) is not { } advice)
        {
            return NotFound();
        }

        Advice = advice;
        Lines = View.Lines.Where(l => l.Kind != PlanLineKind.Need).OrderBy(l => l.Kind).ThenBy(l => l.Position).ToList();
        return null;
    }
}
