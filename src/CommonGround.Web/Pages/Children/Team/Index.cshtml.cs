using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Team;

public sealed class IndexModel(TeamService teams, FamilySharingService familySharing, CoverService covers, HandoverService handovers, CurrentUser currentUser, TimeProvider timeProvider)
    : ChildPageBase(currentUser)
{
    public IReadOnlyList<TeamMember> Team { get; private set; } = [];
    public IReadOnlyList<FamilyMemberSharing> Family { get; private set; } = [];
    public bool DecidesForFamily => Access.Relationship is { Kind: RelationshipKind.YoungPerson, YoungPersonDecides: true };
    public IReadOnlyList<Cover> Covers { get; private set; } = [];
    public IReadOnlyList<Handover> Handovers { get; private set; } = [];
    public TeamMember? KeyWorker => Team.FirstOrDefault(t => t.IsKeyWorker);
    public bool MayArrangeCover => KeyWorker is { IsStandingIn: false } && CoverService.MayArrange(Access);
    public DateOnly Today => timeProvider.TodayInUk();

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        Team = await teams.ListTeamWithSharingAsync(childId);
        Covers = await covers.CurrentAndComingAsync(childId);
        Handovers = await handovers.ListAsync(Access);
        if (Access.IsFamily)
        {
            Family = await familySharing.ListAsync(Access);
        }

        DescribeRead(null, "Team");
        return Page();
    }
}
