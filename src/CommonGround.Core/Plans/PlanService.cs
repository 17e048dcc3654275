using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Profiles;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Plans;

public sealed record StartPlanOptions(PlanKind Kind);

/// <summary>A line as its author writes it; what does not apply to the line's kind is ignored.</summary>
public sealed record PlanLineOptions(
    RecordArea Part, string Text, BroadAreaOfNeed? BroadArea = null, DateOnly? AchieveBy = null, string? HowWeWillKnow = null,
    Guid? ProviderId = null, decimal? Quantity = null, ProvisionUnit? Unit = null, int? MinutesPerSession = null, ProvisionPeriod? Period = null,
    DateOnly? StartDate = null, DateOnly? EndDate = null, bool TermTimeOnly = false, IReadOnlyList<Guid>? Serves = null);

/// <summary>
/// A plan as one person may see it: only the lines in parts of the record shared with them, the family's answers to
/// those lines, the family's own words from About me (if shared), and how each agreed provision line is being delivered.
/// </summary>
public sealed record PlanView(
    SupportPlan Plan, IReadOnlyList<PlanLine> Lines, int LinesNotShown, IReadOnlyList<PlanResponse> Responses,
    IReadOnlyList<ProfileSection>? FamilyWords, IReadOnlyDictionary<Guid, CommitmentWithProgress> Delivery,
    IReadOnlyList<OutcomeProgress> Progress, Meetings.Meeting? ReviewMeeting)
{
    /// <summary>The outcomes the review under way looks at (those in the agreed plan), as the person sees them; none when no review is under way.</summary>
    public IReadOnlyList<PlanLine> ReviewedOutcomes => Plan.IsUnderReview ? Of(PlanLineKind.Outcome).Where(o => o.AgreedRevision is not null).ToList() : [];

    /// <summary>What the family (or the team) said about the outcome at the plan's latest review.</summary>
    public OutcomeProgress? ProgressOf(PlanLine outcome, bool byFamily) =>
        Progress.FirstOrDefault(p => p.OutcomeLineId == outcome.Id && p.ByFamily == byFamily);

    public IEnumerable<PlanLine> Of(PlanLineKind kind) => Lines.Where(l => l.Kind == kind).OrderBy(l => l.Position);

    /// <summary>The family's latest answer to the line as it now reads, if any.</summary>
    public PlanResponse? AnswerTo(PlanLine line) =>
        Responses.Where(r => r.LineId == line.Id && r.LineRevision == line.Revision).MaxBy(r => r.At);

    /// <summary>Every answer about the line, newest first, including those about earlier wording.</summary>
    public IEnumerable<PlanResponse> HistoryOf(PlanLine line) => Responses.Where(r => r.LineId == line.Id).OrderByDescending(r => r.At);
}

/// <summary>Reading a child's plans, starting one, and loading one for the staff who write it.</summary>
public sealed class PlanService(CommonGroundDbContext db, CommitmentService commitments, TimeProvider timeProvider)
{
    /// <summary>The About me sections a plan opens with, the child's and family's own words, in the order About me shows them.</summary>
    public static IReadOnlyList<ProfileSectionKind> FamilySections { get; } =
        [ProfileSectionKind.AboutMe, ProfileSectionKind.WhatMatters, ProfileSectionKind.HowToSupportMe, ProfileSectionKind.FamilyStory];

    public Task<List<SupportPlan>> ListAsync(ChildAccess childAccess) =>
        db.SupportPlans.AsNoTracking().Where(p => p.ChildId == childAccess.Child.Id).OrderByDescending(p => p.CreatedAt).ToListAsync();

    public async Task<PlanView?> GetAsync(ChildAccess childAccess, Guid planId)
    {
        var plan = await db.SupportPlans.AsNoTracking().Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == childAccess.Child.Id);
        if (plan is null)
        {
            return null;
        }

        var lines = plan.Lines.Where(l => childAccess.CanSee(l.Part)).ToList();
        var lineIds = lines.Select(l => l.Id).ToList();
        var responses = await db.PlanResponses.AsNoTracking().Where(r => r.PlanId == planId && lineIds.Contains(r.LineId)).ToListAsync();
        var familyWords = childAccess.CanSee(RecordArea.AboutMe)
            ? await db.ProfileSections.AsNoTracking().Where(s => s.ChildId == plan.ChildId && FamilySections.Contains(s.Section) && s.Text != "").ToListAsync()
            : null;
        var promised = lines.Where(l => l.CommitmentId is not null).Select(l => l.CommitmentId!.Value).ToHashSet();
        var delivery = promised.Count == 0
            ? new Dictionary<Guid, CommitmentWithProgress>()
            : (await commitments.ListForChildAsync(childAccess, promised)).ToDictionary(c => c.Commitment.Id);
        var progress = (await PlanReviewService.ProgressAtAsync(db, plan)).Where(p => childAccess.CanSee(p.Part)).ToList();
        var meeting = plan.ReviewMeetingId is { } meetingId && childAccess.CanSee(RecordArea.Meetings)
            ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId)
            : null;
        return new PlanView(plan, lines, plan.Lines.Count - lines.Count, responses,
            familyWords?.OrderBy(s => s.Section).ToList(), delivery, progress, meeting);
    }

    /// <summary>Every version, oldest first; a version shared and then agreed is shared first.</summary>
    public async Task<IReadOnlyList<PlanVersion>> ListVersionsAsync(Guid planId) =>
        (await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).ToListAsync()).OrderBy(v => v.Number).ThenBy(v => v.Stage).ToList();

    /// <summary>The kinds of plan the person's organisation writes, for someone who may write plans for the child.</summary>
    public async Task<IReadOnlyList<PlanKindRule>> KindsForAsync(ChildAccess childAccess) =>
        childAccess.Can(Capability.WritePlan) && await AuthorAsync(childAccess) is { } author
            ? PlanKinds.England.Where(r => r.WrittenByStaffOf(author.Organisation!.Kind)).ToList()
            : [];

    /// <summary>For a shared draft EHC plan: the family's last day to comment, and the earliest day the final may be issued.</summary>
    public Task<(DateOnly LastDayToComment, DateOnly EarliestFinal)?> CommentWindowAsync(SupportPlan plan) =>
        plan.Status == PlanStatus.WithFamily ? PlanStatutoryLink.CommentWindowAsync(db, plan, timeProvider.TodayInUk()) : Task.FromResult<(DateOnly, DateOnly)?>(null);

    /// <summary>An EHC plan's section K, as known at <paramref name="upTo"/>; null for another kind of plan, or for someone not shared the statutory process.</summary>
    public async Task<IReadOnlyList<PlanAdvice>?> AdviceAsync(ChildAccess childAccess, SupportPlan plan, DateTime? upTo = null) =>
        plan.Kind == PlanKind.Ehc ? await PlanStatutoryLink.AdviceAsync(db, childAccess, upTo ?? timeProvider.UtcNow()) : null;

    /// <summary>Whether the person writes this plan: staff of its organisation, on the child's team, who may write plans.</summary>
    public async Task<bool> WritesAsync(ChildAccess childAccess, SupportPlan plan) =>
        childAccess.Can(Capability.WritePlan) && await AuthorAsync(childAccess) is { } author && author.OrganisationId == plan.OrganisationId;

    public async Task<Result<SupportPlan>> StartAsync(ChildAccess childAccess, StartPlanOptions options, UserActor actor)
    {
        var rule = PlanKinds.For(options.Kind);
        if (!childAccess.Can(Capability.WritePlan) || await AuthorAsync(childAccess) is not { } author)
        {
            return new NotAllowedToWritePlan();
        }

        if (!rule.WrittenByStaffOf(author.Organisation!.Kind))
        {
            return new PlanKindNotYours(rule.Name, rule.WrittenBy == PlanAuthor.Setting ? "the child's school, setting or college" : "the local authority");
        }

        if (await db.SupportPlans.AnyAsync(p => p.ChildId == childAccess.Child.Id && p.Kind == options.Kind && p.Status != PlanStatus.Agreed))
        {
            return new PlanAlreadyBeingWritten(rule.Name);
        }

        var now = timeProvider.UtcNow();
        var plan = new SupportPlan
        {
            ChildId = childAccess.Child.Id, AreaId = childAccess.Child.AreaId, Kind = options.Kind, OrganisationId = author.OrganisationId,
            OrganisationName = author.Organisation.Name, AuthorUserId = actor.UserId, AuthorName = actor.Name, CreatedAt = now,
        };
        db.SupportPlans.Add(plan);
        db.AuditEvents.Add(PlanChanges.Started(actor, plan, now));
        await db.SaveChangesAsync();
        return plan;
    }

    /// <summary>
    /// The plan with its lines, for staff of the organisation that writes it while it can still change; or why not.
    /// </summary>
    public async Task<Result<SupportPlan>> LoadForAuthorAsync(ChildAccess childAccess, Guid planId)
    {
        var loaded = await LoadWrittenAsync(childAccess, planId);
        return loaded.Value is { CanBeChanged: false } ? new PlanAgreedCannotChange() : loaded;
    }

    /// <summary>The plan with its lines for staff of the organisation that writes it, whatever its state; or why not.</summary>
    public async Task<Result<SupportPlan>> LoadWrittenAsync(ChildAccess childAccess, Guid planId)
    {
        if (!childAccess.Can(Capability.WritePlan))
        {
            return new NotAllowedToWritePlan();
        }

        var plan = await db.SupportPlans.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == planId && p.ChildId == childAccess.Child.Id);
        if (plan is null)
        {
            return new PlanNotFound();
        }

        if (await AuthorAsync(childAccess) is not { } author || author.OrganisationId != plan.OrganisationId)
        {
            return new OnlyAuthorsOrganisationWrites(plan.OrganisationName);
        }

        return plan;
    }

    private async Task<Professional?> AuthorAsync(ChildAccess childAccess) =>
        childAccess.TeamMemberId is { } teamMemberId
            ? await db.Professionals.Include(p => p.Organisation)
                .SingleOrDefaultAsync(p => db.TeamMembers.Any(t => t.Id == teamMemberId && t.LeftAt == null && t.ProfessionalId == p.Id))
            : null;
}
