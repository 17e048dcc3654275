using CommonGround.Core.Access;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Team.Member;

/// <summary>A button on the team page: makes someone a team lead, or stops them being one.</summary>
public sealed class TeamLeadModel(AccessService accessService, TeamService teams, CurrentUser currentUser)
    : ChildPageBase(accessService, currentUser)
{
    [BindProperty]
    public bool IsTeamLead { get; set; }

    public IActionResult OnGet(Guid childId) => Redirect($"/children/{childId}/team");

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid memberId)
    {
        if (await AuthoriseAsync(childId, Capability.ManageTeam) is { } refused)
        {
            return refused;
        }

        var result = await teams.SetTeamLeadAsync(childId, memberId, IsTeamLead, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        var name = result.Value!.Professional!.UserAccount!.DisplayName;
        Confirm(IsTeamLead ? $"{name} is now a team lead" : $"{name} is no longer a team lead");
        return Redirect($"/children/{childId}/team");
    }
}
