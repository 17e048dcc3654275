using CommonGround.Web.Infrastructure.Validation;
using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.TermDates;

/// <summary>The organisation's terms: term-time provision it owns is owed only inside them.</summary>
public sealed class IndexModel(TermDateService terms, CurrentUser currentUser) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<TermDate> Terms { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Name of the term")]
        [Required(ErrorMessage = "Enter the name of the term, for example Autumn term 2026")]
        [StringLength(TermDate.MaxNameLength, ErrorMessage = "The name of the term must be 100 characters or fewer")]
        [SingleLine]
        public string? Name { get; set; }

        [Display(Name = "First day of term")]
        [Required(ErrorMessage = "Enter the first day of term")]
        public DateOnly? StartDate { get; set; }

        [Display(Name = "Last day of term")]
        [Required(ErrorMessage = "Enter the last day of term")]
        public DateOnly? EndDate { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var organisationId = (await currentUser.GetAsync())!.Organisation!.Id;
        var result = await terms.AddAsync(new AddTermDateOptions(organisationId, Input.Name!, Input.StartDate!.Value, Input.EndDate!.Value), await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"{result.Value!.Name} added", "Term-time provision your staff own is now counted inside your terms.");
        return Redirect("/organisation/term-dates");
    }

    private async Task LoadAsync() => Terms = await terms.ListAsync((await currentUser.GetAsync())!.Organisation!.Id);
}
