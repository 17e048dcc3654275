using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>The organiser or note-taker moves the meeting or changes where it is; everyone invited gets an updated invitation.</summary>
public sealed class ChangeModel(MeetingService meetings, MeetingSchedulingService scheduling, CurrentUser currentUser) : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public WhenAndWhereInput Input { get; set; } = new();

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        var local = Meeting.StartsAt.ToUkTime();
        Input = new WhenAndWhereInput
        {
            Date = DateOnly.FromDateTime(local), Time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            DurationMinutes = Meeting.DurationMinutes, Place = Meeting.Place, OnlineLink = Meeting.OnlineLink,
        };
        return Page();
    }

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        var time = Input.ReadTime(ModelState);

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await scheduling.RescheduleAsync(Access, new RescheduleMeetingOptions(
            meetingId, Input.Date!.Value, time!.Value, Input.DurationMinutes!.Value, Input.Place, Input.OnlineLink), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Meeting changed", "Everyone invited has been sent the updated invitation.");
        return Redirect(MeetingPath);
    }
}
