using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings.Record;

/// <summary>The note-taker shares the record with the family to agree; a revision says what changed.</summary>
public sealed class ShareModel(MeetingService meetings, MeetingRecordService records, CurrentUser currentUser) : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<RecordCorrection> OpenCorrections { get; private set; } = [];

    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "What did you change? (optional)")]
        [StringLength(RecordCorrection.MaxLength, ErrorMessage = "This must be 2,000 characters or fewer")]
        public string? WhatChanged { get; set; }
    }

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        await LoadCorrectionsAsync();
        Input = new InputModel { Version = Meeting.Version };
        return Page();
    }

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        await LoadCorrectionsAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await records.ShareRecordAsync(Access, meetingId, Input.Version, Input.WhatChanged, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Record shared", "The family has been asked to read it and agree it or ask for corrections.");
        return Redirect($"{MeetingPath}/record");
    }

    private async Task LoadCorrectionsAsync() =>
        OpenCorrections = (await Meetings.ListCorrectionsAsync(Meeting.Id)).Where(c => c.IsOpen).ToList();
}
