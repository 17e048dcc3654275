using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments;

/// <summary>A team member records a promise: what, who owns it, and either a due date or how much and how often.</summary>
public sealed class NewModel(CommitmentChangeService changes, TeamService teams, LanguageAdvice advice, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> Owners { get; private set; } = [];
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "What has been promised")]
        [Required(ErrorMessage = "Enter what has been promised")]
        [StringLength(Commitment.MaxWhatLength, ErrorMessage = "What has been promised must be 500 characters or fewer")]
        public string? What { get; set; }

        [Display(Name = "More detail (optional)")]
        [StringLength(Commitment.MaxDetailsLength, ErrorMessage = "More detail must be 4,000 characters or fewer")]
        public string? Details { get; set; }

        [Display(Name = "Part of the record")]
        [Required(ErrorMessage = "Choose which part of the record it belongs to")]
        public CommitmentArea? Area { get; set; }

        [Display(Name = "Who owns it")]
        [Required(ErrorMessage = "Choose who owns this commitment")]
        public Guid? OwnerId { get; set; }

        [Display(Name = "Where it was agreed")]
        [Required(ErrorMessage = "Choose where it was agreed")]
        public CommitmentSource? Source { get; set; }

        [Display(Name = "Kind of commitment")]
        [Required(ErrorMessage = "Choose whether it is done once or given regularly")]
        public CommitmentKind? Kind { get; set; }

        [Display(Name = "Due by")]
        public DateOnly? DueDate { get; set; }

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

        [Display(Name = "The family has already agreed this")]
        public bool AlreadyAgreed { get; set; }

        public bool SaveAnyway { get; set; }
    }

    [ChildPage(Capability.RecordCommitment, RecordArea.Commitments)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        await LoadOwnersAsync(childId);
        Input = new InputModel { OwnerId = Access.TeamMemberId, Source = CommitmentSource.AddedDirectly };
        return Page();
    }

    [ChildPage(Capability.RecordCommitment, RecordArea.Commitments)]
    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        await LoadOwnersAsync(childId);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway,
            new WrittenField("Input.What", "What has been promised", Input.What), new WrittenField("Input.Details", "More detail", Input.Details));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await changes.AddAsync(Access, new AddCommitmentOptions(
            Input.What!, Input.Details, Input.Area!.Value, Input.Source!.Value, Input.OwnerId!.Value, Input.Kind!.Value, Input.DueDate,
            Input.Quantity, Input.Unit, Input.MinutesPerSession, Input.Period, Input.StartDate, Input.EndDate, Input.TermTimeOnly, AlreadyAgreed: Input.AlreadyAgreed), actor);
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Commitment recorded", $"{result.Value!.OwnerName} owns it. The family can see it and comment on it.");
        return Redirect(ChildLinks.Commitment(childId, result.Value.Id));
    }

    private async Task LoadOwnersAsync(Guid childId) =>
        Owners = (await teams.ListTeamAsync(childId))
            .Select(t => new Option(t.Id.ToString(), $"{t.Professional!.UserAccount!.DisplayName}, {t.Role} ({t.Professional.Organisation!.Name})"))
            .ToList();
}
