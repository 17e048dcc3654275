using CommonGround.Core.Accounts;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

/// <summary>Where the person is signed in, with a way to sign out of any other browser, or all of them, at once.</summary>
[ShowsNoChildData]
public sealed class SessionsModel(SessionService sessions, CurrentUser currentUser) : PageBase
{
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    public async Task OnGetAsync() =>
        Sessions = await sessions.ListAsync(currentUser.UserId!.Value, DatabaseTicketStore.CurrentSession(HttpContext));

    public async Task<IActionResult> OnPostEndAsync(Guid sessionId)
    {
        if (sessionId == DatabaseTicketStore.CurrentSession(HttpContext))
        {
            return Redirect("/sign-out");
        }

        var ended = await sessions.EndAsync(sessionId, await currentUser.ActorAsync());
        Confirm(ended ? "You have signed out of that session" : "That session had already ended");
        return Redirect("/account/sessions");
    }

    public async Task<IActionResult> OnPostOthersAsync()
    {
        var count = await sessions.EndOthersAsync(currentUser.UserId!.Value, DatabaseTicketStore.CurrentSession(HttpContext), await currentUser.ActorAsync());
        Confirm(count switch
        {
            0 => "You were not signed in anywhere else",
            1 => "You have signed out of 1 other session",
            _ => $"You have signed out of {count} other sessions",
        });
        return Redirect("/account/sessions");
    }
}
