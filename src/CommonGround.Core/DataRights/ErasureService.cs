using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.DataRights;

public sealed record AskForErasureOptions(string? Reason);

public sealed record AnswerErasureOptions(ErasureAnswer? Answer, string? Explanation);

/// <summary>
/// A family asks for their child's record to be erased; the local authority on the child's team, who may close the
/// record, answers within one month. Erasing is closing the record as opened by mistake, so the erasure job does it 30
/// days later and a wrong answer can still be undone by reopening it.
/// </summary>
public sealed class ErasureService(CommonGroundDbContext db, RecordClosureService closures, Notifier notifier, Attention.AttentionSignals attention, TimeProvider timeProvider)
{
    /// <summary>
    /// Who may ask: a parent carer or the young person, and only the young person once they decide for themself. The
    /// request speaks for the child, so it is theirs, or their parents', to make.
    /// </summary>
    public static bool MayAsk(ChildAccess access) => MayAsk(access.Relationship);

    private static bool MayAsk(ChildRelationship relationship) => relationship switch
    {
        { Kind: RelationshipKind.YoungPerson } => true,
        { Kind: RelationshipKind.ParentCarer, YoungPersonDecides: false } => true,
        _ => false,
    };

    /// <summary>Whether anyone could answer a request now: someone from the local authority on the child's team.</summary>
    public Task<bool> HasAnswererAsync(Guid childId) => RecordClosureService.WhoMayClose(db).AnyAsync(t => t.ChildId == childId);

    public async Task<Result<ErasureRequest>> AskAsync(ChildAccess access, AskForErasureOptions options, UserActor actor)
    {
        var reason = options.Reason?.Trim() ?? "";
        var child = access.Child;
        Error? error = true switch
        {
            _ when !MayAsk(access) => new NotYoursToAskForErasure(),
            _ when child.ClosedUnderRule == RetentionSchedule.OpenedInError.Key => new RecordAlreadyBeingErased(child.EraseOn!.Value),
            _ when !await HasAnswererAsync(child.Id) => new NobodyToAnswerErasure(),
            _ when reason.Length == 0 => new SayWhyErase(),
            _ when reason.Length > ErasureRequest.MaxTextLength => new TextTooLong("Reason", ErasureRequest.MaxTextLength),
            _ when await db.ErasureRequests.AnyAsync(r => r.ChildId == child.Id && r.Answer == ErasureAnswer.Waiting) => new ErasureAlreadyWaiting(),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        var request = new ErasureRequest
        {
            ChildId = child.Id, AreaId = child.AreaId, Reason = reason, RequestedByUserId = actor.UserId, RequestedByName = actor.Name,
            RequestedAt = now, DueOn = OneMonthClock.DueOn(now, WorkingDayCalendar.EnglandAndWales),
        };
        db.ErasureRequests.Add(request);
        db.AuditEvents.Add(Change(actor, child, request, now, AuditActions.ErasureRequested,
            $"{actor.Name} asked for the record to be erased, to be answered by {UkDates.Date(request.DueOn)}"));
        foreach (var answerer in await RecordClosureService.WhoMayClose(db).Where(t => t.ChildId == child.Id).Select(t => t.Professional!.UserAccountId).Distinct().ToListAsync())
        {
            await notifier.NotifyAsync(answerer, NotificationKind.ConcernRaised,
                $"{child.KnownAs}'s family asked for the record to be erased",
                $"{child.KnownAs}'s family asked for {child.KnownAs}'s record to be erased. Answer by {UkDates.Date(request.DueOn)}",
                ChildLinks.ErasureRequest(child.Id, request.Id), child.Id);
        }

        await db.SaveChangesAsync();
        await attention.RefreshAfterChangeAsync(child.Id);
        return request;
    }

    public async Task<Result<ErasureRequest>> AnswerAsync(ChildAccess access, Guid requestId, AnswerErasureOptions options, UserActor actor)
    {
        var request = await db.ErasureRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ChildId == access.Child.Id);
        if (request is null)
        {
            return new ErasureRequestNotFound();
        }

        var child = await db.Children.SingleAsync(c => c.Id == access.Child.Id);
        var explanation = string.IsNullOrWhiteSpace(options.Explanation) ? null : options.Explanation.Trim();
        Error? error = true switch
        {
            _ when !await closures.MayCloseAsync(access) => new NotYoursToClose(),
            _ when !request.IsWaiting => new ErasureAlreadyAnswered(),
            _ when options.Answer is null or ErasureAnswer.Waiting => new ChooseErasureAnswer(),
            _ when options.Answer == ErasureAnswer.ClosedAndKept && child.IsClosed => new RecordAlreadyClosed(),
            _ when options.Answer != ErasureAnswer.Erasing && explanation is null => new ExplainErasureAnswer(),
            _ when explanation?.Length > ErasureRequest.MaxTextLength => new TextTooLong("Explanation", ErasureRequest.MaxTextLength),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        var today = now.ToUkDate();
        var answer = options.Answer!.Value;
        request.Give(answer, explanation, actor.UserId, actor.Name, now);
        var note = $"At the family's request, asked on {UkDates.Date(request.RequestedAt.ToUkDate())}";
        var (action, summary, told) = answer switch
        {
            ErasureAnswer.Erasing => Close(RetentionSchedule.OpenedInError, AuditActions.ErasureAgreed,
                $"{actor.Name} agreed to erase the record, as opened by mistake"),
            ErasureAnswer.ClosedAndKept => Close(RetentionSchedule.SendRecord, AuditActions.ErasureClosedAndKept,
                $"{actor.Name} closed the record at the family's request, to be kept as the law requires"),
            _ => (AuditActions.ErasureRefused, $"{actor.Name} answered the request to erase the record: it is kept, and they said why",
                $"{actor.Name} answered your request to erase {child.KnownAs}'s record. It is kept for now. Sign in to read why, and what you can do if you disagree."),
        };
        db.AuditEvents.Add(Change(actor, child, request, now, action, summary));
        foreach (var member in await FamilyWhoMayAskAsync(child))
        {
            await notifier.NotifyAsync(member, NotificationKind.YourData, $"The local authority answered the request to erase {child.KnownAs}'s record", told,
                ChildLinks.ErasureRequest(child.Id, request.Id), child.Id, mandatory: true);
        }

        await db.SaveChangesAsync();
        await attention.RefreshAfterChangeAsync(child.Id);
        return request;

        (string, string, string) Close(RetentionRule rule, string closeAction, string closeSummary)
        {
            // A record closed when support ended is closed again as opened by mistake, so its erasure date is the new
            // rule's; one already closed as opened by mistake keeps its date.
            if (child.ClosedUnderRule != rule.Key)
            {
                if (child.IsClosed)
                {
                    child.Reopen();
                }

                child.Close(rule, note, actor.Name, today);
            }

            var erase = UkDates.Date(child.EraseOn!.Value);
            return (closeAction, $"{closeSummary}. It is closed and will be erased on {erase}",
                rule == RetentionSchedule.OpenedInError
                    ? $"{actor.Name} agreed to erase {child.KnownAs}'s record. It is closed, and will be erased on {erase}. You can still read it and download a copy until then."
                    : $"{actor.Name} closed {child.KnownAs}'s record. The law requires it to be kept until {erase}, when it will be erased. Nothing new can be added, and you can still read it and download a copy.");
        }
    }

    /// <summary>Every request about the child, waiting first, then newest.</summary>
    public async Task<IReadOnlyList<ErasureRequest>> ForChildAsync(Guid childId) =>
        await db.ErasureRequests.AsNoTracking().Where(r => r.ChildId == childId)
            .OrderBy(r => r.Answer == ErasureAnswer.Waiting ? 0 : 1).ThenByDescending(r => r.RequestedAt).ToListAsync();

    public Task<ErasureRequest?> FindAsync(Guid childId, Guid requestId) =>
        db.ErasureRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.ChildId == childId);

    public Task<ErasureRequest?> WaitingAsync(Guid childId) =>
        db.ErasureRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ChildId == childId && r.Answer == ErasureAnswer.Waiting);

    /// <summary>The family members who may ask, and so hear the answer: the parents, or only the young person once they decide.</summary>
    private async Task<List<Guid>> FamilyWhoMayAskAsync(Child child)
    {
        var family = await db.FamilyMembers.AsNoTracking().Where(f => f.ChildId == child.Id).Select(f => new { f.UserAccountId, f.Relationship }).ToListAsync();
        var youngPersonDecides = ChildRelationship.DecidedByYoungPerson(child, timeProvider.TodayInUk(), family.Select(f => f.Relationship));
        return family.Where(f => MayAsk(ChildRelationship.OfFamily(f.Relationship, youngPersonDecides))).Select(f => f.UserAccountId).ToList();
    }

    private static AuditEvent Change(Actor actor, Child child, ErasureRequest request, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(action, null, summary, new ChangeSubject.Erasure(request.Id)));
}
