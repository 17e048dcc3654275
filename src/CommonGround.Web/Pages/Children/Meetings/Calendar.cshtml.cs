using System.Text;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>The meeting as a calendar file, for anyone who can see it to add to their own calendar.</summary>
public sealed class CalendarModel(MeetingService meetings, CurrentUser currentUser, TimeProvider timeProvider)
    : MeetingPageBase(meetings, currentUser)
{
    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        var now = timeProvider.UtcNow();
        var text = Meeting.IsCancelled
            ? MeetingCalendar.Cancellation(Meeting, Access.Child.KnownAs, now)
            : MeetingCalendar.Invitation(Meeting, Access.Child.KnownAs, now);
        return File(Encoding.UTF8.GetBytes(text), $"{MeetingCalendar.ContentType}; charset=utf-8", "meeting.ics");
    }
}
