using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>The child's meetings: those coming up, then those that have happened with where their record stands.</summary>
public sealed class IndexModel(MeetingService meetings, CurrentUser currentUser, TimeProvider timeProvider)
    : ChildPageBase(currentUser)
{
    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];
    public IReadOnlyList<Meeting> Past { get; private set; } = [];

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        var now = timeProvider.UtcNow();
        var all = await meetings.ListForChildAsync(childId);
        Upcoming = all.Where(m => m.EndsAt >= now).ToList();
        Past = all.Where(m => m.EndsAt < now).ToList();
        DescribeRead(RecordArea.Meetings, "Meetings");
        return Page();
    }
}
