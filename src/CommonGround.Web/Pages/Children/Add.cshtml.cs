using CommonGround.Web.Infrastructure.Validation;
using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children;

[Authorize(Policy = Policies.Family)]
public sealed class AddModel(ChildService children, CommonGroundDbContext db, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> AreaOptions { get; private set; } = [];

    public IReadOnlyList<Option> RelationshipOptions { get; } =
    [
        new(nameof(FamilyRelationship.ParentCarer), "I am their parent or carer"),
        new(nameof(FamilyRelationship.YoungPerson), "This is me", "You are 16 or over and want to hold your own record"),
        new(nameof(FamilyRelationship.OtherCarer), "I care for them in another way", "For example, a grandparent, kinship carer or foster carer"),
    ];

    public sealed class InputModel
    {
        [Display(Name = "Who are you adding?")]
        [Required(ErrorMessage = "Choose who you are adding")]
        public FamilyRelationship? Relationship { get; set; }

        [Display(Name = "First name")]
        [Required(ErrorMessage = "Enter their first name")]
        [StringLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
        [SingleLine]
        public string? FirstName { get; set; }

        [Display(Name = "Last name")]
        [Required(ErrorMessage = "Enter their last name")]
        [StringLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
        [SingleLine]
        public string? LastName { get; set; }

        [Display(Name = "The name they like to be called (optional)")]
        [StringLength(100, ErrorMessage = "The name they like to be called must be 100 characters or fewer")]
        [SingleLine]
        public string? PreferredName { get; set; }

        [Display(Name = "Date of birth")]
        [Required(ErrorMessage = "Enter their date of birth")]
        public DateOnly? DateOfBirth { get; set; }

        [Display(Name = "Local authority")]
        [Required(ErrorMessage = "Choose your local authority")]
        public Guid? AreaId { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await children.AddChildAsync(
            new AddChildOptions(Input.AreaId!.Value, Input.FirstName!, Input.LastName!, Input.PreferredName, Input.DateOfBirth!.Value, Input.Relationship!.Value),
            await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"{result.Value!.FullName} added", "Only your family can see this record until you choose to share it.");
        return Redirect("/children");
    }

    private async Task LoadAsync() =>
        AreaOptions = await db.Areas.OrderBy(a => a.Name).Select(a => new Option(a.Id.ToString(), a.Name, null)).ToListAsync();
}
