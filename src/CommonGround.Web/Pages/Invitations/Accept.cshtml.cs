using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Invitations;

/// <summary>Accepting an invitation to join an organisation's staff or a child's family.</summary>
[AllowAnonymous]
public sealed class AcceptModel(
    AccountService accounts,
    TeamService teams,
    SignInManager<UserAccount> signInManager,
    CommonGroundDbContext db,
    CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }
    public string JoinHeading { get; private set; } = "";
    public bool HasAccount { get; private set; }
    public bool SignedInAsInvitee { get; private set; }
    public bool SignedInAsSomeoneElse { get; private set; }
    public IReadOnlyList<RecordArea> SharedAreas { get; private set; } = [];
    public string? NeedsStaffAccount { get; private set; }
    public string? Problem { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Create a password")]
        [Required(ErrorMessage = "Enter a password")]
        public string? Password { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : ShowProblem();

    /// <summary>A new account: the invited person chooses a password.</summary>
    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return ShowProblem();
        }

        if (HasAccount || NeedsStaffAccount is not null)
        {
            ModelState.AddModelError(string.Empty, NeedsStaffAccount ?? new InvitationNeedsSignIn(Invitation!.Email).Message);
            return Invalid();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await accounts.AcceptInvitationAsync(new AcceptInvitationOptions(token, Input.Password!), currentUser.Visitor);
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
        Confirm("Your account is ready", $"Welcome to CommonGround, {result.Value!.DisplayName}.");
        return Redirect("/");
    }

    /// <summary>An existing account, signed in, joins the child's family or the team around the child.</summary>
    public async Task<IActionResult> OnPostExistingAsync(string token)
    {
        if (!await LoadAsync(token))
        {
            return ShowProblem();
        }

        if (await currentUser.GetAsync() is null)
        {
            ModelState.AddModelError(string.Empty, new InvitationNeedsSignIn(Invitation!.Email).Message);
            return Invalid();
        }

        if (Invitation!.Kind == InvitationKind.Team)
        {
            var joined = await teams.AcceptInvitationAsync(Invitation, await currentUser.ActorAsync());
            if (!joined.Succeeded)
            {
                ModelState.AddModelError(string.Empty, joined.Error!.Message);
                return Invalid();
            }

            Confirm("You have joined the team", "You can see the parts of the record the family has shared with you.");
            return Redirect(ChildLinks.Overview(joined.Value!.ChildId));
        }

        var result = await accounts.AcceptFamilyInvitationAsync(token, await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            return Invalid();
        }

        Confirm("Invitation accepted", "The record is now in your list.");
        return Redirect("/children");
    }

    private async Task<bool> LoadAsync(string token)
    {
        var found = await accounts.FindInvitationAsync(token);
        if (!found.Succeeded)
        {
            Problem = found.Error!.Message;
            return false;
        }

        Invitation = found.Value!;
        HasAccount = await accounts.HasAccountAsync(Invitation.Email);
        var person = await currentUser.GetAsync();
        SignedInAsInvitee = HasAccount && Invitation.Kind != InvitationKind.Staff
            && string.Equals(person?.Account.Email, Invitation.Email, StringComparison.OrdinalIgnoreCase);
        SignedInAsSomeoneElse = person is not null && !string.Equals(person.Account.Email, Invitation.Email, StringComparison.OrdinalIgnoreCase);
        var childName = Invitation.ChildId is { } childId
            ? await db.Children.Where(c => c.Id == childId).Select(c => c.PreferredName ?? c.FirstName).SingleAsync()
            : "";
        JoinHeading = Invitation.Kind switch
        {
            InvitationKind.Staff => $"Join {await db.Organisations.Where(o => o.Id == Invitation.OrganisationId).Select(o => o.Name).SingleAsync()} on CommonGround",
            InvitationKind.Team => $"Join {childName}'s team on CommonGround",
            _ when Invitation.Relationship == FamilyRelationship.YoungPerson => "Join your own record on CommonGround",
            _ => $"Join {childName}'s record on CommonGround",
        };
        if (Invitation.Kind == InvitationKind.Team)
        {
            SharedAreas = RecordAreas.Parse(Invitation.SharedAreas);
            // Professionals join a team with the staff account their organisation gave them; there is no self-registration.
            NeedsStaffAccount = HasAccount ? null : new InvitationNeedsStaffAccount(Invitation.Email).Message;
        }

        return true;
    }

    private IActionResult ShowProblem()
    {
        Response.StatusCode = Problem == new InvitationNotFound().Message ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }
}
