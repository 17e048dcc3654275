using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Validation;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Organisation;

public sealed class EditDetailsModel(OrganisationService organisations, CommonGroundDbContext db, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "Organisation name")]
        [Required(ErrorMessage = "Enter the organisation's name")]
        [StringLength(200, ErrorMessage = "Organisation name must be 200 characters or fewer")]
        [SingleLine]
        public string? Name { get; set; }

        [Display(Name = "Contact email address (optional)")]
        [Email(ErrorMessage = "Enter an email address in the correct format, like office@school.example.org")]
        [SingleLine]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? ContactEmail { get; set; }

        [Display(Name = "Contact phone number (optional)")]
        [RegularExpression(@"^[0-9 +()\-]{6,40}$", ErrorMessage = "Enter a phone number, like 01632 960 001 or +44 808 157 0192")]
        public string? ContactPhone { get; set; }

        [Display(Name = "Address (optional)")]
        [StringLength(500, ErrorMessage = "Address must be 500 characters or fewer")]
        public string? Address { get; set; }
    }

    public async Task OnGetAsync()
    {
        var organisation = (await currentUser.GetAsync())!.Organisation!;
        Input = new InputModel
        {
            Version = organisation.Version,
            Name = organisation.Name,
            ContactEmail = organisation.ContactEmail,
            ContactPhone = organisation.ContactPhone,
            Address = organisation.Address,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var person = (await currentUser.GetAsync())!;
        var result = await organisations.UpdateOrganisationDetailsAsync(
            new UpdateOrganisationDetailsOptions(person.Organisation!.Id, Input.Version, Input.Name!, Input.ContactEmail, Input.ContactPhone, Input.Address),
            await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            if (result.Error is StaleEdit)
            {
                // Show what is saved now, so the person can make their change again on top of it.
                var current = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == person.Organisation.Id);
                ModelState.Clear();
                Input = new InputModel { Version = current.Version, Name = current.Name, ContactEmail = current.ContactEmail, ContactPhone = current.ContactPhone, Address = current.Address };
            }

            return Invalid(result.Error!);
        }

        Confirm("Your organisation's details have been saved");
        return Redirect("/organisation");
    }
}
