using System.ComponentModel.DataAnnotations;
using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Plans;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>
/// Adding or changing a need, an outcome or a provision line. Provision that is vague (no amount, no provider, "access
/// to", "as required") is met with a prompt to make it specific, which the author may pass over while it is a draft.
/// </summary>
public sealed class LineModel(PlanService plans, PlanLineService lines, TeamService teams, LanguageAdvice advice, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SupportPlan Plan { get; private set; } = default!;
    public PlanLineKind Kind { get; private set; }
    public bool Adding { get; private set; }
    public IReadOnlyList<Option> Parts { get; private set; } = [];
    public IReadOnlyList<Option> Providers { get; private set; } = [];
    public IReadOnlyList<Option> Outcomes { get; private set; } = [];
    public IReadOnlyList<Option> Needs { get; private set; } = [];
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];
    public IReadOnlyList<ProvisionPrompt> Prompts { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Part of the record")]
        [Required(ErrorMessage = "Choose which part of the record it belongs to")]
        public RecordArea? Part { get; set; }

        [Required(ErrorMessage = "Enter the words of this line")]
        [StringLength(PlanLine.MaxTextLength, ErrorMessage = "The line must be 1,000 characters or fewer")]
        public string? Text { get; set; }

        [Display(Name = "Broad area of need (optional)")]
        public BroadAreaOfNeed? BroadArea { get; set; }

        [Display(Name = "By when (optional)")]
        public DateOnly? AchieveBy { get; set; }

        [Display(Name = "How we will know (optional)")]
        [StringLength(PlanLine.MaxHowWeWillKnowLength, ErrorMessage = "How we will know must be 1,000 characters or fewer")]
        public string? HowWeWillKnow { get; set; }

        [Display(Name = "Who provides it")]
        public Guid? ProviderId { get; set; }

        [Display(Name = "How much")]
        public decimal? Quantity { get; set; }

        [Display(Name = "Counted in")]
        public ProvisionUnit? Unit { get; set; }

        [Display(Name = "Length of each session in minutes (optional)")]
        public int? MinutesPerSession { get; set; }

        [Display(Name = "Every")]
        public ProvisionPeriod? Period { get; set; }

        [Display(Name = "Starts on")]
        public DateOnly? StartDate { get; set; }

        [Display(Name = "Ends on (optional)")]
        public DateOnly? EndDate { get; set; }

        [Display(Name = "Term time only")]
        public bool TermTimeOnly { get; set; }

        [Display(Name = "Which needs it meets (optional)")]
        public List<Guid> Meets { get; set; } = [];

        [Display(Name = "Which outcomes it works towards (optional)")]
        public List<Guid> Serves { get; set; } = [];

        public int Version { get; set; }

        public bool SaveAnyway { get; set; }
    }

    public string TextLabel => Kind switch
    {
        PlanLineKind.Need => "What the child needs",
        PlanLineKind.Outcome => "What will be different",
        PlanLineKind.Placement => "The school, college or setting",
        PlanLineKind.PersonalBudget => "The personal budget",
        _ => "What the provision is",
    };

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnGetAsync(Guid planId, string kind, Guid? lineId)
    {
        if (await LoadAsync(planId, kind, lineId) is { } refused)
        {
            return refused;
        }

        Input = FormFor(lineId is null ? null : Plan.Lines.Single(l => l.Id == lineId));
        return Page();
    }

    /// <summary>The form as it starts: empty for a new line, or the line as it reads.</summary>
    private InputModel FormFor(PlanLine? line) =>
        line is null
            ? new InputModel { Part = Kind == PlanLineKind.Provision && Access.CanSee(RecordArea.Education) ? RecordArea.Education : null, Version = Plan.Version }
            : new InputModel
            {
                Part = line.Part, Text = line.Text, BroadArea = line.BroadArea, AchieveBy = line.AchieveBy, HowWeWillKnow = line.HowWeWillKnow,
                ProviderId = line.ProviderTeamMemberId, Quantity = line.Quantity, Unit = line.Unit, MinutesPerSession = line.MinutesPerSession,
                Period = line.Period, StartDate = line.StartDate, EndDate = line.EndDate, TermTimeOnly = line.TermTimeOnly,
                Meets = line.ServesLines.Where(id => Plan.Lines.Any(l => l.Id == id && l.Kind == PlanLineKind.Need)).ToList(),
                Serves = line.ServesLines.Where(id => Plan.Lines.Any(l => l.Id == id && l.Kind == PlanLineKind.Outcome)).ToList(), Version = Plan.Version,
            };

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostAsync(Guid planId, string kind, Guid? lineId)
    {
        if (await LoadAsync(planId, kind, lineId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway,
            new WrittenField("Input.Text", TextLabel, Input.Text), new WrittenField("Input.HowWeWillKnow", "How we will know", Input.HowWeWillKnow));
        Prompts = Kind == PlanLineKind.Provision && !Input.SaveAnyway
            ? ProvisionWording.Check(Input.Text, Input.ProviderId is not null, Input.Quantity is not null, Input.Period is not null)
            : [];
        if (Advice.Count > 0 || Prompts.Count > 0)
        {
            return Page();
        }

        var options = new PlanLineOptions(Input.Part!.Value, Input.Text!, Input.BroadArea, Input.AchieveBy, Input.HowWeWillKnow, Input.ProviderId, Input.Quantity,
            Input.Unit, Input.MinutesPerSession, Input.Period, Input.StartDate, Input.EndDate, Input.TermTimeOnly, [.. Input.Meets, .. Input.Serves]);
        var result = await lines.SaveLineAsync(Access, planId, lineId, Kind, options, Input.Version, actor);
        if (!result.Succeeded)
        {
            return result.Error is NotFoundError ? NotFound() : Invalid(result.Error!);
        }

        Confirm(Adding ? $"{Kind.ToDisplayName()} added" : $"{Kind.ToDisplayName()} changed");
        return Redirect(ChildLinks.Plan(Access.Child.Id, planId) + $"#line-{result.Value!.Id}");
    }

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid planId, string kind, Guid lineId)
    {
        if (await LoadAsync(planId, kind, lineId) is { } refused)
        {
            return refused;
        }

        var result = await lines.RemoveLineAsync(Access, planId, lineId, Input.Version, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            if (result.Error is NotFoundError)
            {
                return NotFound();
            }

            // The removal posts no line, so the page shows the line as it reads with why it stays.
            ModelState.Clear();
            Input = FormFor(Plan.Lines.Single(l => l.Id == lineId));
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            return Invalid();
        }

        Confirm($"{Kind.ToDisplayName()} removed");
        return Redirect(ChildLinks.Plan(Access.Child.Id, planId));
    }

    /// <summary>The plan for its author, or the answer that refuses the page.</summary>
    private async Task<IActionResult?> LoadAsync(Guid planId, string kind, Guid? lineId)
    {
        Kind = Enum.GetValues<PlanLineKind>().Single(k => k.Slug() == kind);
        Adding = lineId is null;
        var loaded = await plans.LoadForAuthorAsync(Access, planId);
        if (loaded.Value is not { } plan)
        {
            return loaded.Error is NotFoundError ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!Kind.BelongsIn(plan.Kind))
        {
            return NotFound();
        }

        if (lineId is not null && !plan.Lines.Any(l => l.Id == lineId && l.Kind == Kind && Access.CanSee(l.Part)))
        {
            return NotFound();
        }

        Plan = plan;
        Parts = PlanLineText.Parts.Where(Access.CanSee).Select(p => new Option(p.ToString(), p.ToDisplayName())).ToList();
        if (Kind == PlanLineKind.Provision)
        {
            Providers = (await teams.ListTeamAsync(Access.Child.Id))
                .Select(t => new Option(t.Id.ToString(), $"{t.Professional!.UserAccount!.DisplayName}, {t.Role} ({t.Professional.Organisation!.Name})"))
                .ToList();
            Outcomes = plan.Lines.Where(l => l.Kind == PlanLineKind.Outcome && Access.CanSee(l.Part)).OrderBy(l => l.Position)
                .Select(l => new Option(l.Id.ToString(), l.Text.ShortenTo(120))).ToList();
            Needs = plan.Lines.Where(l => l.Kind == PlanLineKind.Need && Access.CanSee(l.Part)).OrderBy(l => l.Position)
                .Select(l => new Option(l.Id.ToString(), l.Text.ShortenTo(120))).ToList();
        }

        DescribeRead(null, plan.Rule.Name);
        return null;
    }
}
