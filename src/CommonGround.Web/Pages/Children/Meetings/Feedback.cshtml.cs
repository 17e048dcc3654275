using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>"Did you feel listened to?": asked of the family after a meeting; only they see their answer.</summary>
public sealed class FeedbackModel(MeetingService meetings, MeetingFeedbackService feedback, CurrentUser currentUser, TimeProvider timeProvider) : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MeetingFeedback? Existing { get; private set; }

    public bool HasTakenPlace => Meeting.HasStarted(timeProvider.UtcNow()) && !Meeting.IsCancelled;

    public sealed class InputModel
    {
        [Display(Name = "Did you feel listened to?")]
        [Required(ErrorMessage = "Choose how well you felt listened to")]
        public int? Score { get; set; }

        [Display(Name = "What would have helped? (optional)")]
        [StringLength(MeetingFeedback.MaxLength, ErrorMessage = "This must be 2,000 characters or fewer")]
        public string? WhatWouldHaveHelped { get; set; }
    }

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId, familyOnly: true) is { } refused)
        {
            return refused;
        }

        Existing = await Meetings.FindFeedbackAsync(meetingId, CurrentUser.UserId!.Value);
        return Page();
    }

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId, familyOnly: true) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await feedback.GiveFeedbackAsync(Access, meetingId, Input.Score, Input.WhatWouldHaveHelped, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Thank you for answering", "Only you can see your answer.");
        return Redirect(MeetingPath);
    }
}
