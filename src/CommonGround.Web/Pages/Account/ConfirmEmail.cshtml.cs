using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

/// <summary>Opening the emailed link confirms the address: it proves only that the person can read mail sent there.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<UserAccount> userManager, AuditLog auditLog, CurrentUser currentUser) : PageBase
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid userId, string? token)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null || string.IsNullOrEmpty(token))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (user.EmailConfirmed)
        {
            Confirmed = true;
            return Page();
        }

        var result = await userManager.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await auditLog.RecordAsync(currentUser.ActorFor(user), AuditActions.EmailConfirmed, nameof(UserAccount), user.Id, "Confirmed their email address");
        Confirmed = true;
        return Page();
    }
}
