using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CommonGround.Web.Pages.Account.Email;

/// <summary>A person asks to sign in with a new email address: a link goes to the new address, and a warning to the old one.</summary>
[ShowsNoChildData]
[EnableRateLimiting(RateLimits.EmailSending)]
public sealed class ChangeModel(UserManager<UserAccount> userManager, CommonGroundDbContext db, EmailOutbox outbox, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "New email address")]
        [Required(ErrorMessage = "Enter your new email address")]
        [Email]
        [SingleLine]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? NewEmail { get; set; }

        [Display(Name = "Your password")]
        [Required(ErrorMessage = "Enter your password")]
        public string? CurrentPassword { get; set; }
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

        var account = (await currentUser.GetAsync())!.Account;
        var newEmail = Input.NewEmail!.Trim();
        if (string.Equals(newEmail, account.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", "This is already your email address. Enter a different one");
            return Invalid();
        }

        if (!await userManager.CheckPasswordAsync(account, Input.CurrentPassword!))
        {
            ModelState.AddModelError("Input.CurrentPassword", "Enter your password correctly");
            return Invalid();
        }

        // Whether the address is someone else's is not said here, to anyone; the link simply cannot be used then.
        var token = await userManager.GenerateChangeEmailTokenAsync(account, newEmail);
        var link = AbsoluteUrl("/Account/Email/Confirm", null) + $"?email={Uri.EscapeDataString(newEmail)}&token={Uri.EscapeDataString(token)}";
        outbox.Enqueue(newEmail, account.DisplayName, "Confirm your new email address for CommonGround",
            $"""
            Hello {account.DisplayName},

            You asked to sign in to CommonGround with this email address. To confirm it, open this link while signed in:
            {link}

            The link lasts 3 days. Until you open it, you still sign in with your old address.

            CommonGround
            """);
        outbox.Enqueue(account.Email!, account.DisplayName, "Someone asked to change your CommonGround email address",
            $"""
            Hello {account.DisplayName},

            Someone signed in as you asked to change your CommonGround email address to {newEmail}. Nothing changes unless the link sent there is opened.

            If this was not you, change your password now and sign out of other devices from Your account.

            CommonGround
            """);
        db.AuditEvents.Add(AuditEvent.For(await currentUser.ActorAsync(), timeProvider.UtcNow(), AuditActions.EmailChangeAsked, nameof(UserAccount), account.Id,
            "Asked to change their email address; a link was sent to the new address"));
        await db.SaveChangesAsync();

        Confirm("Check your new email", $"We have sent a link to {newEmail}. Open it while signed in to finish changing your address.");
        return Redirect("/account");
    }
}
