using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Team.Member;

/// <summary>
/// A button on the team page: makes someone a team lead, or stops them being one. Sent without a clear yes or no (which
/// the button never does), it asks rather than guessing, and changes nothing.
/// </summary>
public sealed class TeamLeadModel(TeamService teams, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    [Display(Name = "Should they be a team lead?")]
    [Required(ErrorMessage = "Choose whether they should be a team lead")]
    public bool? IsTeamLead { get; set; }

    public string MemberName { get; private set; } = "";

    public static IReadOnlyList<Option> Choices { get; } = [new("true", "Yes, make them a team lead"), new("false", "No, they should not be a team lead")];

    [ChildPage(Capability.ViewRecord)]
    public IActionResult OnGet(Guid childId) => Redirect(ChildLinks.Team(childId));

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid memberId)
    {
        if (!ModelState.IsValid)
        {
            if (await teams.FindMemberAsync(childId, memberId) is not { } member)
            {
                return NotFound();
            }

            MemberName = member.Professional!.UserAccount!.DisplayName;
            ModelState.Remove(nameof(IsTeamLead));
            ModelState.AddModelError(nameof(IsTeamLead), "Choose whether they should be a team lead");
            return Invalid();
        }

        var result = await teams.SetTeamLeadAsync(Access, memberId, IsTeamLead!.Value, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        var name = result.Value!.Professional!.UserAccount!.DisplayName;
        Confirm(IsTeamLead.Value ? $"{name} is now a team lead" : $"{name} is no longer a team lead");
        return Redirect(ChildLinks.Team(childId));
    }
}
