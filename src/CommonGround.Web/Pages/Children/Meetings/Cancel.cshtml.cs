using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>The organiser or note-taker cancels the meeting, with a reason everyone invited can read.</summary>
public sealed class CancelModel(MeetingService meetings, MeetingSchedulingService scheduling, LanguageAdvice advice, CurrentUser currentUser) : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

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

        Advice = await advice.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.Reason", "Reason", Input.Reason));
        if (Advice.Count > 0)
        {
            return Page();
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
