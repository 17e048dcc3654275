using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Validation;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

/// <summary>
/// Signing in says the same, and does the same work, whether or not the email address has an account; only someone who
/// gives the right password learns anything more about the account (that it is locked, or not confirmed yet).
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(
    CommonGroundSignInManager signInManager,
    UserManager<UserAccount> userManager,
    SignInThrottle throttle,
    EvenTiming evenTiming,
    AuditLog auditLog,
    CurrentUser currentUser,
    TimeProvider timeProvider,
    IWebHostEnvironment environment) : PageBase
{
    private const string WrongDetails = "Enter a correct email address and password";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The person was sent here after their session ran out, and what they had typed was kept.</summary>
    [BindProperty(SupportsGet = true, Name = "kept")]
    public bool FormKept { get; set; }

    public bool ShowDemoAccounts => environment.IsDevelopment();

    public sealed class InputModel
    {
        [Display(Name = "Email address")]
        [Required(ErrorMessage = "Enter your email address")]
        [Email]
        [SingleLine]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Display(Name = "Password")]
        [Required(ErrorMessage = "Enter your password")]
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = WrongDetails)]
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
        var address = currentUser.IpAddress;
        if (await throttle.BlockedUntilAsync(email, address) is { } until)
        {
            await auditLog.RecordAsync(new VisitorActor(email) { IpAddress = address }, AuditActions.SignInThrottled, nameof(UserAccount), null,
                "Sign-in paused after too many failed attempts");
            return TooManyAttempts(until);
        }

        var user = await userManager.FindByEmailAsync(email);
        Actor actor = user is null ? new VisitorActor(email) { IpAddress = address } : currentUser.ActorFor(user);
        bool passwordRight;
        if (user is null)
        {
            evenTiming.CheckPasswordOfNobody(Input.Password!);
            passwordRight = false;
        }
        else
        {
            passwordRight = await userManager.CheckPasswordAsync(user, Input.Password!);
        }

        if (!passwordRight)
        {
            if (user is not null)
            {
                await userManager.AccessFailedAsync(user);
            }

            await throttle.RecordFailureAsync(email, address);
            await auditLog.RecordAsync(actor, AuditActions.SignInFailed, nameof(UserAccount), user?.Id, "Sign-in failed: wrong email address or password");
            ModelState.AddModelError("Input.Email", WrongDetails);
            return Invalid();
        }

        // From here the person has shown they hold the password, so what is said about the account is theirs to know.
        if (await userManager.IsLockedOutAsync(user!))
        {
            await auditLog.RecordAsync(actor, AuditActions.LockedOut, nameof(UserAccount), user!.Id, "Sign-in refused: account locked after too many attempts");
            ModelState.AddModelError(string.Empty, "Your account is locked because of too many attempts to sign in. Try again in 15 minutes, or reset your password");
            return Invalid();
        }

        if (!await signInManager.CanSignInAsync(user!))
        {
            await auditLog.RecordAsync(actor, AuditActions.SignInFailed, nameof(UserAccount), user!.Id, "Sign-in refused: email not confirmed or account deactivated");
            ModelState.AddModelError(string.Empty, "You cannot sign in with this account yet. If you have just created it, confirm your email address using the link we sent you. If you are staff, ask your organisation's admin");
            return Invalid();
        }

        await throttle.ClearAsync(email);
        var result = await signInManager.SignInWithCheckedPasswordAsync(user!);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl });
        }

        await auditLog.RecordAsync(actor, AuditActions.SignedIn, nameof(UserAccount), user!.Id, "Signed in");
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>429 with the sign-in page, saying when to try again, in words and in Retry-After.</summary>
    private IActionResult TooManyAttempts(DateTime until)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - timeProvider.UtcNow()).TotalSeconds));
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        ModelState.AddModelError("Input.Email",
            $"There have been too many attempts to sign in. Wait until {UkDates.Time(until)} and try again, or reset your password");
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
