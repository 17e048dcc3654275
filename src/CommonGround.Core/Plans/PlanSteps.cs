using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Plans;

/// <summary>What the steps on a plan share: keeping a version as it stood, and telling the family.</summary>
public sealed class PlanSteps(CommonGroundDbContext db, AccessService access, Notifier notifier)
{
    /// <summary>The plan as it stands, kept as version <see cref="SupportPlan.Number"/> at <paramref name="stage"/>.</summary>
    /// <remarks>At a review, the version keeps what the family and the team said about each outcome too.</remarks>
    public static PlanVersion Snapshot(SupportPlan plan, PlanVersionStage stage, UserActor actor, DateTime now, IReadOnlyList<OutcomeProgress> progress) => new()
    {
        PlanId = plan.Id, ChildId = plan.ChildId, Number = plan.Number, Stage = stage, Content = PlanContent.Of(plan, progress).ToJson(), At = now, ByName = actor.Name,
    };

    /// <summary>Tells each of the family who sees the record, apart from the person acting, in the same save as the change.</summary>
    public async Task NotifyFamilyAsync(SupportPlan plan, UserActor actor, string title, string emailLine)
    {
        var family = await db.FamilyMembers.Where(f => f.ChildId == plan.ChildId && f.UserAccountId != actor.UserId).Select(f => f.UserAccountId).ToListAsync();
        foreach (var userId in family)
        {
            if (await access.GetAsync(plan.ChildId, userId) is { } familyAccess && familyAccess.Can(Capability.ViewRecord))
            {
                await notifier.NotifyAsync(userId, NotificationKind.Plans, title, emailLine, ChildLinks.Plan(plan.ChildId, plan.Id), plan.ChildId);
            }
        }
    }
}
