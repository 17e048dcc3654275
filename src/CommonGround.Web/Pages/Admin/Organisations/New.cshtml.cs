using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Validation;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Admin.Organisations;

public sealed class NewModel(OrganisationService organisations, CommonGroundDbContext db, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> AreaOptions { get; private set; } = [];

    public IReadOnlyList<Option> KindOptions { get; } =
        Enum.GetValues<OrganisationKind>().Select(k => new Option(k.ToString(), k.ToDisplayName())).ToList();

    public sealed class InputModel
    {
        [Display(Name = "Area")]
        [Required(ErrorMessage = "Choose the area the organisation is in")]
        public Guid? AreaId { get; set; }

        [Display(Name = "Organisation name")]
        [Required(ErrorMessage = "Enter the organisation's name")]
        [StringLength(200, ErrorMessage = "Organisation name must be 200 characters or fewer")]
        [SingleLine]
        public string? Name { get; set; }

        [Display(Name = "What kind of organisation is it?")]
        [Required(ErrorMessage = "Choose what kind of organisation it is")]
        public OrganisationKind? Kind { get; set; }

        [Display(Name = "Full name")]
        [Required(ErrorMessage = "Enter the admin's full name")]
        [StringLength(200, ErrorMessage = "Full name must be 200 characters or fewer")]
        [SingleLine]
        public string? AdminName { get; set; }

        [Display(Name = "Email address")]
        [Required(ErrorMessage = "Enter the admin's email address")]
        [Email]
        [SingleLine]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? AdminEmail { get; set; }

        [Display(Name = "Job title")]
        [Required(ErrorMessage = "Enter the admin's job title")]
        [StringLength(200, ErrorMessage = "Job title must be 200 characters or fewer")]
        public string? AdminJobTitle { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await organisations.CreateOrganisationAsync(
            new CreateOrganisationOptions(Input.AreaId!.Value, Input.Name!, Input.Kind!.Value, Input.AdminName!, Input.AdminEmail!, Input.AdminJobTitle!,
                token => AbsoluteUrl("/Invitations/Accept", new { token })),
            await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            var error = result.Error!;
            return Invalid(error is EmailAlreadyHasAccount ? error with { Field = "AdminEmail" } : error);
        }

        Confirm($"{result.Value!.Name} added", $"We have emailed {Input.AdminEmail!.Trim()} an invitation to be its admin. It lasts 7 days.");
        return Redirect($"/admin/organisations/{result.Value.Id}");
    }

    private async Task LoadAsync() =>
        AreaOptions = await db.Areas.OrderBy(a => a.Name).Select(a => new Option(a.Id.ToString(), a.Name, null)).ToListAsync();
}
