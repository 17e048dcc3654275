using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>A button on the share page: the link stops working at once.</summary>
public sealed class StopShareLinkModel(ShareLinkService shareLinks, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [ChildPage(Capability.ViewRecord)]
    public IActionResult OnGet(Guid childId) => Redirect(ChildLinks.AboutMeSharing(childId));

    [ChildPage(Capability.ManageConsent)]
    [WhileClosed]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid linkId)
    {
        var result = await shareLinks.RevokeAsync(Access, linkId, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Confirm($"The link for \"{result.Value!.Label}\" has stopped working");
        return Redirect(ChildLinks.AboutMeSharing(childId));
    }
}
