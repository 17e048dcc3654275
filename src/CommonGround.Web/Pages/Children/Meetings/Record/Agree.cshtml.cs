using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings.Record;

/// <summary>The family reads the shared record once more and agrees it; it is then locked.</summary>
public sealed class AgreeModel(MeetingService meetings, MeetingRecordService records, CurrentUser currentUser) : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public int Version { get; set; }

    public MeetingRecordContent RecordContent { get; private set; } = default!;

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId, familyOnly: true) is { } refused)
        {
            return refused;
        }

        await LoadContentAsync();
        Version = Meeting.Version;
        return Page();
    }

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId, familyOnly: true) is { } refused)
        {
            return refused;
        }

        var result = await records.AgreeRecordAsync(Access, meetingId, Version, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            await LoadContentAsync();
            return Invalid(result.Error!, prefix: nameof(Version));
        }

        Confirm("You agreed the record", "It is now locked. Any later change will be an amendment with a reason, and you will be told.");
        return Redirect($"{MeetingPath}/record");
    }

    private async Task LoadContentAsync() =>
        RecordContent = await Meetings.RecordShownToAsync(Access, Meeting);
}
