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
public sealed class ResetPasswordModel(UserManager<UserAccount> userManager, SessionService sessions, AuditLog auditLog, CurrentUser currentUser) : PageBase
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkValid { get; private set; } = true;

    public sealed class InputModel
    {
        [Display(Name = "New password")]
        [Required(ErrorMessage = "Enter a new password")]
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindUserWithValidTokenAsync();
        if (user is null)
        {
            return Expired();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindUserWithValidTokenAsync();
        if (user is null)
        {
            return Expired();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var problem = PasswordRules.Check(Input.Password, user.Email);
        if (problem is not null)
        {
            ModelState.AddModelError("Input.Password", problem);
            return Invalid();
        }

        var result = await userManager.ResetPasswordAsync(user, Token!, Input.Password!);
        if (!result.Succeeded)
        {
            return Expired();
        }

        // Proving control of the mailbox is enough to lift a lockout.
        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);
        var actor = currentUser.ActorFor(user);
        await auditLog.RecordAsync(actor, AuditActions.PasswordReset, nameof(UserAccount), user.Id, "Reset their password with an emailed link");
        // Whoever knew the old password is signed out everywhere, at once.
        await sessions.EndOthersAsync(user.Id, keep: null, actor, "after resetting their password");
        Confirm("Your password has been changed", "Sign in with your new password.");
        return RedirectToPage("/Account/SignIn");
    }

    private async Task<UserAccount?> FindUserWithValidTokenAsync()
    {
        if (UserId == Guid.Empty || string.IsNullOrEmpty(Token))
        {
            return null;
        }

        var user = await userManager.FindByIdAsync(UserId.ToString());
        return user is not null && await userManager.VerifyUserTokenAsync(user, ExpiringLinkTokens.ProviderName, UserManager<UserAccount>.ResetPasswordTokenPurpose, Token)
            ? user
            : null;
    }

    private IActionResult Expired()
    {
        LinkValid = false;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
