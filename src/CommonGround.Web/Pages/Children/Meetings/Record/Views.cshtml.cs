using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings.Record;

/// <summary>The family write their views for the record in their own words; the note-taker cannot change them.</summary>
public sealed class ViewsModel(MeetingService meetings, MeetingRecordService records, CurrentUser currentUser) : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "Your views")]
        [StringLength(Meeting.MaxRecordTextLength, ErrorMessage = "Your views must be 8,000 characters or fewer")]
        public string? Views { get; set; }
    }

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId, familyOnly: true) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Version = Meeting.Version, Views = Meeting.FamilyViews };
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

        var result = await records.WriteFamilyViewsAsync(Access, meetingId, Input.Version, Input.Views, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Your views are saved", "They appear in the record in your words.");
        return Redirect($"{MeetingPath}/record");
    }
}
