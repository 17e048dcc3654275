using System.Linq.Expressions;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Team;

/// <summary>Who covers for the key worker and when: <paramref name="From"/> empty means from today.</summary>
public sealed record SetCoverOptions(Guid? CoverPlaceId, DateOnly? From, DateOnly? Until, string? Note);

/// <summary>
/// Cover for the key worker: set by the key worker themself or by whoever manages the team, one cover at a time,
/// told to the cover and the family. A cover counts only while both places stand and the key worker is still key worker.
/// </summary>
public sealed class CoverService(CommonGroundDbContext db, Notifier notifier, TimeProvider timeProvider)
{
    public const int MaxWeeks = 52;

    /// <summary>The child's cover running today or still to come, soonest first.</summary>
    public async Task<IReadOnlyList<Cover>> CurrentAndComingAsync(Guid childId)
    {
        var today = timeProvider.TodayInUk();
        return await StandingCovers(db, today).Where(c => c.ChildId == childId).OrderBy(c => c.From).AsNoTracking().ToListAsync();
    }

    /// <summary>
    /// Whether a cover stands on a day: not ended and not past, its key worker still key worker and its cover still on
    /// the team. Written once, for queries made each time (<see cref="StandingCovers"/>) and queries compiled once.
    /// </summary>
    public static readonly Expression<Func<CommonGroundDbContext, Cover, DateOnly, bool>> Stands = (db, c, today) =>
        c.EndedAt == null && c.Until >= today
        && db.TeamMembers.Any(t => t.Id == c.KeyWorkerPlaceId && t.LeftAt == null && t.IsKeyWorker)
        && db.TeamMembers.Any(t => t.Id == c.CoverPlaceId && t.LeftAt == null);

    /// <summary>The covers that stand today (<see cref="Stands"/>).</summary>
    public static IQueryable<Cover> StandingCovers(CommonGroundDbContext db, DateOnly today) =>
        db.Covers.Where(QueryParts.Inline((Cover c) => Stands.Apply(db, c, today)));

    /// <summary>Whether a cover runs on a day: it stands (<see cref="Stands"/>) and has begun, so its cover acts for the key worker.</summary>
    public static readonly Expression<Func<CommonGroundDbContext, Cover, DateOnly, bool>> Runs = (db, c, today) =>
        c.From <= today && Stands.Apply(db, c, today);

    /// <summary>The covers running today (<see cref="Runs"/>).</summary>
    public static IQueryable<Cover> RunningCovers(CommonGroundDbContext db, DateOnly today) =>
        db.Covers.Where(QueryParts.Inline((Cover c) => Runs.Apply(db, c, today)));

    /// <summary>Whoever manages the team arranges cover: the family, a team lead, or the key worker for themself.</summary>
    public static bool MayArrange(ChildAccess access) => access.Can(Capability.ManageTeam);

    public async Task<Result<Cover>> SetAsync(ChildAccess access, SetCoverOptions options, UserActor actor)
    {
        var childId = access.Child.Id;
        var team = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .Where(t => t.ChildId == childId && t.LeftAt == null && t.Professional!.DeactivatedAt == null).ToListAsync();
        var keyWorker = team.FirstOrDefault(t => t.IsKeyWorker);
        if (keyWorker is null)
        {
            return new NoKeyWorkerToCover();
        }

        if (!MayArrange(access))
        {
            return new NotAllowedForCover();
        }

        var today = timeProvider.TodayInUk();
        var from = options.From ?? today;
        var cover = team.FirstOrDefault(t => t.Id == options.CoverPlaceId && t.Id != keyWorker.Id);
        Error? invalid = options switch
        {
            _ when cover is null => new CoverMissing(),
            _ when from < today => new CoverFromInPast(),
            _ when from > today.AddDays(7 * MaxWeeks) => new CoverFromTooFar(),
            { Until: null } => new CoverUntilMissing(),
            { Until: { } last } when last < from => new CoverUntilBeforeFrom(),
            { Until: { } last } when last > from.AddDays(7 * MaxWeeks) => new CoverTooLong(),
            { Note.Length: > Cover.MaxNoteLength } => new CoverNoteTooLong(),
            _ => null,
        };
        if (invalid is not null)
        {
            return invalid;
        }

        var until = options.Until!.Value;
        var overlapping = await StandingCovers(db, today).Where(c => c.ChildId == childId && c.From <= until && c.Until >= from).AsNoTracking().FirstOrDefaultAsync();
        if (overlapping is not null)
        {
            return new CoverOverlaps(overlapping.CoverName, overlapping.From, overlapping.Until);
        }

        var now = timeProvider.UtcNow();
        var keyWorkerName = keyWorker.Professional!.UserAccount!.DisplayName;
        var coverName = cover!.Professional!.UserAccount!.DisplayName;
        var row = new Cover
        {
            ChildId = childId, AreaId = access.Child.AreaId,
            KeyWorkerPlaceId = keyWorker.Id, KeyWorkerProfessionalId = keyWorker.ProfessionalId, KeyWorkerUserId = keyWorker.Professional.UserAccountId, KeyWorkerName = keyWorkerName,
            CoverPlaceId = cover.Id, CoverProfessionalId = cover.ProfessionalId, CoverUserId = cover.Professional.UserAccountId, CoverName = coverName,
            From = from, Until = until, Note = string.IsNullOrWhiteSpace(options.Note) ? null : options.Note.Trim(),
            SetByUserId = actor.UserId, SetByName = actor.Name, SetAt = now,
        };
        db.Covers.Add(row);
        var when = $"from {UkDates.Date(from)} until {UkDates.Date(until)}";
        db.AuditEvents.Add(AuditEvent.ForChild(actor, childId, access.Child.AreaId, now, new ChildChange(AuditActions.CoverSet, null,
            $"{coverName} covers for {keyWorkerName}, the key worker, {when}", new ChangeSubject.Team())));
        var child = access.Child.KnownAs;
        if (cover.Professional.UserAccountId != actor.UserId)
        {
            await notifier.NotifyAsync(cover.Professional.UserAccountId, NotificationKind.Commitments, $"You cover for {keyWorkerName} as {child}'s key worker {when}",
                $"You cover for {keyWorkerName} as {child}'s key worker {when}", ChildLinks.Team(childId), childId, mandatory: true);
        }

        foreach (var familyUser in await db.FamilyMembers.Where(f => f.ChildId == childId && f.UserAccountId != actor.UserId).Select(f => f.UserAccountId).ToListAsync())
        {
            await notifier.NotifyAsync(familyUser, NotificationKind.Commitments, $"{coverName} covers for {keyWorkerName}, {child}'s key worker, {when}",
                $"{coverName} covers for {keyWorkerName}, {child}'s key worker, {when}", ChildLinks.Team(childId), childId, mandatory: true);
        }

        await db.SaveChangesAsync();
        return row;
    }

    /// <summary>Ends cover early, or takes back cover still to come; the row stays so the record says who covered when.</summary>
    public async Task<Result<Cover>> EndAsync(ChildAccess access, Guid coverId, UserActor actor)
    {
        var today = timeProvider.TodayInUk();
        var cover = await StandingCovers(db, today).SingleOrDefaultAsync(c => c.Id == coverId && c.ChildId == access.Child.Id);
        if (cover is null)
        {
            return new CoverNotFound();
        }

        if (!MayArrange(access))
        {
            return new NotAllowedForCover();
        }

        var now = timeProvider.UtcNow();
        cover.End(now);
        db.AuditEvents.Add(AuditEvent.ForChild(actor, cover.ChildId, cover.AreaId, now, new ChildChange(AuditActions.CoverEnded, null,
            cover.From > today ? $"Took back the cover {cover.CoverName} was to give for {cover.KeyWorkerName}" : $"{cover.CoverName} stopped covering for {cover.KeyWorkerName}, the key worker",
            new ChangeSubject.Team())));
        await db.SaveChangesAsync();
        return cover;
    }
}
