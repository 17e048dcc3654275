using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Invitations;

[AllowAnonymous]
public sealed class AcceptModel(
    AccountService accounts,
    SignInManager<UserAccount> signInManager,
    CommonGroundDbContext db,
    CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public string? Problem { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Create a password")]
        [Required(ErrorMessage = "Enter a password")]
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : ShowProblem();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return ShowProblem();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await accounts.AcceptInvitationAsync(new AcceptInvitationOptions(token, Input.Password!), await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            if (result.Error is PasswordRejected)
            {
                return Invalid(result.Error);
            }

            Problem = result.Error!.Message;
            return ShowProblem();
        }

        await signInManager.SignInAsync(result.Value!, isPersistent: false);
        Confirm($"Welcome to {OrganisationName}", "Your account is ready.");
        return Redirect("/");
    }

    private async Task<bool> LoadAsync(string token)
    {
        var found = await accounts.FindInvitationAsync(token);
        if (!found.Succeeded)
        {
            Problem = found.Error!.Message;
            return false;
        }

        Invitation = found.Value;
        OrganisationName = await db.Organisations.Where(o => o.Id == Invitation!.OrganisationId).Select(o => o.Name).SingleAsync();
        return true;
    }

    private IActionResult ShowProblem()
    {
        Response.StatusCode = Problem == new InvitationNotFound().Message ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }
}
