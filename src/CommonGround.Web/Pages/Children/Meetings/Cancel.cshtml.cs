using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>The organiser or note-taker cancels the meeting, with a reason everyone invited can read.</summary>
public sealed class CancelModel(MeetingService meetings, MeetingSchedulingService scheduling, CurrentUser currentUser) : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Why is it cancelled?")]
        [Required(ErrorMessage = "Enter why the meeting is cancelled")]
        [StringLength(Meeting.MaxReasonLength, ErrorMessage = "The reason must be 1,000 characters or fewer")]
        public string? Reason { get; set; }
    }

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId) =>
        await LoadMeetingAsync(childId, meetingId) ?? Page();

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await scheduling.CancelAsync(Access, meetingId, Input.Reason, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Meeting cancelled", "Everyone invited has been told, with a calendar update that removes it.");
        return Redirect(MeetingPath);
    }
}
