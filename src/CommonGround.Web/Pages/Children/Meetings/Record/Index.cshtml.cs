using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings.Record;

/// <summary>
/// The record of a meeting as it stands, with what the family asked to correct and every version kept. The family
/// agrees it or asks for corrections here; the note-taker writes, adds actions and shares it from here.
/// </summary>
public sealed class IndexModel(MeetingService meetings, CurrentUser currentUser, TimeProvider timeProvider)
    : MeetingPageBase(meetings, currentUser)
{
    public MeetingRecordContent? RecordContent { get; private set; }
    public IReadOnlyList<RecordCorrection> Corrections { get; private set; } = [];
    public IReadOnlyList<MeetingRecordVersion> Versions { get; private set; } = [];
    public bool HasStarted { get; private set; }

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        HasStarted = Meeting.HasStarted(timeProvider.UtcNow());
        // A draft is the note-taker's until it is shared; everyone else sees it once the family has it.
        if (MayWrite || Meeting.RecordStatus is MeetingRecordStatus.Shared or MeetingRecordStatus.CorrectionsRequested or MeetingRecordStatus.Agreed)
        {
            RecordContent = await Meetings.RecordShownToAsync(Access, Meeting);
        }

        Corrections = await Meetings.ListCorrectionsAsync(meetingId);
        Versions = await Meetings.ListVersionsAsync(meetingId);
        DescribeRead(RecordArea.Meetings, $"Meeting record: {Meeting.Kind.ToDisplayName()} on {MeetingService.When(Meeting)}");
        return Page();
    }
}
