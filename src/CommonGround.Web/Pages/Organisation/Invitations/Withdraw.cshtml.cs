using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.Invitations;

public sealed class WithdrawModel(OrganisationService organisations, CurrentUser currentUser) : PageBase
{
    public IActionResult OnGet() => Redirect("/organisation");

    public async Task<IActionResult> OnPostAsync(Guid invitationId)
    {
        var organisationId = (await currentUser.GetAsync())!.Organisation!.Id;
        var result = await organisations.RevokeInvitationAsync(organisationId, invitationId, await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Confirm($"The invitation to {result.Value!.Email} has been withdrawn", "The link in their email no longer works.");
        return Redirect("/organisation");
    }
}
