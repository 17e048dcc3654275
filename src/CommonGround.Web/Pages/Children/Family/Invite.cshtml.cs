using CommonGround.Core;
using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Validation;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Family;

[Authorize(Policy = Policies.Family)]
[ChildPage(Capability.ViewRecord)]
public sealed class InviteModel(ChildService children, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ChildName => Access.Child.KnownAs;

    public IReadOnlyList<Option> RelationshipOptions => [
        new(nameof(FamilyRelationship.ParentCarer), "A parent or carer"),
        new(nameof(FamilyRelationship.OtherCarer), "Someone else who cares for them", "For example, a grandparent or kinship carer"),
        new(nameof(FamilyRelationship.YoungPerson), $"{ChildName} themselves", "From age 16, a young person can hold their own record"),
    ];

    public sealed class InputModel
    {
        [Display(Name = "Their full name")]
        [Required(ErrorMessage = "Enter their full name")]
        [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
        [SingleLine]
        public string? Name { get; set; }

        [Display(Name = "Their email address")]
        [Required(ErrorMessage = "Enter their email address")]
        [Email]
        [SingleLine]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Display(Name = "Who are they?")]
        [Required(ErrorMessage = "Choose who they are")]
        public FamilyRelationship? Relationship { get; set; }
    }

    /// <summary>Invitations sent that are not yet accepted, which the family can withdraw.</summary>
    public IReadOnlyList<CommonGround.Core.Accounts.Invitation> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Access.IsFamily)
        {
            return NotFound();
        }

        Pending = await children.PendingFamilyInvitationsAsync(Access.Child.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Pending = await children.PendingFamilyInvitationsAsync(Access.Child.Id);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await children.InviteFamilyMemberAsync(Access,
            new InviteFamilyMemberOptions(Input.Name!, Input.Email!, Input.Relationship!.Value, token => AbsoluteUrl("/Invitations/Accept", new { token })),
            await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return result.Error is NotFoundError ? NotFound() : Invalid(result.Error!);
        }

        Confirm($"Invitation sent to {result.Value!.Email}", "It lasts 7 days.");
        return Redirect("/children");
    }
}
