using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>A page about one meeting: 404 when the meeting is not the child's, 403 without the capability on the Meetings area.</summary>
public abstract class MeetingPageBase(MeetingService meetings, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public Meeting Meeting { get; private set; } = default!;

    protected MeetingService Meetings => meetings;

    /// <summary>True when the person signed in writes this meeting's record (its note-taker, organiser, or a lead of the organiser's organisation).</summary>
    public bool MayWrite { get; private set; }

    /// <summary>Loads the meeting; a page only the family uses refuses everyone else with 403.</summary>
    protected async Task<IActionResult?> LoadMeetingAsync(Guid childId, Guid meetingId, bool familyOnly = false)
    {
        if (familyOnly && !Access.IsFamily)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await meetings.GetAsync(childId, meetingId) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        MayWrite = !Access.IsFamily && Access.Can(Capability.RunMeeting, RecordArea.Meetings) && await meetings.MayWriteRecordAsync(meeting, CurrentUser.UserId!.Value);
        return null;
    }

    protected string MeetingPath => ChildLinks.Meeting(Access.Child.Id, Meeting.Id);
}
