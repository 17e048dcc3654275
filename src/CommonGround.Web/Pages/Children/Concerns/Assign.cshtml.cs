using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>The owner passes a concern to a colleague on the child's team, for example while they are away.</summary>
[ChildPage(Capability.RespondToConcern, RecordArea.Concerns)]
public sealed class AssignModel(ConcernStepService steps, ConcernService concerns, CurrentUser currentUser)
    : ConcernPageBase(concerns, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> Assignees { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Who should own it now?")]
        [Required(ErrorMessage = "Choose who should own it")]
        public Guid? AssigneeId { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid concernId)
    {
        if (await LoadAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Version = Concern.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid concernId)
    {
        if (await LoadAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await steps.AssignAsync(concernId, Input.AssigneeId!.Value, Input.Version, await CurrentUser.ActorAsync());
        return result.Succeeded
            ? Done("Concern passed on", $"{result.Value!.OwnerName} owns it now and has been told.")
            : await FailedAsync(result.Error!, v => Input.Version = v);
    }

    private async Task<IActionResult?> LoadAsync(Guid childId, Guid concernId)
    {
        if (await LoadConcernAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        if (!await Concerns.MayAssignAsync(Concern, CurrentUser.UserId!.Value))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Assignees = (await Concerns.AssigneesAsync(Concern))
            .Where(a => a.ProfessionalId != Concern.OwnerProfessionalId)
            .Select(a => new Option(a.TeamMemberId.ToString(), a.Name, a.Role)).ToList();
        return null;
    }
}
