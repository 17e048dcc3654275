using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Concerns;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.Concerns;

/// <summary>A lead chooses who in their organisation answers a concern: someone on the child's team who can see it.</summary>
public sealed class ConcernModel(ConcernInboxService inbox, ConcernStepService steps, ConcernService concerns, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public InboxConcern Item { get; private set; } = default!;
    public IReadOnlyList<Option> Assignees { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Who should answer it?")]
        [Required(ErrorMessage = "Choose who should answer it")]
        public Guid? AssigneeId { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid concernId)
    {
        if (!await LoadAsync(concernId))
        {
            return NotFound();
        }

        Input = new InputModel { Version = Item.Concern.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid concernId)
    {
        if (!await LoadAsync(concernId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await steps.AssignAsync(concernId, Input.AssigneeId!.Value, Input.Version, await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            if (result.Error is ConcernChangedMeanwhile)
            {
                ModelState.Remove("Input.Version");
                Input.Version = Item.Concern.Version;
            }

            return Invalid(result.Error!);
        }

        Confirm("Concern given to " + result.Value!.OwnerName, "They have been told, and the family can see who has it.");
        return Redirect("/organisation/concerns");
    }

    private async Task<bool> LoadAsync(Guid concernId)
    {
        Today = timeProvider.TodayInUk();
        if (await inbox.FindForOrganisationAsync((await currentUser.GetAsync())!.Organisation!.Id, concernId) is not { } item)
        {
            return false;
        }

        Item = item;
        ShowsChildren([item.Concern.ChildId], "Organisation's concerns: one concern's topic and dates");
        Assignees = (await concerns.AssigneesAsync(item.Concern)).Select(a => new Option(a.TeamMemberId.ToString(), a.Name, a.Role)).ToList();
        return true;
    }
}
