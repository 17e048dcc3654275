using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CommonGround.Web.Pages.Account.TwoFactor;

public sealed class TurnOffModel(
    UserManager<UserAccount> userManager,
    SignInManager<UserAccount> signInManager,
    AuditLog auditLog,
    CurrentUser currentUser,
    IOptions<SecurityOptions> securityOptions) : PageBase
{
    public async Task<IActionResult> OnGetAsync() => await IsAllowedAsync() ? Page() : Redirect("/account/two-factor/set-up");

    public async Task<IActionResult> OnPostAsync()
    {
        var person = (await currentUser.GetAsync())!;
        if (!person.Account.TwoFactorEnabled)
        {
            return Redirect("/account");
        }

        if (!await IsAllowedAsync())
        {
            ModelState.AddModelError(string.Empty, "Staff must keep two-factor authentication on, because they can see children's records");
            return Invalid();
        }

        var user = person.Account;
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signInManager.RefreshSignInAsync(user);
        await auditLog.RecordAsync(await currentUser.ActorAsync(), AuditActions.TwoFactorDisabled, nameof(UserAccount), user.Id, "Turned off two-factor authentication");
        Confirm("Two-factor authentication is off");
        return Redirect("/account");
    }

    private async Task<bool> IsAllowedAsync()
    {
        var person = (await currentUser.GetAsync())!;
        return person.Account.TwoFactorEnabled && !(person.IsProfessional && securityOptions.Value.RequireMfaForProfessionals);
    }
}
