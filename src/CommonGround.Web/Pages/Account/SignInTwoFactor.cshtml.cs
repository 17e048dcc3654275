using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<UserAccount> signInManager, AuditLog auditLog, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Display(Name = "Enter your security code")]
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [StringLength(20, ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            Confirm("Sign in again", "You took too long to enter your security code, so we have not signed you in.");
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var code = TotpAuthenticator.Normalise(Input.Code);
        if (code.Length != 6)
        {
            ModelState.AddModelError("Input.Code", "Enter the 6-digit code from your authenticator app");
            return Invalid();
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var actor = currentUser.ActorFor(user);
        if (result.Succeeded)
        {
            await auditLog.RecordAsync(actor, AuditActions.SignedIn, nameof(UserAccount), user.Id, "Signed in with a security code");
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            await auditLog.RecordAsync(actor, AuditActions.LockedOut, nameof(UserAccount), user.Id, "Sign-in refused: account locked after too many attempts");
            ModelState.AddModelError("Input.Code", "Your account is locked because of too many attempts to sign in. Try again in 15 minutes");
            return Invalid();
        }

        await auditLog.RecordAsync(actor, AuditActions.SignInFailed, nameof(UserAccount), user.Id, "Sign-in failed: wrong security code");
        ModelState.AddModelError("Input.Code", "The code is not right or has expired. Enter the code your app shows now");
        return Invalid();
    }
}
