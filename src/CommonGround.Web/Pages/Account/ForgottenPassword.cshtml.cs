using System.Diagnostics;
using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Validation;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CommonGround.Web.Pages.Account;

/// <summary>Sends a reset link. The page says the same whether or not the address has an account, so it reveals nothing.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.EmailSending)]
public sealed class ForgottenPasswordModel(
    UserManager<UserAccount> userManager,
    CommonGroundDbContext db,
    EmailOutbox outbox,
    TimeProvider timeProvider,
    CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Email address")]
        [Required(ErrorMessage = "Enter your email address")]
        [Email]
        [SingleLine]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }
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

        var started = Stopwatch.GetTimestamp();
        var user = await userManager.FindByEmailAsync(Input.Email!.Trim());
        if (user is { EmailConfirmed: true })
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var link = AbsoluteUrl("/Account/ResetPassword", new { userId = user.Id, token });
            outbox.Enqueue(user.Email!, user.DisplayName, "Reset your CommonGround password",
                $"""
                Hello {user.DisplayName},

                Someone asked to reset the password for your CommonGround account. To choose a new password, open this link:
                {link}

                The link works for 1 hour, and only once. If you did not ask for this, you can ignore this email: your password has not changed.

                CommonGround
                """);
            db.AuditEvents.Add(AuditEvent.For(currentUser.ActorFor(user), timeProvider.UtcNow(),
                AuditActions.PasswordResetRequested, nameof(UserAccount), user.Id, "Asked for a password reset link"));
            await db.SaveChangesAsync();
        }

        await EvenTiming.WaitForFloorAsync(started);
        Sent = true;
        return Page();
    }
}
