using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

/// <summary>
/// "Stay signed in" from the timeout warning. Any signed-in request renews the session; this one does nothing else,
/// and goes back to the page the person was on (or answers the script with no content).
/// </summary>
public sealed class StaySignedInModel : PageBase
{
    public IActionResult OnGet() => Redirect("/account");

    public IActionResult OnPost(string? returnUrl) =>
        string.Equals(Request.Headers.Accept, "application/json", StringComparison.Ordinal)
            ? new NoContentResult()
            : LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/account");
}
