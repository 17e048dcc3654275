using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Statutory.Events;

/// <summary>The local authority confirms a date the family recorded. A form button on the process page posts here.</summary>
public sealed class ConfirmModel(StatutoryService statutory, CurrentUser currentUser) : StatutoryPageBase(statutory, currentUser)
{
    public string? Problem { get; private set; }

    [ChildPage(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid processId, Guid eventId)
    {
        if (await LoadProcessAsync(childId, processId) is { } refused)
        {
            return refused;
        }

        if (Access.IsFamily)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Process.Events.All(e => e.Id != eventId))
        {
            return NotFound();
        }

        var result = await Statutory.ConfirmAsync(Access, processId, eventId, await CurrentUser.ActorAsync());
        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, error.Message);
            return Invalid();
        }

        Confirm("Date confirmed");
        return Redirect(ChildLinks.StatutoryProcess(childId, processId));
    }
}
