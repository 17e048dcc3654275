using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.TermDates;

public sealed class RemoveModel(TermDateService terms, CurrentUser currentUser) : PageBase
{
    public async Task<IActionResult> OnPostAsync(Guid termId)
    {
        var organisationId = (await currentUser.GetAsync())!.Organisation!.Id;
        var result = await terms.RemoveAsync(organisationId, termId, await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Confirm($"{result.Value!.Name} removed", "If that was a mistake, add the term again below.");
        return Redirect("/organisation/term-dates");
    }
}
