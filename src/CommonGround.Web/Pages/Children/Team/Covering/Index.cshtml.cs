using System.ComponentModel.DataAnnotations;
using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Team.Covering;

/// <summary>Arranging cover for the key worker: who, from when, until when, and what the family should know.</summary>
public sealed class IndexModel(TeamService teams, CoverService covers, LanguageAdvice advice, CurrentUser currentUser, TimeProvider timeProvider)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public TeamMember KeyWorker { get; private set; } = default!;
    public IReadOnlyList<Option> CoverOptions { get; private set; } = [];
    public IReadOnlyList<CommonGround.Core.Team.Cover> Existing { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

        [Display(Name = "Who will cover?")]
        public Guid? CoverPlaceId { get; set; }

        [Display(Name = "First day of cover (optional)")]
        public DateOnly? From { get; set; }

        [Display(Name = "Last day of cover")]
        public DateOnly? Until { get; set; }

        [Display(Name = "What the family should know (optional)")]
        public string? Note { get; set; }
    }

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnGetAsync(Guid childId) => await LoadAsync(childId) ?? Page();

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (await LoadAsync(childId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Advice = await advice.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.Note", "Note for the family", Input.Note));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await covers.SetAsync(Access, new SetCoverOptions(Input.CoverPlaceId, Input.From, Input.Until, Input.Note), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        var cover = result.Value!;
        Confirm($"{cover.CoverName} will cover for {cover.KeyWorkerName}",
            $"From {UkDates.Date(cover.From)} until {UkDates.Date(cover.Until)}. The family{(cover.CoverUserId == (await CurrentUser.ActorAsync()).UserId ? "" : $" and {cover.CoverName}")} have been told.");
        return Redirect(ChildLinks.Team(childId) + "#cover");
    }

    /// <summary>Null when the page can be shown; otherwise why not: no key worker to cover, or not theirs to arrange.</summary>
    private async Task<IActionResult?> LoadAsync(Guid childId)
    {
        var team = await teams.ListTeamAsync(childId);
        if (team.FirstOrDefault(t => t.IsKeyWorker && !t.IsStandingIn) is not { } keyWorker)
        {
            Confirm("There is no key worker to cover for", "Choose a key worker first.");
            return Redirect(ChildLinks.Team(childId));
        }

        KeyWorker = keyWorker;
        CoverOptions = team.Where(t => t.Id != keyWorker.Id && t.Professional!.DeactivatedAt == null)
            .Select(t => new Option(t.Id.ToString(), t.Professional!.UserAccount!.DisplayName, $"{t.Role}, {t.Professional.Organisation!.Name}")).ToList();
        Existing = await covers.CurrentAndComingAsync(childId);
        DescribeRead(null, "Team");
        return null;
    }

    public DateOnly Today => timeProvider.TodayInUk();
}
