using CommonGround.Core.Access;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

/// <summary>The family answers team members' requests to see more of the record.</summary>
public sealed class AccessRequestsModel(AccessService accessService, AccessRequestService requests, CurrentUser currentUser)
    : ChildPageBase(accessService, currentUser)
{
    public IReadOnlyList<AccessRequest> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (await AuthoriseAsync(childId, Capability.ManageConsent) is { } refused)
        {
            return refused;
        }

        Requests = await requests.ListPendingAsync(childId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid requestId, string? decision)
    {
        if (await AuthoriseAsync(childId, Capability.ManageConsent) is { } refused)
        {
            return refused;
        }

        if (decision is not ("grant" or "decline"))
        {
            Requests = await requests.ListPendingAsync(childId);
            ModelState.AddModelError(string.Empty, "Choose whether to share it or say no");
            return Invalid();
        }

        var result = await requests.AnswerAsync(childId, requestId, decision == "grant", await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return result.Error is AccessRequestNotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        var request = result.Value!;
        Confirm(decision == "grant" ? $"{request.RequestedByName} can now see {request.Area.ToDisplayName()}" : $"You said no to {request.RequestedByName}");
        return Redirect($"/children/{childId}/access-requests");
    }
}
