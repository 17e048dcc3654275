using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<UserAccount> signInManager, AuditLog auditLog, CurrentUser currentUser) : PageBase
{
    public IActionResult OnGet() => currentUser.UserId is null ? Redirect("/signed-out") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (currentUser.UserId is { } id)
        {
            var actor = await currentUser.GetAsync() is null ? null : await currentUser.ActorAsync();
            await signInManager.SignOutAsync();
            if (actor is not null)
            {
                await auditLog.RecordAsync(actor, AuditActions.SignedOut, nameof(UserAccount), id, "Signed out");
            }
        }

        return Redirect("/signed-out");
    }
}
