using System.Diagnostics;
using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Accounts;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Validation;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CommonGround.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.EmailSending)]
public sealed class RegisterModel(AccountService accounts, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Full name")]
        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
        [SingleLine]
        public string? Name { get; set; }

        [Display(Name = "Email address")]
        [Required(ErrorMessage = "Enter your email address")]
        [Email]
        [SingleLine]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Display(Name = "Create a password")]
        [Required(ErrorMessage = "Enter a password")]
        public string? Password { get; set; }
    }

    public IActionResult OnGet() => currentUser.UserId is null ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var started = Stopwatch.GetTimestamp();
        var result = await accounts.RegisterFamilyAsync(
            new RegisterFamilyOptions(
                Input.Name!,
                Input.Email!,
                Input.Password!,
                (userId, token) => AbsoluteUrl("/Account/ConfirmEmail", new { userId, token }),
                AbsoluteUrl("/Account/SignIn"),
                AbsoluteUrl("/Account/ForgottenPassword")),
            currentUser.Visitor);
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        // An address that already has an account is answered by email, which is quicker than making one: wait alike.
        await EvenTiming.WaitForFloorAsync(started);
        TempData["cg.registered-email"] = Input.Email!.Trim();
        return RedirectToPage("/Account/CheckYourEmail");
    }
}
