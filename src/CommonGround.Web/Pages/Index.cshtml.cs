using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(CurrentUser currentUser) : PageBase
{
    /// <summary>Signed-in people go straight to where their work starts.</summary>
    public async Task<IActionResult> OnGetAsync() => await currentUser.GetAsync() switch
    {
        null => Page(),
        { IsServiceAdmin: true } => Redirect("/admin/organisations"),
        { IsFamily: true } or { IsProfessional: true } => Redirect("/children"),
        _ => Redirect("/account"),
    };
}
