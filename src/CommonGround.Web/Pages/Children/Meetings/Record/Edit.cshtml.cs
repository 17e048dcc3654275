using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings.Record;

/// <summary>
/// The note-taker writes the record: the family's views (unless the family wrote their own), the child's views, who
/// was there, notes on each agenda item and decisions. Once the family has agreed it, a change needs a reason.
/// </summary>
public sealed class EditModel(MeetingService meetings, MeetingRecordService records, LanguageAdvice advice, CurrentUser currentUser)
    : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];
    public IReadOnlyList<Option> People { get; private set; } = [];

    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "The family's views")]
        [StringLength(Meeting.MaxRecordTextLength, ErrorMessage = "The family's views must be 8,000 characters or fewer")]
        public string? FamilyViews { get; set; }

        [Display(Name = "The child's or young person's views")]
        [StringLength(Meeting.MaxRecordTextLength, ErrorMessage = "The child's views must be 8,000 characters or fewer")]
        public string? ChildViews { get; set; }

        [Display(Name = "Who was there")]
        public List<Guid> Attended { get; set; } = [];

        [Display(Name = "Anyone else who was there (optional)")]
        [StringLength(Meeting.MaxPlaceLength, ErrorMessage = "This must be 300 characters or fewer")]
        public string? OthersPresent { get; set; }

        public Dictionary<Guid, string?> AgendaNotes { get; set; } = [];

        [Display(Name = "Decisions")]
        [StringLength(Meeting.MaxRecordTextLength, ErrorMessage = "Decisions must be 8,000 characters or fewer")]
        public string? Decisions { get; set; }

        [Display(Name = "Why are you amending the agreed record?")]
        [StringLength(Meeting.MaxReasonLength, ErrorMessage = "The reason must be 1,000 characters or fewer")]
        public string? AmendmentReason { get; set; }

        public bool SaveAnyway { get; set; }
    }

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        LoadPeople();
        Input = new InputModel
        {
            Version = Meeting.Version,
            FamilyViews = Meeting.FamilyViews,
            ChildViews = Meeting.ChildViews,
            Attended = Meeting.Invitees.Where(i => i.Attended ?? true).Select(i => i.Id).ToList(),
            OthersPresent = Meeting.OthersPresent,
            AgendaNotes = Meeting.AgendaItems.ToDictionary(a => a.Id, a => a.Notes),
            Decisions = Meeting.Decisions,
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

        LoadPeople();
        foreach (var (id, notes) in Input.AgendaNotes.Where(n => n.Value?.Length > Meeting.MaxRecordTextLength))
        {
            ModelState.AddModelError($"Input.AgendaNotes[{id}]", "Notes on each item must be 8,000 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        var fields = new List<WrittenField>
        {
            new("Input.ChildViews", "The child's or young person's views", Input.ChildViews),
            new("Input.Decisions", "Decisions", Input.Decisions),
        };
        if (!Meeting.FamilyViewsByFamily)
        {
            fields.Insert(0, new WrittenField("Input.FamilyViews", "The family's views", Input.FamilyViews));
        }

        fields.AddRange(Meeting.OrderedAgenda().Select(a => new WrittenField($"Input.AgendaNotes[{a.Id}]", $"Notes on \"{a.Title}\"", Input.AgendaNotes.GetValueOrDefault(a.Id))));
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway, [.. fields]);
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await records.WriteRecordAsync(Access, new WriteRecordOptions(
            meetingId, Input.Version, Input.FamilyViews, Input.ChildViews, Input.Decisions, Input.OthersPresent, Input.Attended,
            Input.AgendaNotes, Input.AmendmentReason), actor);
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm(result.Value!.IsAgreed ? "Amendment saved" : "Record saved",
            result.Value.IsAgreed ? "The family has been told, and the earlier version is kept." : "Share it with the family when it is ready.");
        return Redirect($"{MeetingPath}/record");
    }

    private void LoadPeople() =>
        People = Meeting.Invitees.OrderByDescending(i => i.IsFamily).ThenBy(i => i.Name).Select(i => new Option(i.Id.ToString(), i.Name, i.Role)).ToList();
}
