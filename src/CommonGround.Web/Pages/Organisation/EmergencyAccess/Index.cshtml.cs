using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.EmergencyAccess;

/// <summary>
/// A local authority's admins find a child in their area to open in an emergency, and every admin sees each time their
/// staff did, with the reason. Finding a child shows only names and dates of birth, never any of the record.
/// </summary>
public sealed class IndexModel(EmergencyAccessService emergencies, CurrentUser currentUser) : PageBase
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Child's name")]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Date of birth (if you know it)")]
    public DateOnly? Born { get; set; }

    public bool IsLocalAuthorityLead { get; private set; }
    public bool Searched { get; private set; }
    public IReadOnlyList<EmergencyCandidate> Found { get; private set; } = [];
    public IReadOnlyList<Core.Access.EmergencyAccess> Opened { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var person = (await currentUser.GetAsync())!;
        Opened = await emergencies.ForOrganisationAsync(person.Organisation!.Id);
        var lead = await emergencies.LeadAsync(person.Account.Id);
        IsLocalAuthorityLead = lead is not null;
        // The form always sends the name, even empty; arriving from a link sends nothing.
        if (lead is null || !Request.Query.ContainsKey(nameof(Name)))
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length < 2)
        {
            ModelState.AddModelError(nameof(Name), "Enter at least 2 letters of the child's name");
            return Invalid();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Searched = true;
        Found = await emergencies.FindAsync(lead, Name, Born);
        return Page();
    }
}
