using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Validation;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.Staff;

public sealed class InviteModel(OrganisationService organisations, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Full name")]
        [Required(ErrorMessage = "Enter their full name")]
        [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
        [SingleLine]
        public string? Name { get; set; }

        [Display(Name = "Email address")]
        [Required(ErrorMessage = "Enter their email address")]
        [Email]
        [SingleLine]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Display(Name = "Job title")]
        [Required(ErrorMessage = "Enter their job title")]
        [StringLength(200, ErrorMessage = "Job title must be 200 characters or fewer")]
        [SingleLine]
        public string? JobTitle { get; set; }

        [Display(Name = "Make them an admin of this organisation")]
        public bool AsAdmin { get; set; }
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

        var person = (await currentUser.GetAsync())!;
        var result = await organisations.InviteStaffAsync(
            new InviteStaffOptions(person.Organisation!.Id, Input.Name!, Input.Email!, Input.JobTitle!, Input.AsAdmin,
                token => AbsoluteUrl("/Invitations/Accept", new { token })),
            await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"Invitation sent to {result.Value!.Email}", "It lasts 7 days. You can withdraw it below until it is accepted.");
        return Redirect("/organisation");
    }
}
