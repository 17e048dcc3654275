using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children.Team.Member;

/// <summary>Taking someone off the team, after choosing who on the team takes what they look after for the child.</summary>
public sealed class RemoveModel(TeamService teams, LeaversWork work, CommonGroundDbContext db, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    public string MemberName { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";
    public bool IsKeyWorker { get; private set; }
    public IReadOnlyList<OpenItem> Items { get; private set; } = [];
    public IReadOnlyList<Successor> Successors { get; private set; } = [];

    [BindProperty]
    public HandoverInput Input { get; set; } = new();

    public HandoverForm Handover => new(MemberName, OrganisationName, Items, Successors, Input, ForOneChild: true);

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid memberId) =>
        await LoadAsync(childId, memberId) ? Page() : NotFound();

    [ChildPage(Capability.ManageTeam)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid memberId)
    {
        if (!await LoadAsync(childId, memberId))
        {
            return NotFound();
        }

        var result = await teams.RemoveAsync(Access, memberId, Input.Choices, Input.Everyone, id => AbsoluteUrl("/Children/Team/Index", new { childId = id }), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            if (result.Error is NotFoundError)
            {
                return NotFound();
            }

            HandoverForm.AddProblems(ModelState, result.Error!);
            return Invalid();
        }

        var keyWorkerHandedOn = Items.Any(i => i.Kind == HandoverKind.KeyWorker) && Input.Choices.GetValueOrDefault(Items.First(i => i.Kind == HandoverKind.KeyWorker).SubjectId, Input.Everyone ?? "") is { Length: > 0 } choice
            && choice != HandoverService.ToOrganisation;
        Confirm($"{MemberName} is no longer on the team", IsKeyWorker && !keyWorkerHandedOn
            ? $"They can no longer see any part of the record. {Access.Child.KnownAs} needs a new key worker: choose one from the team."
            : Items.Count > 0 ? "They can no longer see any part of the record. What they looked after has been handed on, and the family can see who took what." : "They can no longer see any part of the record.");
        return Redirect(ChildLinks.Team(childId));
    }

    private async Task<bool> LoadAsync(Guid childId, Guid memberId)
    {
        var member = await db.TeamMembers.Where(t => t.Id == memberId && t.ChildId == childId && t.LeftAt == null)
            .Select(t => new { t.ProfessionalId, t.Professional!.UserAccount!.DisplayName, OrganisationName = t.Professional.Organisation!.Name, t.IsKeyWorker }).SingleOrDefaultAsync();
        if (member is null)
        {
            return false;
        }

        MemberName = member.DisplayName;
        OrganisationName = member.OrganisationName;
        IsKeyWorker = member.IsKeyWorker;
        // Only what the person removing them can see is listed; anything else still needs a choice, and says so.
        Items = (await work.OpenAsync(member.ProfessionalId, childId))
            .Select(i => (i.Part is null || Access.CanSee(i.Part.Value)) && (i.AboutPart is null || Access.CanSee(i.AboutPart.Value))
                ? i : i with { What = "Something in a part of the record you are not shared", Detail = "Choose who on the team takes it on" })
            .ToList();
        Successors = await work.TeamAsync(childId, member.ProfessionalId);
        return true;
    }
}
