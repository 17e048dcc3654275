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
public sealed class InviteModel(ChildService children, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ChildName { get; private set; } = "";

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

    public async Task<IActionResult> OnGetAsync(Guid childId) => await LoadAsync(childId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (!await LoadAsync(childId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await children.InviteFamilyMemberAsync(
            new InviteFamilyMemberOptions(childId, Input.Name!, Input.Email!, Input.Relationship!.Value, token => AbsoluteUrl("/Invitations/Accept", new { token })),
            await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return result.Error is ChildNotFound ? NotFound() : Invalid(result.Error!);
        }

        Confirm($"Invitation sent to {result.Value!.Email}", "It lasts 7 days.");
        return Redirect("/children");
    }

    /// <summary>Only the child's own family can invite to it; for anyone else the record does not exist.</summary>
    private async Task<bool> LoadAsync(Guid childId)
    {
        var child = await children.FindFamilyChildAsync(childId, currentUser.UserId!.Value);
        ChildName = child?.KnownAs ?? "";
        return child is not null;
    }
}
