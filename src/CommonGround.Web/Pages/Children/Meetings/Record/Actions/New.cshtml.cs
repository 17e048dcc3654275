using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Core.Meetings;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings.Record.Actions;

/// <summary>The note-taker records an action agreed at the meeting; it becomes a commitment with an owner and a date at once.</summary>
public sealed class NewModel(MeetingService meetings, MeetingRecordService records, TeamService teams, LanguageAdvice advice, CurrentUser currentUser)
    : MeetingPageBase(meetings, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> Owners { get; private set; } = [];
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "What will be done")]
        [Required(ErrorMessage = "Enter what will be done")]
        [StringLength(Commitment.MaxWhatLength, ErrorMessage = "What will be done must be 500 characters or fewer")]
        public string? What { get; set; }

        [Display(Name = "Part of the record")]
        [Required(ErrorMessage = "Choose which part of the record it belongs to")]
        public CommitmentArea? Area { get; set; }

        [Display(Name = "Who will do it")]
        [Required(ErrorMessage = "Choose who will do it")]
        public Guid? OwnerId { get; set; }

        [Display(Name = "Done by")]
        [Required(ErrorMessage = "Enter the date it will be done by")]
        public DateOnly? DueDate { get; set; }

        public bool SaveAnyway { get; set; }
    }

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        await LoadOwnersAsync(childId);
        Input = new InputModel { OwnerId = Access.TeamMemberId };
        return Page();
    }

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        await LoadOwnersAsync(childId);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway, new WrittenField("Input.What", "What will be done", Input.What));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await records.AddActionAsync(Access, new AddActionOptions(meetingId, Input.What, Input.Area!.Value, Input.OwnerId, Input.DueDate), actor);
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Action added", $"It is now a commitment owned by {result.Value!.OwnerName}, due by {UkDates.Date(result.Value.DueDate!.Value)}.");
        return Redirect($"{MeetingPath}/record");
    }

    private async Task LoadOwnersAsync(Guid childId) =>
        Owners = (await teams.ListTeamAsync(childId))
            .Select(t => new Option(t.Id.ToString(), $"{t.Professional!.UserAccount!.DisplayName}, {t.Role} ({t.Professional.Organisation!.Name})"))
            .ToList();
}
