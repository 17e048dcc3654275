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
public sealed class SignInModel(
    SignInManager<UserAccount> signInManager,
    UserManager<UserAccount> userManager,
    AuditLog auditLog,
    CurrentUser currentUser,
    IWebHostEnvironment environment) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowDemoAccounts => environment.IsDevelopment();

    public sealed class InputModel
    {
        [Display(Name = "Email address")]
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Display(Name = "Password")]
        [Required(ErrorMessage = "Enter your password")]
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = "Enter a correct email address and password")]
        public string? Password { get; set; }
    }

    public IActionResult OnGet() => currentUser.UserId is null ? Page() : LocalRedirect(SafeReturnUrl);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var email = Input.Email!.Trim();
        var user = await userManager.FindByEmailAsync(email);
        var result = await signInManager.PasswordSignInAsync(email, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        var actor = new Actor(user?.Id, user?.DisplayName ?? email, null, null, currentUser.IpAddress);

        if (result.Succeeded)
        {
            await auditLog.RecordAsync(actor, AuditActions.SignedIn, nameof(UserAccount), user!.Id, "Signed in");
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            await auditLog.RecordAsync(actor, AuditActions.LockedOut, nameof(UserAccount), user?.Id, "Sign-in refused: account locked after too many attempts");
            ModelState.AddModelError(string.Empty, "Your account is locked because of too many attempts to sign in. Try again in 15 minutes, or reset your password");
            return Invalid();
        }

        if (result.IsNotAllowed)
        {
            await auditLog.RecordAsync(actor, AuditActions.SignInFailed, nameof(UserAccount), user?.Id, "Sign-in refused: email not confirmed or account deactivated");
            ModelState.AddModelError(string.Empty, "You cannot sign in with this account yet. If you have just created it, confirm your email address using the link we sent you. If you are staff, ask your organisation's admin");
            return Invalid();
        }

        await auditLog.RecordAsync(actor, AuditActions.SignInFailed, nameof(UserAccount), user?.Id, "Sign-in failed: wrong email address or password");
        ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
        return Invalid();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
