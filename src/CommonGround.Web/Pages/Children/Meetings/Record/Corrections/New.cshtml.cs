using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings.Record.Corrections;

/// <summary>The family asks for one part of the shared record to be corrected, saying what should change.</summary>
public sealed class NewModel(MeetingService meetings, MeetingRecordService records, CurrentUser currentUser) : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> Parts { get; private set; } = [];

    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "Which part needs correcting?")]
        [Required(ErrorMessage = "Choose which part of the record needs correcting")]
        public string? Part { get; set; }

        [Display(Name = "What should it say instead?")]
        [Required(ErrorMessage = "Say what should change")]
        [StringLength(RecordCorrection.MaxLength, ErrorMessage = "This must be 2,000 characters or fewer")]
        public string? WhatShouldChange { get; set; }
    }

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId, familyOnly: true) is { } refused)
        {
            return refused;
        }

        LoadParts();
        Input = new InputModel { Version = Meeting.Version };
        return Page();
    }

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId, familyOnly: true) is { } refused)
        {
            return refused;
        }

        LoadParts();
        var part = Parts.FirstOrDefault(p => p.Value == Input.Part);
        if (Input.Part is not null && part is null)
        {
            ModelState.AddModelError("Input.Part", "Choose which part of the record needs correcting");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await records.RequestCorrectionAsync(Access, new RequestCorrectionOptions(meetingId, Input.Version, part!.Value, part.Text, Input.WhatShouldChange), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Correction sent", $"{Meeting.NoteTakerName} will revise the record and share it again for you to agree.");
        return Redirect($"{MeetingPath}/record");
    }

    private void LoadParts() => Parts =
    [
        new("family-views", "The family's views"),
        new("child-views", "The child's or young person's views"),
        new("attendance", "Who was there"),
        .. Meeting.OrderedAgenda().Select(a => new Option($"agenda:{a.Id}", $"Notes on \"{a.Title}\"")),
        new("decisions", "Decisions"),
        new("actions", "Actions"),
    ];
}
