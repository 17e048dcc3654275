using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CommonGround.Web.Pages.Account.TwoFactor;

/// <summary>
/// Turning the second factor off weakens the account, so it asks again for proof that this is its owner: the password,
/// or a code from the authenticator app. Someone who finds a browser left signed in cannot do it.
/// </summary>
[ShowsNoChildData]
public sealed class TurnOffModel(
    UserManager<UserAccount> userManager,
    SignInManager<UserAccount> signInManager,
    SessionService sessions,
    AuditLog auditLog,
    CurrentUser currentUser,
    IOptions<SecurityOptions> securityOptions) : PageBase
{
    private const string WrongProof = "Enter your correct password, or the code your authenticator app shows now";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Your password, or the code from your authenticator app")]
        [Required(ErrorMessage = "Enter your password, or the code from your authenticator app")]
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = WrongProof)]
        public string? Proof { get; set; }
    }

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

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var user = person.Account;
        if (!await ProvesOwnerAsync(user, Input.Proof!))
        {
            ModelState.AddModelError("Input.Proof", WrongProof);
            return Invalid();
        }

        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        var actor = await currentUser.ActorAsync();
        await auditLog.RecordAsync(actor, AuditActions.TwoFactorDisabled, nameof(UserAccount), user.Id, "Turned off two-factor authentication");
        await sessions.EndOthersAsync(user.Id, DatabaseTicketStore.CurrentSession(HttpContext), actor, "after turning off two-factor authentication");
        await signInManager.RefreshSignInAsync(user);
        Confirm("Two-factor authentication is off", "You have been signed out everywhere else.");
        return Redirect("/account");
    }

    /// <summary>A code from the app, or the password; a wrong password counts towards locking the account, as at sign-in.</summary>
    private async Task<bool> ProvesOwnerAsync(UserAccount user, string proof)
    {
        var code = proof.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length == 6 && code.All(char.IsAsciiDigit)
            && await userManager.VerifyTwoFactorTokenAsync(user, TotpAuthenticator.ProviderName, code))
        {
            return true;
        }

        if (await userManager.CheckPasswordAsync(user, proof))
        {
            return true;
        }

        await userManager.AccessFailedAsync(user);
        return false;
    }

    private async Task<bool> IsAllowedAsync()
    {
        var person = (await currentUser.GetAsync())!;
        return person.Account.TwoFactorEnabled && !(person.IsProfessional && securityOptions.Value.RequireMfaForProfessionals);
    }
}
