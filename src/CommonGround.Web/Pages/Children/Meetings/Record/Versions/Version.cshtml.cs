using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings.Record.Versions;

/// <summary>One kept version of the record, exactly as it was shared, agreed or amended.</summary>
public sealed class VersionModel(MeetingService meetings, CurrentUser currentUser) : MeetingPageBase(meetings, currentUser)
{
    public MeetingRecordVersion Kept { get; private set; } = default!;
    public MeetingRecordContent RecordContent { get; private set; } = default!;

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId, int number)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        if ((await Meetings.ListVersionsAsync(meetingId)).SingleOrDefault(v => v.Number == number) is not { } version)
        {
            return NotFound();
        }

        Kept = version;
        RecordContent = MeetingRecordContent.FromJson(version.Content).ShownTo(Access);
        DescribeRead(RecordArea.Meetings, $"Meeting record, version {number}: {Meeting.Kind.ToDisplayName()} on {MeetingService.When(Meeting)}");
        return Page();
    }
}
