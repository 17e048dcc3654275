using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Commitments;
using CommonGround.Core.Meetings;
using CommonGround.Core.Plans;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Team;

/// <summary>
/// What a new setting needs on its first day, on one printable page: the one-page profile, the current plan, what has
/// been promised and how it is going, the last review and the key dates, each only as far as the reader is shared it.
/// </summary>
public sealed class TransitionPackModel(ProfileService profiles, PlanService plans, CommitmentService commitments, MeetingService meetings,
    WhatIsHappeningService happenings, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public IReadOnlyList<ProfileSection> Profile { get; private set; } = [];
    public SupportPlan? CurrentPlan { get; private set; }
    public IReadOnlyList<CommitmentWithProgress> Open { get; private set; } = [];
    public Meeting? LastReview { get; private set; }
    public IReadOnlyList<HappeningItem> KeyDates { get; private set; } = [];

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (Access.CanSee(RecordArea.AboutMe))
        {
            Profile = (await profiles.GetSectionsAsync(childId)).Where(s => s.Text.Length > 0 && Access.CanSee(s.Section.Area())).ToList();
        }

        CurrentPlan = (await plans.ListAsync(Access)).Where(p => p.AgreedAt is not null).MaxBy(p => p.AgreedAt);
        if (Access.CanSee(RecordArea.Commitments))
        {
            Open = (await commitments.ListForChildAsync(Access)).Where(c => !c.Commitment.IsClosed).ToList();
        }

        if (Access.CanSee(RecordArea.Meetings))
        {
            LastReview = (await meetings.ListForChildAsync(childId))
                .Where(m => m.Kind == MeetingKind.Review && !m.IsCancelled && m.RecordStatus == MeetingRecordStatus.Agreed).MaxBy(m => m.StartsAt);
        }

        KeyDates = (await happenings.ForAsync(Access)).ComingUp;
        DescribeRead(null, "Transition pack");
        return Page();
    }
}
