using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.Staff;

/// <summary>A button on the staff list; there is nothing to confirm, because reactivating can be undone at once.</summary>
public sealed class ReactivateModel(OrganisationService organisations, CurrentUser currentUser) : PageBase
{
    public IActionResult OnGet() => Redirect("/organisation");

    public async Task<IActionResult> OnPostAsync(Guid professionalId)
    {
        var organisationId = (await currentUser.GetAsync())!.Organisation!.Id;
        var result = await organisations.ReactivateStaffAsync(organisationId, professionalId, await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Confirm($"{result.Value!.UserAccount!.DisplayName} has been reactivated", "They can sign in again.");
        return Redirect("/organisation");
    }
}
