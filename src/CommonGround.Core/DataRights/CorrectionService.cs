using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.DataRights;

public sealed record AskForCorrectionOptions(CorrectableKind Kind, Guid SubjectId, string? WhatIsWrong, string? SuggestedWords);

public sealed record AnswerCorrectionOptions(bool? Correct, string? CorrectedWords, string? Explanation);

/// <summary>A professional's words a family may ask to correct, with the organisation that answers for them and where they are shown.</summary>
public sealed record CorrectableWords(
    CorrectableKind Kind, Guid SubjectId, RecordArea Part, string Words, Guid? AuthorUserId, string AuthorName,
    Guid OrganisationId, string OrganisationName, string Link, ChangeSubject Subject);

/// <summary>
/// Corrections on a one-month clock: the family points at a professional's words and says what is wrong; the author,
/// or an admin of the author's organisation, corrects them or says why not. The original words are never changed.
/// </summary>
public sealed class CorrectionService(CommonGroundDbContext db, Notifier notifier, Attention.AttentionSignals attention, TimeProvider timeProvider)
{
    /// <summary>The words, if they are a professional's about this child, in a part of the record the person sees.</summary>
    public async Task<CorrectableWords?> WordsAsync(ChildAccess access, CorrectableKind kind, Guid subjectId)
    {
        var words = kind switch
        {
            CorrectableKind.ConcernAnswer => await ConcernAnswerAsync(access.Child, subjectId),
            CorrectableKind.Message => await MessageAsync(access.Child, subjectId),
            CorrectableKind.DeliveryNote => await DeliveryNoteAsync(access.Child, subjectId),
            CorrectableKind.Advice => await AdviceAsync(access.Child, subjectId),
            _ => null,
        };
        return words is not null && access.CanSee(words.Part) ? words : null;
    }

    public async Task<Result<CorrectionRequest>> AskAsync(ChildAccess access, AskForCorrectionOptions options, UserActor actor)
    {
        var whatIsWrong = options.WhatIsWrong?.Trim() ?? "";
        var suggested = string.IsNullOrWhiteSpace(options.SuggestedWords) ? null : options.SuggestedWords.Trim();
        var words = access.IsFamily ? await WordsAsync(access, options.Kind, options.SubjectId) : null;
        Error? error = true switch
        {
            _ when !access.IsFamily => new OnlyTheFamilyAsksForCorrections(),
            _ when words is null => new CorrectableWordsNotFound(),
            _ when whatIsWrong.Length == 0 => new SayWhatIsWrong(),
            _ when whatIsWrong.Length > CorrectionRequest.MaxTextLength => new TextTooLong("WhatIsWrong", CorrectionRequest.MaxTextLength),
            _ when suggested?.Length > CorrectionRequest.MaxTextLength => new TextTooLong("SuggestedWords", CorrectionRequest.MaxTextLength),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        if (await db.CorrectionRequests.AnyAsync(r => r.SubjectId == options.SubjectId && r.Status == CorrectionStatus.Waiting))
        {
            return new CorrectionAlreadyWaiting();
        }

        var child = access.Child;
        var now = timeProvider.UtcNow();
        var request = new CorrectionRequest
        {
            ChildId = child.Id, AreaId = child.AreaId, Kind = words!.Kind, SubjectId = words.SubjectId, Part = words.Part, Link = words.Link,
            Words = words.Words, WhatIsWrong = whatIsWrong, SuggestedWords = suggested,
            AuthorUserId = words.AuthorUserId, AuthorName = words.AuthorName, OrganisationId = words.OrganisationId, OrganisationName = words.OrganisationName,
            RequestedByUserId = actor.UserId, RequestedByName = actor.Name, RequestedAt = now, DueOn = OneMonthClock.DueOn(now, WorkingDayCalendar.EnglandAndWales),
        };
        db.CorrectionRequests.Add(request);
        db.AuditEvents.Add(Change(actor, child, request, now, AuditActions.CorrectionRequested,
            $"{actor.Name} asked {request.OrganisationName} to correct {request.AuthorName}'s words, to answer by {UkDates.Date(request.DueOn)}"));
        foreach (var answerer in await AnswerersAsync(request))
        {
            await notifier.NotifyAsync(answerer, NotificationKind.ConcernRaised,
                $"{child.KnownAs}'s family asked for {request.AuthorName}'s words to be corrected",
                $"{child.KnownAs}'s family asked for words about {child.KnownAs} to be corrected. Answer by {UkDates.Date(request.DueOn)}",
                ChildLinks.Correction(child.Id, request.Id), child.Id, area: request.Part);
        }

        await db.SaveChangesAsync();
        await attention.RefreshAfterChangeAsync(child.Id);
        return request;
    }

    public async Task<Result<CorrectionRequest>> AnswerAsync(ChildAccess access, Guid requestId, AnswerCorrectionOptions options, UserActor actor)
    {
        var request = await db.CorrectionRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ChildId == access.Child.Id);
        if (request is null || !access.CanSee(request.Part))
        {
            return new CorrectionNotFound();
        }

        var corrected = options.CorrectedWords?.Trim() ?? "";
        var explanation = string.IsNullOrWhiteSpace(options.Explanation) ? null : options.Explanation.Trim();
        Error? error = true switch
        {
            _ when !await MayAnswerAsync(request, actor.UserId) => new NotYoursToAnswer(),
            _ when !request.IsWaiting => new CorrectionAlreadyAnswered(),
            _ when options.Correct is null => new ChooseCorrectOrNot(),
            _ when options.Correct == true && corrected.Length == 0 => new EnterCorrectedWords(),
            _ when options.Correct == true && corrected == request.Words => new CorrectedWordsUnchanged(),
            _ when options.Correct == true && corrected.Length > Advice.AdviceRequest.MaxAdviceLength => new TextTooLong("CorrectedWords", Advice.AdviceRequest.MaxAdviceLength),
            _ when options.Correct == false && explanation is null => new ExplainWhyNot(),
            _ when explanation?.Length > CorrectionRequest.MaxTextLength => new TextTooLong("Explanation", CorrectionRequest.MaxTextLength),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        var child = access.Child;
        if (options.Correct == true)
        {
            request.Correct(corrected, explanation, actor.UserId, actor.Name, now);
            db.AuditEvents.Add(Change(actor, child, request, now, AuditActions.CorrectionMade,
                $"{actor.Name} corrected {(request.AuthorUserId == actor.UserId ? "their own" : $"{request.AuthorName}'s")} words at the family's request; the earlier words are kept"));
        }
        else
        {
            request.Refuse(explanation!, actor.UserId, actor.Name, now);
            db.AuditEvents.Add(Change(actor, child, request, now, AuditActions.CorrectionRefused,
                $"{actor.Name} did not correct {(request.AuthorUserId == actor.UserId ? "their own" : $"{request.AuthorName}'s")} words, and said why"));
        }

        await notifier.NotifyAsync(request.RequestedByUserId, NotificationKind.YourData,
            request.Status == CorrectionStatus.Corrected
                ? $"{request.OrganisationName} corrected the words you asked about on {child.KnownAs}'s record"
                : $"{request.OrganisationName} answered your request to correct words on {child.KnownAs}'s record",
            $"{request.OrganisationName} answered your request to correct words on {child.KnownAs}'s record. Sign in to read the answer.",
            ChildLinks.Correction(child.Id, request.Id), child.Id, mandatory: true, area: request.Part);
        await db.SaveChangesAsync();
        await attention.RefreshAfterChangeAsync(child.Id);
        return request;
    }

    /// <summary>Every request about the child in parts the person sees, waiting ones first, then newest.</summary>
    public async Task<IReadOnlyList<CorrectionRequest>> ForChildAsync(ChildAccess access)
    {
        var parts = access.SharedAreas.ToList();
        return await db.CorrectionRequests.AsNoTracking()
            .Where(r => r.ChildId == access.Child.Id && parts.Contains(r.Part))
            .OrderBy(r => r.Status == CorrectionStatus.Waiting ? 0 : 1).ThenByDescending(r => r.RequestedAt)
            .ToListAsync();
    }

    public async Task<CorrectionRequest?> FindAsync(ChildAccess access, Guid requestId)
    {
        var request = await db.CorrectionRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.ChildId == access.Child.Id);
        return request is not null && access.CanSee(request.Part) ? request : null;
    }

    /// <summary>
    /// The corrected words to show in place of each of these, and any request still waiting on them: pages showing a
    /// professional's words ask this once for all they show.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, CorrectionRequest>> LatestForAsync(Guid childId, IReadOnlyCollection<Guid> subjectIds)
    {
        var requests = await db.CorrectionRequests.AsNoTracking()
            .Where(r => r.ChildId == childId && subjectIds.Contains(r.SubjectId) && r.Status != CorrectionStatus.NotCorrected)
            .ToListAsync();
        return requests.GroupBy(r => r.SubjectId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.IsWaiting ? 1 : 0).ThenByDescending(r => r.AnsweredAt).First());
    }

    public Task<bool> MayAnswerAsync(CorrectionRequest request, Guid userId) =>
        db.Professionals.Where(AnswersFor(request)).AnyAsync(p => p.UserAccountId == userId);

    /// <summary>Who answers a request: the author, or an admin of the author's organisation, while their place is active.</summary>
    private static System.Linq.Expressions.Expression<Func<Organisations.Professional, bool>> AnswersFor(CorrectionRequest request) =>
        p => p.DeactivatedAt == null
            && ((request.AuthorUserId != null && p.UserAccountId == request.AuthorUserId) || (p.IsOrganisationAdmin && p.OrganisationId == request.OrganisationId));

    /// <summary>
    /// Who is told: the author and the admins of the author's organisation, each only while they may read the words on
    /// the child's record. The organisation's admins see every waiting request, without the words, on its own page.
    /// </summary>
    private Task<List<Guid>> AnswerersAsync(CorrectionRequest request)
    {
        var today = timeProvider.TodayInUk();
        var shared = db.SharingConsents.Where(Team.SharingConsent.ActiveOn(today)).Where(c => c.ChildId == request.ChildId && c.Area == request.Part);
        return db.Professionals.Where(AnswersFor(request))
            .Where(p => db.TeamMembers.Any(t => t.ChildId == request.ChildId && t.ProfessionalId == p.Id && t.LeftAt == null && shared.Any(c => c.TeamMemberId == t.Id)))
            .Select(p => p.UserAccountId).Distinct().ToListAsync();
    }

    /// <summary>The organisation's requests still waiting, soonest due first, for its admins' page: who and when, never the words.</summary>
    public async Task<IReadOnlyList<(CorrectionRequest Request, string ChildName)>> WaitingForOrganisationAsync(Guid organisationId)
    {
        var rows = await db.CorrectionRequests.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.Status == CorrectionStatus.Waiting)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new { Request = r, Child = db.Children.Where(c => c.Id == r.ChildId).Select(Child.ShownNameOf).Single() })
            .ToListAsync();
        return rows.Select(r => (r.Request, r.Child)).ToList();
    }

    private async Task<CorrectableWords?> ConcernAnswerAsync(Child child, Guid id)
    {
        var found = await db.ConcernUpdates.AsNoTracking()
            .Where(u => u.Id == id && u.ChildId == child.Id && !u.ByFamily && u.ByUserId != null && u.Text != null)
            .Join(db.Concerns, u => u.ConcernId, c => c.Id, (u, c) => new { u.Text, u.ByUserId, u.ByName, c.Id, c.OwnerOrganisationId, c.OwnerOrganisationName })
            .SingleOrDefaultAsync();
        return found is null ? null : await WithOrganisationAsync(child, found.ByUserId, found.OwnerOrganisationId, found.OwnerOrganisationName,
            (organisationId, organisationName) => new CorrectableWords(CorrectableKind.ConcernAnswer, id, RecordArea.Concerns, found.Text!, found.ByUserId, found.ByName,
                organisationId, organisationName, ChildLinks.Concern(child.Id, found.Id), new ChangeSubject.Concern(found.Id)));
    }

    private async Task<CorrectableWords?> MessageAsync(Child child, Guid id)
    {
        var found = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.ChildId == child.Id && !m.ByFamily);
        return found is null ? null : await WithOrganisationAsync(child, found.AuthorUserId, null, found.AuthorOrganisationName,
            (organisationId, organisationName) => new CorrectableWords(CorrectableKind.Message, id, RecordArea.Concerns, found.Text, found.AuthorUserId, found.AuthorName,
                organisationId, organisationName, ChildLinks.Conversation(child.Id, found.ConversationId), new ChangeSubject.Conversation(found.ConversationId)));
    }

    private async Task<CorrectableWords?> DeliveryNoteAsync(Child child, Guid id)
    {
        var found = await db.DeliveryRecords.AsNoTracking()
            .Where(d => d.Id == id && d.ChildId == child.Id && d.Note != null)
            .Join(db.Commitments, d => d.CommitmentId, c => c.Id, (d, c) => new { d.Note, d.RecordedByUserId, d.RecordedByName, c.Id, c.OwnerOrganisationId, c.OwnerOrganisationName })
            .SingleOrDefaultAsync();
        return found is null ? null : await WithOrganisationAsync(child, found.RecordedByUserId, found.OwnerOrganisationId, found.OwnerOrganisationName,
            (organisationId, organisationName) => new CorrectableWords(CorrectableKind.DeliveryNote, id, RecordArea.Commitments, found.Note!, found.RecordedByUserId, found.RecordedByName,
                organisationId, organisationName, ChildLinks.Commitment(child.Id, found.Id), new ChangeSubject.Commitment(found.Id)));
    }

    private async Task<CorrectableWords?> AdviceAsync(Child child, Guid id)
    {
        var found = await db.AdviceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ChildId == child.Id && !r.ByFamily && r.Advice != null);
        return found is null ? null : await WithOrganisationAsync(child, found.AdviserInPerson, found.AdviserOrganisationId, found.AdviserOrganisationName,
            (organisationId, organisationName) => new CorrectableWords(CorrectableKind.Advice, id, found.Part, found.Advice!, found.AdviserInPerson, found.GivenByName ?? found.AdviserName,
                organisationId, organisationName, ChildLinks.AdviceRequest(child.Id, id), new ChangeSubject.Advice(id)));
    }

    /// <summary>
    /// The organisation that answers for an author's words: the one they wrote for in the child's area, or, if their
    /// account has gone, the organisation the words were written for.
    /// </summary>
    private async Task<CorrectableWords?> WithOrganisationAsync(Child child, Guid? authorUserId, Guid? fallbackId, string? fallbackName, Func<Guid, string, CorrectableWords> make)
    {
        var own = authorUserId is { } userId
            ? await db.Professionals.AsNoTracking().Where(p => p.UserAccountId == userId && p.AreaId == child.AreaId)
                .OrderBy(p => p.DeactivatedAt != null).Select(p => new { p.OrganisationId, p.Organisation!.Name }).FirstOrDefaultAsync()
            : null;
        if (own is not null)
        {
            return make(own.OrganisationId, own.Name);
        }

        return fallbackId is { } id ? make(id, fallbackName ?? "") : null;
    }

    private static AuditEvent Change(Actor actor, Child child, CorrectionRequest request, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, child.Id, child.AreaId, now, new ChildChange(action, request.Part, summary, new ChangeSubject.Correction(request.Id)));
}
