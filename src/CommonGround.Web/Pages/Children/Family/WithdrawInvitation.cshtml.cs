using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Family;

/// <summary>A button beside an invitation not yet accepted; withdrawing needs no confirming, since the family can invite again.</summary>
[Authorize(Policy = Policies.Family)]
[ChildPage(Capability.ViewRecord)]
public sealed class WithdrawInvitationModel(ChildService children, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public IActionResult OnGet(Guid childId) => Redirect(ChildLinks.FamilyInvite(childId));

    [WhileClosed]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid invitationId)
    {
        var result = await children.WithdrawFamilyInvitationAsync(Access, invitationId, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Confirm($"Invitation to {result.Value!.DisplayName} withdrawn", "The link in their email no longer works. You can invite them again at any time.");
        return Redirect(ChildLinks.FamilyInvite(childId));
    }
}
