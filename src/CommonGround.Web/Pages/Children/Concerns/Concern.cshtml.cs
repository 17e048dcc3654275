using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>One concern: what was raised, who has it, its clocks, every step so far, and what the person can do next.</summary>
public sealed class ConcernModel(ConcernService concerns, ConversationService conversations, Core.DataRights.CorrectionService corrections, CurrentUser currentUser, TimeProvider timeProvider)
    : ConcernPageBase(concerns, currentUser)
{
    public bool MayAnswer { get; private set; }
    public bool MayDecide { get; private set; }
    public bool MayAssign { get; private set; }
    public Conversation? Conversation { get; private set; }
    public Shared.CorrectionsShown Corrections { get; private set; } = Shared.CorrectionsShown.None;

    [ChildPage(Capability.ViewRecord, RecordArea.Concerns)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid concernId)
    {
        if (await LoadConcernAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        Today = timeProvider.TodayInUk();
        var userId = CurrentUser.UserId!.Value;
        MayAnswer = Concern.AwaitsResponse && await Concerns.MayAnswerAsync(Access, Concern, userId);
        MayDecide = Concern.Status == ConcernStatus.Resolved && ConcernService.MayDecide(Access, Concern, userId);
        MayAssign = Concern.IsOpen && Access.Can(Capability.RespondToConcern) && await Concerns.MayAssignAsync(Concern, userId);
        Conversation = await conversations.FindForConcernAsync(concernId);
        Corrections = new Shared.CorrectionsShown(childId, await corrections.LatestForAsync(childId, Concern.Updates.Select(u => u.Id).ToList()), Access.IsFamily);
        DescribeRead(RecordArea.Concerns, $"A concern: {Concern.Topic}");
        return Page();
    }
}
