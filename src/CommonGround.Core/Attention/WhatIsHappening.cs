using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Meetings;
using CommonGround.Core.Plans;
using CommonGround.Core.Profiles;
using CommonGround.Core.Statutory;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Attention;

/// <summary>One thing on the family's "What's happening" page: what it is, who has it, when, and where to see it.</summary>
public sealed record HappeningItem(string What, string? Who, DateOnly? When, string Link);

/// <summary>
/// For the family, one child at a glance: what is waiting on them, what is late and who owns it, and what is coming up.
/// Late items are the child's stored signals; the rest are read for this child alone.
/// </summary>
public sealed record WhatIsHappening(IReadOnlyList<HappeningItem> WaitingOnYou, IReadOnlyList<HappeningItem> Late, IReadOnlyList<HappeningItem> ComingUp);

public sealed class WhatIsHappeningService(CommonGroundDbContext db, TimeProvider timeProvider)
{
    /// <summary>How far ahead "coming up" looks.</summary>
    public const int WeeksAhead = 8;

    /// <summary>Delivery records waiting for the family are counted up to this many; beyond it the page says "more than".</summary>
    public const int RecordsToCheckCountedUpTo = 99;

    private static readonly AttentionSignalKind[] LateKinds =
    [
        AttentionSignalKind.StatutoryMissed, AttentionSignalKind.ConcernOverdue, AttentionSignalKind.CommitmentOverdue,
        AttentionSignalKind.DeliveryDisputed, AttentionSignalKind.ProvisionBehind, AttentionSignalKind.PlanReviewOverdue, AttentionSignalKind.AdviceLate,
        AttentionSignalKind.RecommendationsUnanswered,
    ];

    public async Task<WhatIsHappening> ForAsync(ChildAccess access)
    {
        var childId = access.Child.Id;
        var now = timeProvider.UtcNow();
        var today = timeProvider.TodayInUk();
        var horizon = today.AddDays(WeeksAhead * 7);
        var waiting = new List<HappeningItem>();
        var comingUp = new List<HappeningItem>();

        if (access.CanSee(RecordArea.Concerns))
        {
            var concerns = await db.Concerns.AsNoTracking().Where(c => c.ChildId == childId && c.Status != ConcernStatus.Closed).ToListAsync();
            foreach (var concern in concerns.Where(c => ConcernService.CanSee(access, c)))
            {
                var link = ChildLinks.Concern(childId, concern.Id);
                if (concern.Status == ConcernStatus.Resolved && concern.RaisedByFamily)
                {
                    waiting.Add(new($"Say whether your concern \"{concern.Topic}\" is resolved", concern.OwnerName, null, $"{link}/resolved"));
                }
                else if (concern.NextClock is { } next && next.DueOn >= today)
                {
                    // A concern someone on the team raised is not "yours": say whose it is.
                    var which = concern.RaisedByFamily ? $"Your concern \"{concern.Topic}\"" : $"The concern \"{concern.Topic}\" raised by {concern.RaisedByName}";
                    comingUp.Add(new($"{which} should be {(next.Kind == ConcernClockKind.Acknowledge ? "acknowledged" : "answered in full")}",
                        concern.WhoHasIt(), next.DueOn, link));
                }
            }
        }

        if (access.CanSee(RecordArea.Meetings))
        {
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.ChildId == childId && m.CancelledAt == null && (m.RecordStatus == MeetingRecordStatus.Shared || m.StartsAt >= now))
                .ToListAsync();
            foreach (var meeting in meetings)
            {
                var link = ChildLinks.Meeting(childId, meeting.Id);
                if (meeting.RecordStatus == MeetingRecordStatus.Shared)
                {
                    waiting.Add(new($"Agree or correct the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {UkDates.Date(DateOnly.FromDateTime(meeting.StartsAt.ToUkTime()))}", meeting.NoteTakerName, null, link));
                }
                else if (DateOnly.FromDateTime(meeting.StartsAt.ToUkTime()) is var on && on <= horizon)
                {
                    comingUp.Add(new($"{meeting.Kind.ToDisplayName()} at {UkDates.DateAtTime(meeting.StartsAt)}", meeting.OrganiserName, on, link));
                }
            }
        }

        if (access.CanSee(RecordArea.Commitments))
        {
            // Counted up to the most worth saying: years of sessions nobody has checked can be thousands of records, and
            // counting every one made this page the slowest a family opens.
            var toCheck = await db.DeliveryRecords.Where(d => d.ChildId == childId && d.FamilyResponse == FamilyResponse.None && d.SetAsideAt == null
                && db.Commitments.VisibleTo(access).Any(c => c.Id == d.CommitmentId))
                .OrderBy(d => d.ChildId) // an order, or EF warns of a limit without one; the index's own, so nothing is sorted
                .Take(RecordsToCheckCountedUpTo + 1).CountAsync();
            if (toCheck > RecordsToCheckCountedUpTo)
            {
                waiting.Add(new($"Check your delivery records: more than {RecordsToCheckCountedUpTo} are waiting for you to say if they are right", null, null, ChildLinks.Commitments(childId)));
            }
            else if (toCheck > 0)
            {
                waiting.Add(new($"Check {toCheck} delivery {(toCheck == 1 ? "record" : "records")}: say if {(toCheck == 1 ? "it is" : "they are")} right", null, null, ChildLinks.Commitments(childId)));
            }

            var due = await db.Commitments.AsNoTracking()
                .Where(c => c.ChildId == childId && c.DueDate != null && c.DueDate >= today && c.DueDate <= horizon
                    && (c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active))
                .ToListAsync();
            comingUp.AddRange(due.Where(c => access.CanSeeCommitment(c.RecordArea)).Select(c => new HappeningItem($"\"{c.What}\" is due", c.OwnerName, c.DueDate, ChildLinks.Commitment(childId, c.Id))));
        }

        if (access.CanSee(RecordArea.StatutoryProcess))
        {
            var processes = await db.StatutoryProcesses.AsNoTracking().Include(p => p.Events).Where(p => p.ChildId == childId).ToListAsync();
            foreach (var process in processes)
            {
                foreach (var next in process.Progress(today, Timescales.England, access.Child.DateOfBirth).Next
                    .Where(d => d.State == DeadlineState.Upcoming && d.Deadline.Date <= horizon))
                {
                    var link = ChildLinks.StatutoryProcess(childId, process.Id);
                    // The family's own dates are theirs to use if they choose; everyone else's are theirs to meet.
                    (next.IsRight ? waiting : comingUp).Add(new(next.IsRight ? $"If you want to: {next.Title}" : next.Title,
                        Capitalised(next.Actor.Who(readerIsFamily: true)), next.Deadline.Date, link));
                }
            }
        }

        var plans = await db.SupportPlans.AsNoTracking().Where(p => p.ChildId == childId && (p.Status != PlanStatus.Draft || p.ReviewNumber > 0)).ToListAsync();
        foreach (var plan in plans)
        {
            var link = ChildLinks.Plan(childId, plan.Id);
            if (plan.Status == PlanStatus.WithFamily && access.Can(Capability.RespondToPlan))
            {
                var lines = await db.PlanLines.AsNoTracking().Where(l => l.PlanId == plan.Id).ToListAsync();
                var responses = await db.PlanResponses.AsNoTracking().Where(r => r.PlanId == plan.Id).ToListAsync();
                if (lines.Count(l => l.AwaitsFamily(responses)) is > 0 and var toAnswer)
                {
                    waiting.Add(new($"Answer {toAnswer} {(toAnswer == 1 ? "line" : "lines")} of the {plan.Rule.Name}", plan.AuthorName, null, link));
                }
            }
            else if (plan.IsUnderReview && access.Can(Capability.RespondToPlan)
                && await FamilyOutcomesToReviewAsync(plan) is > 0 and var outcomes)
            {
                waiting.Add(new($"Say how {access.Child.KnownAs} is getting on towards {(outcomes == 1 ? "1 outcome" : $"{outcomes} outcomes")}, for the review of the {plan.Rule.Name}",
                    plan.AuthorName, null, ChildLinks.PlanProgress(childId, plan.Id)));
            }

            if (plan is { Status: PlanStatus.Agreed, ReviewBy: { } reviewBy } && plan.Kind != PlanKind.Ehc && reviewBy >= today && reviewBy <= horizon)
            {
                comingUp.Add(new($"The {plan.Rule.Name} should be reviewed", plan.OrganisationName, reviewBy, link));
            }
        }

        // What waits on the family's own answer, counted in one query: suggested changes to About me, requests to see more,
        // and whether a request to erase the record is waiting (read in full only when one is).
        var (mayDecideSuggestions, mayDecideRequests, mayAskErasure) = (access.Can(Capability.EditProfile), access.Can(Capability.ManageConsent), DataRights.ErasureService.MayAsk(access));
        var answers = mayDecideSuggestions || mayDecideRequests || mayAskErasure
            ? await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => new
            {
                Suggestions = mayDecideSuggestions ? db.ProfileSuggestions.Count(s => s.ChildId == childId && s.Status == SuggestionStatus.Pending) : 0,
                Requests = mayDecideRequests ? db.AccessRequests.Count(r => r.ChildId == childId && r.Status == AccessRequestStatus.Pending) : 0,
                ErasureWaiting = mayAskErasure && db.ErasureRequests.Any(r => r.ChildId == childId && r.Answer == DataRights.ErasureAnswer.Waiting),
            }).SingleAsync()
            : new { Suggestions = 0, Requests = 0, ErasureWaiting = false };
        if (answers.Suggestions is > 0 and var suggestions)
        {
            waiting.Add(new($"Decide on {suggestions} suggested {(suggestions == 1 ? "change" : "changes")} to the About me profile", null, null, ChildLinks.AboutMe(childId)));
        }

        if (answers.Requests is > 0 and var requests)
        {
            waiting.Add(new($"Answer {requests} {(requests == 1 ? "request" : "requests")} to see more of the record", null, null, ChildLinks.AccessRequests(childId)));
        }

        var areas = access.SharedAreas.ToList();
        var corrections = await db.CorrectionRequests.AsNoTracking()
            .Where(r => r.ChildId == childId && r.Status == DataRights.CorrectionStatus.Waiting && areas.Contains(r.Part)).OrderBy(r => r.DueOn).ToListAsync();
        var rightsLate = new List<HappeningItem>();
        foreach (var request in corrections)
        {
            var whose = $"{request.RequestedByName}'s request";
            if (request.DueOn < today)
            {
                rightsLate.Add(new($"{whose} to correct {request.AuthorName}'s words was due to be answered by {UkDates.Date(request.DueOn)}", request.OrganisationName, request.DueOn, ChildLinks.Correction(childId, request.Id)));
            }
            else if (request.DueOn <= horizon)
            {
                comingUp.Add(new($"{whose} to correct {request.AuthorName}'s words should be answered", request.OrganisationName, request.DueOn, ChildLinks.Correction(childId, request.Id)));
            }
        }

        if (answers.ErasureWaiting
            && await db.ErasureRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ChildId == childId && r.Answer == DataRights.ErasureAnswer.Waiting) is { } erasure)
        {
            var item = new HappeningItem($"{erasure.RequestedByName}'s request to erase {access.Child.KnownAs}'s record {(erasure.DueOn < today ? "was due to be answered" : "should be answered")}",
                "The local authority", erasure.DueOn, ChildLinks.ErasureRequest(childId, erasure.Id));
            (erasure.DueOn < today ? rightsLate : comingUp).Add(item);
        }

        var late = await db.AttentionSignals.AsNoTracking()
            .Where(s => s.ChildId == childId && LateKinds.Contains(s.Kind)
                && (s.RecordArea == null || areas.Contains(s.RecordArea.Value)) && (s.AboutArea == null || areas.Contains(s.AboutArea.Value)))
            .Where(AttentionThresholds.DefaultFor(Guid.Empty).Shows(today))
            .ToListAsync();
        var shown = late.OrderBy(s => s.Kind.Rank()).ThenBy(s => s.DueOn).ToList();
        var owners = await OwnersAsync(shown);
        var lateItems = shown.Select(s => new HappeningItem(s.ReasonOn(today), owners.GetValueOrDefault(s.Id), s.DueOn, s.Link)).Concat(rightsLate).ToList();
        return new WhatIsHappening(waiting, lateItems, comingUp.OrderBy(i => i.When).ToList());
    }

    /// <summary>The outcomes under review that the family has not yet said how it is going towards.</summary>
    private async Task<int> FamilyOutcomesToReviewAsync(SupportPlan plan)
    {
        var outcomes = await db.PlanLines.AsNoTracking().Where(l => l.PlanId == plan.Id && l.Kind == PlanLineKind.Outcome && l.AgreedRevision != null).Select(l => l.Id).ToListAsync();
        var said = await db.OutcomeProgress.AsNoTracking().Where(p => p.PlanId == plan.Id && p.ReviewNumber == plan.ReviewNumber && p.ByFamily).Select(p => p.OutcomeLineId).ToListAsync();
        return outcomes.Count(o => !said.Contains(o));
    }

    private static string Capitalised(string text) => string.Concat(char.ToUpperInvariant(text[0]), text[1..]);

    /// <summary>
    /// Who has each late thing, by name, so the family can see it is not theirs: the owner of the promise, the adviser, or
    /// the plan's organisation. A late concern's own words already name its owner.
    /// </summary>
    private async Task<Dictionary<Guid, string>> OwnersAsync(IReadOnlyList<AttentionSignal> signals)
    {
        var subjects = signals.Where(s => Guid.TryParse(s.SubjectKey, out _)).ToDictionary(s => s.Id, s => (s.Kind, Id: Guid.Parse(s.SubjectKey)));
        List<Guid> Of(params AttentionSignalKind[] kinds) => subjects.Values.Where(s => kinds.Contains(s.Kind)).Select(s => s.Id).Distinct().ToList();

        var commitmentIds = Of(AttentionSignalKind.CommitmentOverdue, AttentionSignalKind.ProvisionBehind, AttentionSignalKind.DeliveryDisputed);
        var adviceIds = Of(AttentionSignalKind.AdviceLate, AttentionSignalKind.RecommendationsUnanswered);
        var planIds = Of(AttentionSignalKind.PlanReviewOverdue);
        // Each kind of owner is asked for only when something of that kind is late: most children have none of some kinds.
        var names = (commitmentIds.Count == 0 ? [] : await db.Commitments.AsNoTracking().Where(c => commitmentIds.Contains(c.Id)).Select(c => new { c.Id, Name = c.OwnerName }).ToListAsync())
            .Concat(adviceIds.Count == 0 ? [] : await db.AdviceRequests.AsNoTracking().Where(a => adviceIds.Contains(a.Id)).Select(a => new { a.Id, Name = a.AdviserName }).ToListAsync())
            .Concat(planIds.Count == 0 ? [] : await db.SupportPlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, Name = p.OrganisationName }).ToListAsync())
            .ToDictionary(n => n.Id, n => n.Name);
        return subjects.Where(s => names.ContainsKey(s.Value.Id)).ToDictionary(s => s.Key, s => names[s.Value.Id]);
    }
}
