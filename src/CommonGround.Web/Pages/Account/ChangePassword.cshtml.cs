using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

[ShowsNoChildData]
public sealed class ChangePasswordModel(
    UserManager<UserAccount> userManager,
    SignInManager<UserAccount> signInManager,
    SessionService sessions,
    AuditLog auditLog,
    CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Current password")]
        [Required(ErrorMessage = "Enter your current password")]
        public string? CurrentPassword { get; set; }

        [Display(Name = "New password")]
        [Required(ErrorMessage = "Enter a new password")]
        public string? NewPassword { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var person = (await currentUser.GetAsync())!;
        var problem = PasswordRules.Check(Input.NewPassword, person.Account.Email);
        if (problem is not null)
        {
            ModelState.AddModelError("Input.NewPassword", problem);
            return Invalid();
        }

        var result = await userManager.ChangePasswordAsync(person.Account, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            var error = result.Errors.First();
            ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            return Invalid();
        }

        // Every other session ends now, on every instance; this one is renewed.
        var actor = await currentUser.ActorAsync();
        await auditLog.RecordAsync(actor, AuditActions.PasswordChanged, nameof(UserAccount), person.Account.Id, "Changed their password");
        await sessions.EndOthersAsync(person.Account.Id, DatabaseTicketStore.CurrentSession(HttpContext), actor, "after changing their password");
        await signInManager.RefreshSignInAsync(person.Account);
        Confirm("Your password has been changed", "You have been signed out everywhere else.");
        return Redirect("/account");
    }
}
