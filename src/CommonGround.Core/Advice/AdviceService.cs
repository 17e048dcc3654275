using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Plans;
using CommonGround.Core.Statutory;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Advice;

public sealed record AskForAdviceOptions(Guid? AdviserId, RecordArea? Part, string? About, DateOnly? DueOn);

/// <summary>A request asked of the person, with the child's name as a list shows it.</summary>
public sealed record AskedOfMe(AdviceRequest Request, string ChildName);

/// <summary>One page of the advice asked of a person, with how much they have still to give and have given.</summary>
public sealed record AdviceAskedPage(IReadOnlyList<AskedOfMe> Items, int ToGive, int Given, int Page, int PageCount);

/// <summary>Advice as given; <paramref name="Recommendations"/> may hold blank lines and spaces, which are dropped.</summary>
public sealed record GiveAdviceOptions(string? Advice, Guid? DocumentId, IReadOnlyList<string> Recommendations);

/// <summary>The family's own advice: which part of the record it is about, in their words, and what they recommend.</summary>
public sealed record FamilyAdviceOptions(RecordArea? Part, string? About, GiveAdviceOptions Given);

/// <summary>
/// Asking someone on the team for advice, on a clock, and their answer with its recommendations. For a child with an
/// open needs assessment or reassessment, the local authority's request runs on the legal 6 weeks and is recorded on
/// the assessment, as is the advice when it comes, so the statutory dates follow the work.
/// </summary>
public sealed class AdviceService(CommonGroundDbContext db, TeamService teams, AccessService access, Notifier notifier, Attention.AttentionSignals signals, TimeProvider timeProvider)
{
    public const int MaxMonthsAhead = 6;
    public const int PageSize = 25;

    /// <summary>The parts of the record advice can be about.</summary>
    public static IReadOnlyList<RecordArea> Parts => PlanLineText.Parts;

    /// <summary>The requests about the child in parts the person sees, open ones first by date.</summary>
    public async Task<IReadOnlyList<AdviceRequest>> ListForChildAsync(ChildAccess childAccess)
    {
        var parts = Parts.Where(childAccess.CanSee).ToList();
        var requests = await db.AdviceRequests.AsNoTracking().Include(r => r.Recommendations)
            .Where(r => r.ChildId == childAccess.Child.Id && parts.Contains(r.Part)).ToListAsync();
        return requests.OrderBy(r => r.Status).ThenBy(r => r.DueOn).ToList();
    }

    /// <summary>
    /// One page of what a professional has been asked for, across every child whose family still shares the request's
    /// part with them: the advice still to give, soonest due first, or what they gave, newest first; with how many of each.
    /// </summary>
    public async Task<AdviceAskedPage> ListForAdviserAsync(Professional adviser, bool given, int page)
    {
        var mine = AskedOf(adviser);
        var (toGive, gave) = await CountAsync(mine);
        var pageCount = Math.Max(1, ((given ? gave : toGive) + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var shown = given
            ? mine.Where(r => r.Status == AdviceStatus.Given).OrderByDescending(r => r.GivenAt).ThenBy(r => r.Id)
            : mine.Where(r => r.Status == AdviceStatus.Asked).OrderBy(r => r.DueOn).ThenBy(r => r.Id);
        var items = await shown.Skip((page - 1) * PageSize).Take(PageSize)
            .Join(db.Children, r => r.ChildId, c => c.Id, QueryParts.Inline((AdviceRequest r, Child c) => new AskedOfMe(r, Child.ShownNameOf.Apply(c))))
            .ToListAsync();
        return new AdviceAskedPage(items, toGive, gave, page, pageCount);
    }

    /// <summary>How much advice the professional still has to give, counted without reading any of it.</summary>
    public Task<int> CountToGiveAsync(Professional adviser) => AskedOf(adviser).CountAsync(r => r.Status == AdviceStatus.Asked);

    /// <summary>
    /// What the professional was asked for or gave, themselves or (while it waits) through their organisation, about
    /// children whose family shares the request's part with them today.
    /// </summary>
    private IQueryable<AdviceRequest> AskedOf(Professional adviser)
    {
        var today = timeProvider.TodayInUk();
        var (userId, professionalId, organisationId) = (adviser.UserAccountId, adviser.Id, adviser.OrganisationId);
        var places = db.TeamMembers.Where(t => t.LeftAt == null && t.ProfessionalId == professionalId);
        return db.AdviceRequests.AsNoTracking()
            .Where(QueryParts.Inline((AdviceRequest r) => !r.ByFamily
                && (r.AdviserUserId == userId || r.GivenByUserId == userId
                    || (r.OfOrganisation && r.Status == AdviceStatus.Asked && r.AdviserOrganisationId == organisationId))
                && places.Any(t => t.ChildId == r.ChildId && SharedParts.SharesOn.Apply(t, r.Part, today))));
    }

    private static async Task<(int ToGive, int Gave)> CountAsync(IQueryable<AdviceRequest> mine)
    {
        var counts = await mine.GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync();
        return (counts.Where(c => c.Status == AdviceStatus.Asked).Sum(c => c.Count), counts.Where(c => c.Status == AdviceStatus.Given).Sum(c => c.Count));
    }

    public async Task<AdviceRequest?> GetAsync(ChildAccess childAccess, Guid requestId) =>
        await db.AdviceRequests.AsNoTracking().Include(r => r.Recommendations).SingleOrDefaultAsync(r => r.Id == requestId && r.ChildId == childAccess.Child.Id) is { } request
            && childAccess.CanSee(request.Part)
            ? request
            : null;

    /// <summary>Whether asking now would run on an assessment's 6 weeks: the local authority, with an assessment open.</summary>
    public async Task<StatutoryProcess?> AssessmentAsync(ChildAccess childAccess) =>
        childAccess.Can(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess) ? await PlanStatutoryLink.OpenProcessAsync(db, childAccess.Child.Id) : null;

    public async Task<Result<AdviceRequest>> AskAsync(ChildAccess childAccess, AskForAdviceOptions options, UserActor actor)
    {
        if (!childAccess.Can(Capability.WritePlan))
        {
            return new NotAllowedToAskForAdvice();
        }

        if (options.Part is not { } part || !Parts.Contains(part) || !childAccess.CanSee(part))
        {
            return new AdvicePartNotAllowed();
        }

        if (string.IsNullOrWhiteSpace(options.About))
        {
            return new AdviceAboutMissing();
        }

        if (options.About.Trim().Length > AdviceRequest.MaxAboutLength)
        {
            return new TextTooLong("About", AdviceRequest.MaxAboutLength);
        }

        // A named person on the team, or an organisation on it, any of whose staff on the team may give it.
        var team = await teams.ListTeamAsync(childAccess.Child.Id);
        var person = team.SingleOrDefault(t => t.Id == options.AdviserId);
        var asked = person is not null ? [person] : team.Where(t => t.Professional!.OrganisationId == options.AdviserId).ToList();
        if (asked.Count == 0)
        {
            return new AdviserNotOnTeam();
        }

        var organisation = asked[0].Professional!.Organisation!;
        var adviserName = person?.Professional!.UserAccount!.DisplayName ?? organisation.Name;
        var told = new List<Guid>();
        foreach (var member in asked)
        {
            if (await access.GetAsync(childAccess.Child.Id, member.Professional!.UserAccountId) is { } adviserAccess && adviserAccess.CanSee(part))
            {
                told.Add(member.Professional.UserAccountId);
            }
        }

        if (told.Count == 0)
        {
            return new AdviserCannotSeePart(person is null ? $"Nobody from {organisation.Name} on the team" : adviserName, part.ToDisplayName());
        }

        var today = timeProvider.TodayInUk();
        var assessment = await AssessmentAsync(childAccess);
        DateOnly due;
        if (assessment is not null)
        {
            due = TimescaleRules.AdviceDue.Count.From(today, Timescales.England.Calendar);
        }
        else if (options.DueOn is not { } wanted)
        {
            return new AdviceDueMissing();
        }
        else if (wanted <= today || wanted > today.AddMonths(MaxMonthsAhead))
        {
            return new AdviceDueOutOfRange();
        }
        else
        {
            due = wanted;
        }

        var now = timeProvider.UtcNow();
        var author = await db.Professionals.Include(p => p.Organisation).SingleAsync(p => p.UserAccountId == actor.UserId);
        var request = new AdviceRequest
        {
            ChildId = childAccess.Child.Id, AreaId = childAccess.Child.AreaId, Part = part, About = options.About.Trim(),
            AdviserTeamMemberId = person?.Id, AdviserUserId = person?.Professional!.UserAccountId, OfOrganisation = person is null, AdviserName = adviserName,
            AdviserOrganisationId = organisation.Id, AdviserOrganisationName = organisation.Name,
            AskedByUserId = actor.UserId, AskedByName = actor.Name, AskedByOrganisationName = author.Organisation!.Name, AskedAt = now, DueOn = due, ProcessId = assessment?.Id,
        };
        db.AdviceRequests.Add(request);
        db.AuditEvents.Add(Changed(actor, request, now, AuditActions.AdviceRequested, $"Asked {request.StatutoryName} for advice, by {UkDates.Date(due)}"));
        if (assessment is not null)
        {
            var recorded = assessment.Record(StatutoryEventKind.AdviceRequested, today, actor, byFamily: false, now, Timescales.England, detail: request.StatutoryName);
            db.StatutoryEvents.Add(recorded);
            db.AuditEvents.Add(StatutoryChanges.Recorded(actor, assessment, recorded, now));
        }

        foreach (var userId in told.Where(u => u != actor.UserId))
        {
            await notifier.NotifyAsync(userId, NotificationKind.Plans,
                person is not null
                    ? $"{actor.Name} asked you for advice about {childAccess.Child.KnownAs}, by {UkDates.Date(due)}"
                    : $"{actor.Name} asked {organisation.Name} for advice about {childAccess.Child.KnownAs}, by {UkDates.Date(due)}: anyone from it on the team can give it",
                $"Advice asked of {(person is not null ? "you" : organisation.Name)} about {childAccess.Child.KnownAs}, by {UkDates.Date(due)}",
                ChildLinks.AdviceRequest(request.ChildId, request.Id), request.ChildId);
        }
        await db.SaveChangesAsync();
        return request;
    }

    /// <summary>
    /// The family gives their own advice, unasked, with the same weight and visibility as anyone's: a part of the record,
    /// their words, a report they hold from the child's documents, and their recommendations.
    /// </summary>
    public async Task<Result<AdviceRequest>> GiveFamilyAdviceAsync(ChildAccess childAccess, FamilyAdviceOptions options, UserActor actor)
    {
        if (!childAccess.Can(Capability.RespondToPlan))
        {
            return new OnlyTheFamilyGivesTheirOwn();
        }

        if (options.Part is not { } part || !Parts.Contains(part) || !childAccess.CanSee(part))
        {
            return new AdvicePartNotAllowed();
        }

        if (options.About?.Trim().Length > AdviceRequest.MaxAboutLength)
        {
            return new TextTooLong("About", AdviceRequest.MaxAboutLength);
        }

        if (await CheckAdviceAsync(childAccess.Child.Id, part, options.Given) is { } error)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        var request = new AdviceRequest
        {
            ChildId = childAccess.Child.Id, AreaId = childAccess.Child.AreaId, Part = part, ByFamily = true,
            About = string.IsNullOrWhiteSpace(options.About) ? "The family's own advice" : options.About.Trim(),
            AdviserUserId = actor.UserId, AdviserName = actor.Name, AdviserOrganisationName = "the family",
            AskedByUserId = actor.UserId, AskedByName = actor.Name, AskedByOrganisationName = "the family", AskedAt = now, DueOn = now.ToUkDate(),
        };
        request.Give(options.Given.Advice!.Trim(), options.Given.DocumentId, Recommendations(options.Given), now);
        db.AdviceRequests.Add(request);
        db.AuditEvents.Add(Changed(actor, request, now, AuditActions.AdviceGiven,
            $"Gave the family's own advice, with {request.Recommendations.Count} {(request.Recommendations.Count == 1 ? "recommendation" : "recommendations")}"));
        await db.SaveChangesAsync();
        return request;
    }

    /// <summary>The adviser gives their advice, with a report kept as one of the child's documents if they attach one, and its recommendations.</summary>
    public async Task<Result<AdviceRequest>> GiveAsync(ChildAccess childAccess, Guid requestId, int version, GiveAdviceOptions options, UserActor actor)
    {
        var request = await db.AdviceRequests.Include(r => r.Recommendations).SingleOrDefaultAsync(r => r.Id == requestId && r.ChildId == childAccess.Child.Id);
        if (request is null || !childAccess.CanSee(request.Part))
        {
            return new AdviceRequestNotFound();
        }

        if (request.Status != AdviceStatus.Asked)
        {
            return new AdviceAlreadyGiven();
        }

        if (!await MayGiveAsync(db, childAccess, request, actor.UserId))
        {
            return new OnlyTheAdviserGivesAdvice(request.OfOrganisation ? request.AdviserOrganisationName : null);
        }

        if (request.Version != version)
        {
            return new AdviceChangedMeanwhile();
        }

        if (await CheckAdviceAsync(request.ChildId, request.Part, options) is { } error)
        {
            return error;
        }

        var recommendations = Recommendations(options);
        var now = timeProvider.UtcNow();
        request.Give(options.Advice!.Trim(), options.DocumentId, recommendations, now, actor.UserId, actor.Name);
        db.Recommendations.AddRange(request.Recommendations);
        db.AuditEvents.Add(Changed(actor, request, now, AuditActions.AdviceGiven,
            $"Gave advice asked for by {request.AskedByName}, with {recommendations.Count} {(recommendations.Count == 1 ? "recommendation" : "recommendations")}"));
        if (request.ProcessId is { } processId && await db.StatutoryProcesses.Include(p => p.Events).SingleOrDefaultAsync(p => p.Id == processId) is { } process
            && !process.Events.Any(e => e.Kind == StatutoryEventKind.AdviceReceived && e.Detail == request.StatutoryName))
        {
            var recorded = process.Record(StatutoryEventKind.AdviceReceived, now.ToUkDate(), actor, byFamily: false, now, Timescales.England, detail: request.StatutoryName);
            db.StatutoryEvents.Add(recorded);
            db.AuditEvents.Add(StatutoryChanges.Recorded(actor, process, recorded, now));
        }

        await notifier.NotifyAsync(request.AskedByUserId, NotificationKind.Plans, $"{actor.Name} gave the advice you asked for about {childAccess.Child.KnownAs}",
            $"Advice about {childAccess.Child.KnownAs} from {actor.Name}", ChildLinks.AdviceRequest(request.ChildId, request.Id), request.ChildId);
        if (!await db.TrySaveAsync())
        {
            return new AdviceChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(request.ChildId);
        return request;
    }

    /// <summary>Whether the person may give advice still asked for: the person asked, or for an organisation, anyone from it on the child's team.</summary>
    public static async Task<bool> MayGiveAsync(CommonGroundDbContext db, ChildAccess childAccess, AdviceRequest request, Guid? userId) =>
        userId is { } id && request is { Status: AdviceStatus.Asked, ByFamily: false } && childAccess.TeamMemberId is not null
        && (request.AdviserUserId == id
            || (request.OfOrganisation && await db.Professionals.AnyAsync(p => p.UserAccountId == id && p.OrganisationId == request.AdviserOrganisationId && p.DeactivatedAt == null)));

    private static List<string> Recommendations(GiveAdviceOptions options) =>
        options.Recommendations.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();

    /// <summary>What any advice must be, whoever gives it: words, at most 20 short recommendations, and a report from the same part of the record.</summary>
    private async Task<Error?> CheckAdviceAsync(Guid childId, RecordArea part, GiveAdviceOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Advice))
        {
            return new AdviceMissing();
        }

        if (options.Advice.Trim().Length > AdviceRequest.MaxAdviceLength)
        {
            return new TextTooLong("Advice", AdviceRequest.MaxAdviceLength);
        }

        var recommendations = Recommendations(options);
        if (recommendations.Count > Recommendation.MaxPerAdvice)
        {
            return new TooManyRecommendations();
        }

        if (recommendations.Any(r => r.Length > Recommendation.MaxTextLength))
        {
            return new RecommendationTooLong();
        }

        return options.DocumentId is { } documentId
            && !await db.Documents.AnyAsync(d => d.Id == documentId && d.ChildId == childId && d.RemovedAt == null && d.Part == part)
            ? new ReportNotFound()
            : null;
    }

    internal static AuditEvent Changed(Actor actor, AdviceRequest request, DateTime at, string action, string summary) =>
        AuditEvent.ForChild(actor, request.ChildId, request.AreaId, at, new ChildChange(action, request.Part, summary, new ChangeSubject.Advice(request.Id)));
}
