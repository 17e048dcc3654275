using CommonGround.Web.Infrastructure.Validation;
using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Admin.Areas;

public sealed class NewModel(OrganisationService organisations, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Area name")]
        [Required(ErrorMessage = "Enter the area's name")]
        [StringLength(200, ErrorMessage = "Area name must be 200 characters or fewer")]
        [SingleLine]
        public string? Name { get; set; }

        [Display(Name = "Area code")]
        [Required(ErrorMessage = "Enter the area's code")]
        [RegularExpression("^[A-Za-z0-9-]{1,20}$", ErrorMessage = "Area code must be 20 letters, numbers or hyphens or fewer")]
        public string? Code { get; set; }
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

        var result = await organisations.CreateAreaAsync(new CreateAreaOptions(Input.Name!, Input.Code!), await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"{result.Value!.Name} added", "You can now add its organisations.");
        return Redirect("/admin/areas");
    }
}
