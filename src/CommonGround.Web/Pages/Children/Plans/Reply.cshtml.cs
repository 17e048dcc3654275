using System.ComponentModel.DataAnnotations;
using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>
/// The author replies to a family's answer: take their suggestion (the line then reads as they asked, and counts as
/// agreed) or keep the line and say why, so the family can answer again.
/// </summary>
public sealed class ReplyModel(PlanService plans, PlanSharingService sharing, LanguageAdvice advice, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public PlanView View { get; private set; } = default!;
    public PlanResponse Answer { get; private set; } = default!;
    public PlanLine Line { get; private set; } = default!;

    public static IReadOnlyList<Option> Decisions { get; } =
    [
        new("true", "Take the suggestion", "The line will read as the family asked"),
        new("false", "Keep the line as it is", "Say why, so the family can answer again"),
    ];

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

        [Display(Name = "What will you do")]
        [Required(ErrorMessage = "Choose whether to take the suggestion")]
        public bool? Accept { get; set; }

        [Display(Name = "Your reply to the family")]
        [StringLength(PlanResponse.MaxWordsLength, ErrorMessage = "Your reply must be 2,000 characters or fewer")]
        public string? Reply { get; set; }

        [Display(Name = "What the provision will be")]
        [StringLength(PlanLine.MaxTextLength, ErrorMessage = "What the provision will be must be 1,000 characters or fewer")]
        public string? What { get; set; }

        [Display(Name = "How much")]
        public decimal? Quantity { get; set; }

        [Display(Name = "Counted in")]
        public ProvisionUnit? Unit { get; set; }

        [Display(Name = "Length of each session in minutes (optional)")]
        public int? MinutesPerSession { get; set; }

        [Display(Name = "Every")]
        public ProvisionPeriod? Period { get; set; }

        public int Version { get; set; }
    }

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnGetAsync(Guid planId, Guid responseId)
    {
        if (await LoadAsync(planId, responseId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel
        {
            Version = View.Plan.Version, What = Line.Text, Quantity = Line.Quantity, Unit = Line.Unit, MinutesPerSession = Line.MinutesPerSession, Period = Line.Period,
        };
        return Page();
    }

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostAsync(Guid planId, Guid responseId)
    {
        if (await LoadAsync(planId, responseId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Advice = await advice.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.What", "The line", Input.What), new WrittenField("Input.Reply", "Your reply", Input.Reply));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var revised = Input.Accept == true && Line.Kind == PlanLineKind.Provision
            ? new PlanLineOptions(Line.Part, Input.What ?? "", ProviderId: Line.ProviderTeamMemberId, Quantity: Input.Quantity, Unit: Input.Unit,
                MinutesPerSession: Input.MinutesPerSession, Period: Input.Period, StartDate: Line.StartDate, EndDate: Line.EndDate, TermTimeOnly: Line.TermTimeOnly,
                Serves: Line.ServesLines)
            : null;
        var result = await sharing.ReplyAsync(Access, planId, new ReplyToAnswerOptions(responseId, Input.Accept!.Value, Input.Reply, Input.Version, revised),
            await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return result.Error is NotFoundError ? NotFound() : Invalid(result.Error!);
        }

        Confirm(Input.Accept == true ? "Suggestion taken" : "Reply sent", $"{Answer.ByName} has been told.");
        return Redirect(CommonGround.Core.Children.ChildLinks.Plan(Access.Child.Id, planId) + $"#line-{Line.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid planId, Guid responseId)
    {
        var loaded = await plans.LoadForAuthorAsync(Access, planId);
        if (loaded.Value is null)
        {
            return loaded.Error is NotFoundError ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        View = (await plans.GetAsync(Access, planId))!;
        if (View.Responses.FirstOrDefault(r => r.Id == responseId) is not { } response)
        {
            return NotFound();
        }

        Answer = response;
        Line = View.Lines.Single(l => l.Id == response.LineId);
        DescribeRead(null, View.Plan.Rule.Name);
        return null;
    }
}
