using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Team.Member;

/// <summary>A button on the team page: the chosen person becomes the key worker, and whoever was before stops being it.</summary>
public sealed class KeyWorkerModel(TeamService teams, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [ChildPage(Capability.ViewRecord)]
    public IActionResult OnGet(Guid childId) => Redirect(ChildLinks.Team(childId));

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid memberId)
    {
        var result = await teams.MakeKeyWorkerAsync(Access, memberId, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Confirm($"{result.Value!.Professional!.UserAccount!.DisplayName} is now the key worker");
        return Redirect(ChildLinks.Team(childId));
    }
}
