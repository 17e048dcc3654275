using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Team.Covering;

/// <summary>A button on the team page: cover ends now, or cover still to come is taken back.</summary>
public sealed class EndModel(CoverService covers, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [ChildPage(Capability.ViewRecord)]
    public IActionResult OnGet(Guid childId) => Redirect(ChildLinks.Team(childId) + "#cover");

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid coverId)
    {
        var result = await covers.EndAsync(Access, coverId, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return result.Error is NotFoundError ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        Confirm($"{result.Value!.CoverName} no longer covers for {result.Value.KeyWorkerName}");
        return Redirect(ChildLinks.Team(childId) + "#cover");
    }
}
