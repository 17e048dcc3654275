using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children.Team.Member;

public sealed class RemoveModel(TeamService teams, CommonGroundDbContext db, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    public string MemberName { get; private set; } = "";
    public bool IsKeyWorker { get; private set; }

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

        var result = await teams.RemoveAsync(Access, memberId, id => AbsoluteUrl("/Children/Team/Index", new { childId = id }), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return result.Error is NotFoundError ? NotFound() : Invalid(result.Error!);
        }

        Confirm($"{MemberName} is no longer on the team", IsKeyWorker
            ? $"They can no longer see any part of the record. {Access.Child.KnownAs} needs a new key worker: choose one from the team."
            : "They can no longer see any part of the record.");
        return Redirect(ChildLinks.Team(childId));
    }

    private async Task<bool> LoadAsync(Guid childId, Guid memberId)
    {
        var member = await db.TeamMembers.Where(t => t.Id == memberId && t.ChildId == childId && t.LeftAt == null)
            .Select(t => new { t.Professional!.UserAccount!.DisplayName, t.IsKeyWorker }).SingleOrDefaultAsync();
        MemberName = member?.DisplayName ?? "";
        IsKeyWorker = member?.IsKeyWorker ?? false;
        return member is not null;
    }
}
