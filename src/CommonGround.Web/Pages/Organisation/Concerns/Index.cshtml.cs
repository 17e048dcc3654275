using CommonGround.Core.Concerns;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;

using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.Concerns;

/// <summary>
/// The organisation's concern inbox for its leads: concerns raised for the organisation that wait for someone to be
/// chosen, and every open concern its staff own, with their clocks. The family's words are not shown here; a lead reads
/// them on the child's record, if the family shares concerns with them.
/// </summary>
public sealed class IndexModel(ConcernInboxService inbox, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    public IReadOnlyList<InboxConcern> Waiting { get; private set; } = [];
    public IReadOnlyList<InboxConcern> Owned { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = timeProvider.TodayInUk();
        var all = await inbox.ListForOrganisationAsync((await currentUser.GetAsync())!.Organisation!.Id);
        Waiting = all.Where(c => c.Concern.OwnerProfessionalId is null).ToList();
        Owned = all.Where(c => c.Concern.OwnerProfessionalId is not null).ToList();
        ShowsChildren(all.Select(c => c.Concern.ChildId), "Organisation's concerns: topic and dates");
    }
}
