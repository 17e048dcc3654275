using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account.TwoFactor;

/// <summary>Replaces the recovery codes; the old ones stop working at once.</summary>
[ShowsNoChildData]
public sealed class RecoveryCodesModel(UserManager<UserAccount> userManager, SessionService sessions, AuditLog auditLog, CurrentUser currentUser) : PageBase
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet() => Redirect("/account/two-factor/set-up");

    public async Task<IActionResult> OnPostAsync()
    {
        var user = (await currentUser.GetAsync())!.Account;
        if (!user.TwoFactorEnabled)
        {
            return Redirect("/account/two-factor/set-up");
        }

        Codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, SetUpModel.RecoveryCodeCount))!.ToList();
        var actor = await currentUser.ActorAsync();
        await auditLog.RecordAsync(actor, AuditActions.RecoveryCodesGenerated, nameof(UserAccount), user.Id, "Replaced their recovery codes");
        await sessions.EndOthersAsync(user.Id, DatabaseTicketStore.CurrentSession(HttpContext), actor, "after replacing their recovery codes");
        return Page();
    }
}
