using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings.Agenda;

/// <summary>Anyone invited, and the family, add what they want to talk about before the meeting starts.</summary>
public sealed class NewModel(MeetingService meetings, MeetingSchedulingService scheduling, LanguageAdvice advice, CurrentUser currentUser)
    : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "What do you want to talk about?")]
        [Required(ErrorMessage = "Enter what you want to talk about")]
        [StringLength(AgendaItem.MaxTitleLength, ErrorMessage = "What you want to talk about must be 200 characters or fewer")]
        public string? Title { get; set; }

        [Display(Name = "Anything else people should know beforehand (optional)")]
        [StringLength(AgendaItem.MaxDetailLength, ErrorMessage = "This must be 2,000 characters or fewer")]
        public string? Detail { get; set; }

        public bool SaveAnyway { get; set; }
    }

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId) =>
        await LoadMeetingAsync(childId, meetingId) ?? Page();

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
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

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway,
            new WrittenField("Input.Title", "What do you want to talk about", Input.Title), new WrittenField("Input.Detail", "Anything else", Input.Detail));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await scheduling.AddAgendaItemAsync(Access, meetingId, Input.Title, Input.Detail, actor);
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Added to the agenda", Access.IsFamily ? "Your points are listed first." : null);
        return Redirect(MeetingPath);
    }
}
