using CommonGround.Core.Access;
using CommonGround.Core.Commitments;
using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>One meeting: when and where, who is invited, the agenda, where the record stands, its actions, and the family's answer.</summary>
public sealed class MeetingModel(MeetingService meetings, CurrentUser currentUser, TimeProvider timeProvider)
    : MeetingPageBase(meetings, currentUser)
{
    public IReadOnlyList<Commitment> Actions { get; private set; } = [];
    public MeetingFeedback? Feedback { get; private set; }
    public bool HasStarted { get; private set; }
    public bool IsInvited { get; private set; }

    [ChildPage(Capability.ViewRecord, RecordArea.Meetings)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId)
    {
        if (await LoadMeetingAsync(childId, meetingId) is { } refused)
        {
            return refused;
        }

        HasStarted = Meeting.HasStarted(timeProvider.UtcNow());
        IsInvited = Meeting.Invitees.Any(i => i.UserAccountId == CurrentUser.UserId);
        Actions = await Meetings.ListActionsAsync(Access, meetingId);
        Feedback = Access.IsFamily ? await Meetings.FindFeedbackAsync(meetingId, CurrentUser.UserId!.Value) : null;
        DescribeRead(RecordArea.Meetings, $"Meeting: {Meeting.Kind.ToDisplayName()} on {MeetingService.When(Meeting)}");
        return Page();
    }

    public bool MayAddToAgenda => !Meeting.IsCancelled && !HasStarted && (Access.IsFamily || IsInvited);

    public bool MayChange => MayWrite && !Meeting.IsCancelled && !HasStarted;
}
