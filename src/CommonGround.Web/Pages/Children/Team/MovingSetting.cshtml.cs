using System.ComponentModel.DataAnnotations;
using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Team;

/// <summary>
/// A child moving setting: invite the new setting with the transition pack, then decide, one by one, what happens to
/// each open commitment of the setting the child leaves, so none is dropped.
/// </summary>
public sealed class MovingSettingModel(SettingMoveService moves, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    /// <summary>The setting the child is leaving, once chosen.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? From { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SettingOnTeam> Settings { get; private set; } = [];
    public SettingOnTeam? Leaving { get; private set; }
    public IReadOnlyList<Commitment> Commitments { get; private set; } = [];
    public IReadOnlyList<Successor> NewOwners { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Their last day there")]
        public DateOnly? LastDay { get; set; }

        public Dictionary<Guid, string> Choices { get; set; } = [];
    }

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        await LoadAsync(childId);
        return Page();
    }

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        await LoadAsync(childId);
        if (Leaving is null)
        {
            ModelState.AddModelError("From", "Choose the setting they are leaving");
            return Invalid();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await moves.MoveAsync(Access, new MoveSettingOptions(Leaving.OrganisationId, Input.LastDay, Input.Choices), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            HandoverForm.AddProblems(ModelState, result.Error!);
            return Invalid();
        }

        Confirm($"{Access.Child.KnownAs}'s move from {Leaving.Name} is recorded",
            result.Value == 0 ? "There was nothing open to end or hand on." : "Each commitment ends when they leave or has a new owner, and the team page shows who took what.");
        return Redirect(ChildLinks.Team(childId) + "#handovers");
    }

    private async Task LoadAsync(Guid childId)
    {
        Settings = await moves.SettingsOnTeamAsync(childId);
        Leaving = Settings.FirstOrDefault(s => s.OrganisationId == From);
        if (Leaving is not null)
        {
            Commitments = await moves.OpenCommitmentsAsync(Access, Leaving.OrganisationId);
            NewOwners = await moves.NewOwnersAsync(childId, Leaving.OrganisationId);
        }

        DescribeRead(RecordArea.Commitments, "Moving to a new setting");
    }
}
