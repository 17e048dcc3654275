using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

/// <summary>
/// A local authority lead says why they must see one child's record now, and for how long; or ends it early. It is for
/// someone with no place on the child's team, so it makes its own check: a local authority's admin, a child of its area.
/// </summary>
[ForPeopleWithoutAccess]
public sealed class EmergencyAccessModel(EmergencyAccessService emergencies, CurrentUser currentUser) : PageBase
{
    public sealed class InputModel
    {
        [Display(Name = "Why must you see this record now?")]
        public string? Reason { get; set; }

        [Display(Name = "For how long?")]
        public int? Hours { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Child Child { get; private set; } = default!;

    /// <summary>The lead's own emergency access to this child, open now.</summary>
    public Core.Access.EmergencyAccess? OpenNow { get; private set; }

    /// <summary>The lead has a place on the child's team, so needs no emergency access.</summary>
    public bool OnTeam { get; private set; }

    public static IReadOnlyList<Option> HourOptions { get; } =
        Core.Access.EmergencyAccess.HoursAllowed.Select(h => new Option(h.ToString(System.Globalization.CultureInfo.InvariantCulture), h == 1 ? "1 hour" : $"{h} hours")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid childId) => await LoadAsync(childId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (await LoadAsync(childId) is { } refused)
        {
            return refused;
        }

        var result = await emergencies.OpenAsync(new OpenEmergencyAccessOptions(childId, Input.Reason, Input.Hours), await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return result.Error is Core.NotFoundError ? NotFound() : Invalid(result.Error!);
        }

        Confirm($"You can read {Child.KnownAs}'s record until {Core.Time.UkDates.DateAndTime(result.Value!.Until)}",
            "The family has been told, with your reason. You can change nothing on the record.");
        return Redirect(ChildLinks.Overview(childId));
    }

    public async Task<IActionResult> OnPostEndAsync(Guid childId)
    {
        var result = await emergencies.EndAsync(childId, await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Confirm("Your emergency access has ended", "The record is closed to you again. The family's list of who has seen it shows when it ended.");
        return Redirect("/organisation/emergency-access");
    }

    /// <summary>Only a local authority lead, and only for a child of their area: anyone else is refused, any other child not found.</summary>
    private async Task<IActionResult?> LoadAsync(Guid childId)
    {
        var lead = await emergencies.LeadAsync((await currentUser.GetAsync())!.Account.Id);
        if (lead is null)
        {
            return Forbid();
        }

        if (await emergencies.ChildInAreaAsync(lead, childId) is not { } child)
        {
            return NotFound();
        }

        Child = child;
        OpenNow = await emergencies.OpenNowAsync(childId, lead.UserAccountId);
        OnTeam = await emergencies.OnTeamAsync(childId, lead.UserAccountId);
        return null;
    }
}
