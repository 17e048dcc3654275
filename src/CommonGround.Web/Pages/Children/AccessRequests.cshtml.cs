using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

/// <summary>The family answers team members' requests to see more of the record.</summary>
public sealed class AccessRequestsModel(AccessRequestService requests, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    public IReadOnlyList<AccessRequest> Requests { get; private set; } = [];

    [ChildPage(Capability.ManageConsent)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        Requests = await requests.ListPendingAsync(childId);
        return Page();
    }

    [ChildPage(Capability.ManageConsent)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid requestId, string? decision)
    {
        if (decision is not ("grant" or "decline"))
        {
            Requests = await requests.ListPendingAsync(childId);
            ModelState.AddModelError(string.Empty, "Choose whether to share it or say no");
            return Invalid();
        }

        var result = await requests.AnswerAsync(Access, requestId, decision == "grant", await CurrentUser.ActorAsync());
        if (result.Error is ChangedMeanwhileError)
        {
            // The list as it stands now, after the other change, so the family answers what is still waiting.
            Requests = await requests.ListPendingAsync(childId);
            return Invalid(result.Error);
        }

        if (!result.Succeeded)
        {
            return result.Error is NotFoundError ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        var request = result.Value!;
        Confirm(decision == "grant" ? $"{request.RequestedByName} can now see {request.Area.ToDisplayName()}" : $"You said no to {request.RequestedByName}");
        return Redirect(ChildLinks.AccessRequests(childId));
    }
}
