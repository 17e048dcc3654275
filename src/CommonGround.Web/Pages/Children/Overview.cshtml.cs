using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

public sealed class OverviewModel(TeamService teams, CoverService covers, AccessRequestService requests, WhatIsNewService whatIsNew, Core.DataRights.RecordClosureService closures, Core.DataRights.ErasureService erasures, CurrentUser currentUser, TimeProvider timeProvider)
    : ChildPageBase(currentUser)
{
    public IReadOnlyList<TeamMember> Team { get; private set; } = [];
    public DateOnly Today => timeProvider.TodayInUk();
    public int PendingRequests { get; private set; }
    /// <summary>Whether this person may close the record, or reopen it (the local authority on the team).</summary>
    public bool MayClose { get; private set; }
    /// <summary>The family's request to erase the record, waiting for an answer from whoever may close it.</summary>
    public Core.DataRights.ErasureRequest? ErasureWaiting { get; private set; }
    /// <summary>Cover for the key worker running today or still to come, soonest first.</summary>
    public IReadOnlyList<Cover> Covers { get; private set; } = [];
    public WhatIsNew New { get; private set; } = new(null, [], 0);

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        Team = await teams.ListTeamAsync(childId);
        Covers = await covers.CurrentAndComingAsync(childId);
        if (Access.Can(Capability.ManageConsent))
        {
            PendingRequests = (await requests.ListPendingAsync(childId)).Count;
        }

        New = await whatIsNew.SinceLastVisitAsync(Access, CurrentUser.UserId!.Value);
        MayClose = await closures.MayCloseAsync(Access);
        ErasureWaiting = MayClose ? await erasures.WaitingAsync(childId) : null;
        DescribeRead(null, "Overview");
        return Page();
    }
}
