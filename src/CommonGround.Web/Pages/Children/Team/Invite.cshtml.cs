using CommonGround.Core.Children;
using CommonGround.Web.Infrastructure.Validation;
using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Team;

public sealed class InviteModel(TeamService teams, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public static readonly IReadOnlyList<Option> Areas =
        Enum.GetValues<RecordArea>().Select(a => new Option(a.ToString(), a.ToDisplayName())).ToList();

    public IReadOnlyList<Option> AreaOptions => Areas;

    public sealed class InputModel
    {
        [Display(Name = "Their full name")]
        [Required(ErrorMessage = "Enter their full name")]
        [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
        [SingleLine]
        public string? Name { get; set; }

        [Display(Name = "Their work email address")]
        [Required(ErrorMessage = "Enter their work email address")]
        [Email]
        [SingleLine]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Display(Name = "What they do for your child")]
        [Required(ErrorMessage = "Enter what they do for your child")]
        [StringLength(200, ErrorMessage = "What they do must be 200 characters or fewer")]
        [SingleLine]
        public string? Role { get; set; }

        [Display(Name = "What can they see?")]
        public List<RecordArea> Areas { get; set; } = [];

        [Display(Name = "Share from (optional)")]
        public DateOnly? From { get; set; }

        [Display(Name = "Share until (optional)")]
        public DateOnly? Until { get; set; }
    }

    /// <summary>Someone from the setting the child is moving to: the transition pack's parts are ticked to start with, and the email points to the pack.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Moving { get; set; }

    /// <summary>What a transition pack is made of: the one-page profile, the plan and key dates, commitments, and reviews.</summary>
    public static readonly RecordArea[] TransitionPackParts = [RecordArea.AboutMe, RecordArea.Education, RecordArea.Commitments, RecordArea.Meetings, RecordArea.StatutoryProcess];

    [ChildPage(Capability.ManageTeam)]
    public IActionResult OnGet()
    {
        if (Moving)
        {
            Input.Areas = [.. TransitionPackParts];
        }

        return Page();
    }

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await teams.InviteAsync(
            Access,
            new InviteToTeamOptions(Input.Name!, Input.Email!, Input.Role!, Input.Areas, Input.From, Input.Until, token => AbsoluteUrl("/Invitations/Accept", new { token }),
                Moving ? AbsoluteUrl("/Children/Team/TransitionPack", new { childId }) : null),
            await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"Invitation sent to {result.Value!.Email}", "They join the team when they accept it. The invitation lasts 7 days.");
        return Redirect(ChildLinks.Team(childId));
    }
}
