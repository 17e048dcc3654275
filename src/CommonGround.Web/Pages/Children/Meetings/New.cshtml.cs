using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>A team member arranges a meeting: what kind, when, where, who is invited and who takes the notes.</summary>
public sealed class NewModel(MeetingService meetings, MeetingSchedulingService scheduling, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Option> People { get; private set; } = [];
    public IReadOnlyList<Option> NoteTakers { get; private set; } = [];

    public sealed class InputModel : WhenAndWhereInput
    {
        [Display(Name = "Kind of meeting")]
        [Required(ErrorMessage = "Choose the kind of meeting")]
        public MeetingKind? Kind { get; set; }

        [Display(Name = "Who to invite")]
        public List<Guid> Invitees { get; set; } = [];

        [Display(Name = "Who takes the notes")]
        [Required(ErrorMessage = "Choose who takes the notes")]
        public Guid? NoteTakerId { get; set; }
    }

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        var choices = await LoadChoicesAsync(childId);
        // The family are invited unless the organiser says otherwise.
        Input = new InputModel { DurationMinutes = 60, NoteTakerId = CurrentUser.UserId, Invitees = choices.Where(c => c.IsFamily).Select(c => c.UserAccountId).ToList() };
        return Page();
    }

    [ChildPage(Capability.RunMeeting, RecordArea.Meetings)]
    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        await LoadChoicesAsync(childId);
        var time = Input.ReadTime(ModelState);

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await scheduling.ScheduleAsync(Access, new ScheduleMeetingOptions(
            Input.Kind!.Value, Input.Date!.Value, time!.Value, Input.DurationMinutes!.Value, Input.Place, Input.OnlineLink, Input.Invitees, Input.NoteTakerId!.Value),
            await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Meeting arranged", "Everyone invited has been sent an email with a calendar invitation.");
        return Redirect(ChildLinks.Meeting(childId, result.Value!.Id));
    }

    private async Task<IReadOnlyList<InviteeChoice>> LoadChoicesAsync(Guid childId)
    {
        var choices = await meetings.ListInviteeChoicesAsync(childId);
        People = choices.Where(c => c.UserAccountId != CurrentUser.UserId).Select(c => new Option(c.UserAccountId.ToString(), c.Name, c.Role)).ToList();
        NoteTakers = choices.Where(c => !c.IsFamily).Select(c => new Option(c.UserAccountId.ToString(), c.UserAccountId == CurrentUser.UserId ? $"{c.Name} (you)" : c.Name, c.Role)).ToList();
        return choices;
    }
}
