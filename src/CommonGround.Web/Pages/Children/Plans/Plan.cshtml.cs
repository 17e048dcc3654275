using System.Globalization;
using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Commitments;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>
/// One plan as the person may see it: the family's words first, then needs, outcomes and provision, each line with the
/// family's answer, and for an agreed plan how each line of provision is being delivered.
/// </summary>
public sealed class PlanModel(PlanService plans, RecommendationService recommendations, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public PlanView View { get; private set; } = default!;
    public bool Writes { get; private set; }
    public bool Answers => View.Plan.Status == PlanStatus.WithFamily && Access.Can(Capability.RespondToPlan);
    public int WaitingForFamily { get; private set; }

    /// <summary>At a review, the outcomes the family has not yet said how it is going towards.</summary>
    public int OutcomesWithoutFamilyWords => View.ReviewedOutcomes.Count(o => View.ProgressOf(o, byFamily: true) is null);
    public (DateOnly LastDayToComment, DateOnly EarliestFinal)? CommentWindow { get; private set; }

    /// <summary>An EHC plan's section K; null for other plans or when the statutory process is not shared with the person.</summary>
    public IReadOnlyList<PlanAdvice>? Advice { get; private set; }

    /// <summary>The given advice with recommendations, in parts the person sees, and what this plan does with each.</summary>
    public IReadOnlyList<AdviceForPlan> Recommendations { get; private set; } = [];

    /// <summary>The plan's provision as a spreadsheet: each line, who gives it, how much, and what has been delivered.</summary>
    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetCsvAsync(Guid planId)
    {
        if (await plans.GetAsync(Access, planId) is not { } view)
        {
            return NotFound();
        }

        var child = Access.Child;
        DescribeRead(null, $"{view.Plan.Rule.Name}: provision downloaded");
        return CsvFile.Create($"{child.KnownAs}-{child.LastName}-plan-provision.csv",
            ["Provision", "Part of the record", "Provider", "Organisation", "How much and how often", "Needs it meets", "Works towards", "Family's answer", "Delivered so far", "Expected so far", "How it stands"],
            view.Of(PlanLineKind.Provision).Select(line =>
            {
                var row = new PlanLineModel(view, line, false, child.Id);
                var delivery = line.CommitmentId is { } id ? view.Delivery.GetValueOrDefault(id) : null;
                return (IReadOnlyList<string>)
                [
                    line.Text, line.Part.ToDisplayName(), line.ProviderName ?? "", line.ProviderOrganisationName ?? "", line.DescribeProvision(), string.Join("; ", row.Meets), string.Join("; ", row.Serves),
                    line.AgreedByFamily(view.Responses) ? "Agreed" : row.Answer?.Answer.ToDisplayName() ?? "",
                    delivery?.Progress.Delivered.ToString("0.##", CultureInfo.InvariantCulture) ?? "", delivery?.Progress.Expected.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
                    delivery?.Progress.Status.ToDisplayName() ?? "",
                ];
            }));
    }

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
        Advice = await plans.AdviceAsync(Access, view.Plan);
        Recommendations = await recommendations.ForPlanAsync(Access, planId);
        DescribeRead(null, view.Plan.Rule.Name);
        return Page();
    }
}
