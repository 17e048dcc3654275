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
public sealed class SignInRecoveryCodeModel(SignInManager<UserAccount> signInManager, AuditLog auditLog, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Enter a recovery code")]
        [Required(ErrorMessage = "Enter a recovery code")]
        [StringLength(40, ErrorMessage = "Enter a recovery code")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(Input.Code!.Replace(" ", "", StringComparison.Ordinal).Trim());
        var actor = currentUser.ActorFor(user);
        if (result.Succeeded)
        {
            await auditLog.RecordAsync(actor, AuditActions.RecoveryCodeUsed, nameof(UserAccount), user.Id, "Signed in with a recovery code");
            Confirm("You signed in with a recovery code", "That code cannot be used again. If you have lost your phone, set up two-factor authentication again from your account page.");
            return LocalRedirect("/");
        }

        await auditLog.RecordAsync(actor, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, nameof(UserAccount), user.Id, "Sign-in failed: wrong recovery code");
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "Your account is locked because of too many attempts to sign in. Try again in 15 minutes"
            : "This recovery code is not right or has already been used");
        return Invalid();
    }
}
