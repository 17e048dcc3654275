using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Statutory;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Advice;

/// <summary>
/// Staff who write the child's plans ask someone on the team for advice. With an EHC needs assessment open, the local
/// authority's request runs on the legal 6 weeks; otherwise the person asking says by when.
/// </summary>
public sealed class NewModel(AdviceService advice, TeamService teams, LanguageAdvice language, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public IReadOnlyList<Option> Advisers { get; private set; } = [];
    public IReadOnlyList<Option> Parts { get; private set; } = [];

    /// <summary>The assessment the request would run on, if any.</summary>
    public StatutoryProcess? Assessment { get; private set; }

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

        [Display(Name = "Who are you asking?")]
        [Required(ErrorMessage = "Choose who to ask from the child's team")]
        public Guid? AdviserId { get; set; }

        [Display(Name = "Which part of the record is it about?")]
        [Required(ErrorMessage = "Choose Education, Health or Social care")]
        public RecordArea? Part { get; set; }

        [Display(Name = "What would you like advice about?")]
        [Required(ErrorMessage = "Say what you would like advice about")]
        [StringLength(AdviceRequest.MaxAboutLength, ErrorMessage = "This must be 1,000 characters or fewer")]
        public string? About { get; set; }

        [Display(Name = "When do you need it by?")]
        public DateOnly? DueOn { get; set; }
    }

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Advice = await language.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.About", "What the advice is about", Input.About));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await advice.AskAsync(Access, new AskForAdviceOptions(Input.AdviserId, Input.Part, Input.About, Input.DueOn), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        var asked = result.Value!;
        Confirm("Advice asked for", $"{(asked.OfOrganisation ? $"Everyone from {asked.AdviserOrganisationName} on the team has" : $"{asked.AdviserName} has")} been told, and it is due by {CommonGround.Core.Time.UkDates.Date(asked.DueOn)}.");
        return Redirect(CommonGround.Core.Children.ChildLinks.AdviceRequest(Access.Child.Id, asked.Id));
    }

    private async Task LoadAsync()
    {
        Assessment = await advice.AssessmentAsync(Access);
        // A named person, or an organisation on the team when it does not matter who from it answers.
        var others = (await teams.ListTeamAsync(Access.Child.Id)).Where(t => t.Professional!.UserAccountId != CurrentUser.UserId).ToList();
        Advisers = others
            .Select(t => new Option(t.Id.ToString(), $"{t.Professional!.UserAccount!.DisplayName}, {t.Role} ({t.Professional.Organisation!.Name})"))
            .Concat(others.GroupBy(t => t.Professional!.OrganisationId)
                .Select(g => new Option(g.Key.ToString(), $"Anyone from {g.First().Professional!.Organisation!.Name}")))
            .ToList();
        Parts = AdviceService.Parts.Where(Access.CanSee).Select(p => new Option(p.ToString(), p.ToDisplayName())).ToList();
        DescribeRead(null, "Ask for advice");
    }
}
