using CommonGround.Core.Access;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

public sealed class OverviewModel(AccessService accessService, TeamService teams, CurrentUser currentUser, TimeProvider timeProvider)
    : ChildPageBase(accessService, currentUser)
{
    public IReadOnlyList<TeamMember> Team { get; private set; } = [];
    public DateOnly Today => timeProvider.TodayInUk();

    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (await AuthoriseAsync(childId, Capability.ViewRecord) is { } refused)
        {
            return refused;
        }

        Team = await teams.ListTeamAsync(childId);
        await LogViewAsync(null, "Overview");
        return Page();
    }
}
