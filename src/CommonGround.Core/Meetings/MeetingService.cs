using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Meetings;

public sealed record ScheduleMeetingOptions(
    Guid ChildId, MeetingKind Kind, DateOnly Date, TimeOnly Time, int DurationMinutes, string? Place, string? OnlineLink,
    IReadOnlyCollection<Guid> InviteeUserIds, Guid NoteTakerUserId);

public sealed record RescheduleMeetingOptions(Guid ChildId, Guid MeetingId, DateOnly Date, TimeOnly Time, int DurationMinutes, string? Place, string? OnlineLink);

/// <summary>
/// The note-taker's record. <paramref name="Attended"/> lists the invitees who were there; <paramref name="AgendaNotes"/>
/// is keyed by agenda item. An agreed record changes only with an <paramref name="AmendmentReason"/>.
/// </summary>
public sealed record WriteRecordOptions(
    Guid ChildId, Guid MeetingId, int Version, string? FamilyViews, string? ChildViews, string? Decisions, string? OthersPresent,
    IReadOnlyCollection<Guid> Attended, IReadOnlyDictionary<Guid, string?> AgendaNotes, string? AmendmentReason);

public sealed record AddActionOptions(Guid ChildId, Guid MeetingId, string? What, CommitmentArea Area, Guid? OwnerTeamMemberId, DateOnly? DueDate);

/// <summary>Someone who may be invited to a child's meeting.</summary>
public sealed record InviteeChoice(Guid UserAccountId, string Name, string Email, string Role, bool IsFamily, Guid? TeamMemberId);

/// <summary>
/// How families answered "Did you feel listened to?" about one organisation's meetings. The figures are empty when
/// fewer than <see cref="MeetingService.MinimumAnswersToShow"/> answered, so no one family's answer can be picked out.
/// </summary>
public sealed record ListeningSummary(int Answers, decimal? AverageScore, IReadOnlyDictionary<int, int>? CountByScore)
{
    public bool IsShown => AverageScore is not null;
}

/// <summary>"Did you feel listened to?" for one organisation: overall, and for each kind of meeting.</summary>
public sealed record ListeningReport(ListeningSummary Overall, IReadOnlyList<(MeetingKind Kind, ListeningSummary Summary)> ByKind);

public sealed class MeetingService(CommonGroundDbContext db, AccessService access, CommitmentService commitments, EmailOutbox outbox, Notifier notifier, AttentionSignals signals, TimeProvider timeProvider)
{
    public const int MinimumAnswersToShow = 5;

    /// <summary>The child's meetings, soonest upcoming first, then past ones newest first.</summary>
    public async Task<IReadOnlyList<Meeting>> ListForChildAsync(Guid childId)
    {
        var now = timeProvider.UtcNow();
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Invitees).Where(m => m.ChildId == childId).ToListAsync();
        return meetings.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt)
            .Concat(meetings.Where(m => m.EndsAt < now).OrderByDescending(m => m.StartsAt))
            .ToList();
    }

    public Task<Meeting?> GetAsync(Guid childId, Guid meetingId) =>
        db.Meetings.AsNoTracking().Include(m => m.Invitees).Include(m => m.AgendaItems)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId && m.ChildId == childId);

    /// <summary>The commitments made as the meeting's actions.</summary>
    /// <summary>The record as it stands now, as the person may read it (actions about parts not shared with them left out).</summary>
    public async Task<MeetingRecordContent> RecordShownToAsync(ChildAccess childAccess, Meeting meeting) =>
        MeetingRecordContent.Of(meeting, await db.Commitments.AsNoTracking().Where(c => c.MeetingId == meeting.Id && c.ChildId == childAccess.Child.Id).ToListAsync())
            .ShownTo(childAccess);

    /// <summary>The meeting's actions about parts of the record the person may see.</summary>
    public async Task<List<Commitment>> ListActionsAsync(ChildAccess childAccess, Guid meetingId) =>
        (await db.Commitments.AsNoTracking().Where(c => c.MeetingId == meetingId && c.ChildId == childAccess.Child.Id).OrderBy(c => c.CreatedAt).ToListAsync())
            .Where(c => c.RecordArea.AlsoBelongsTo() is not { } part || childAccess.CanSee(part))
            .ToList();

    public Task<List<MeetingRecordVersion>> ListVersionsAsync(Guid meetingId) =>
        db.MeetingRecordVersions.AsNoTracking().Where(v => v.MeetingId == meetingId).OrderByDescending(v => v.Number).ToListAsync();

    public Task<List<RecordCorrection>> ListCorrectionsAsync(Guid meetingId) =>
        db.RecordCorrections.AsNoTracking().Where(c => c.MeetingId == meetingId).OrderBy(c => c.RequestedAt).ToListAsync();

    public Task<MeetingFeedback?> FindFeedbackAsync(Guid meetingId, Guid userId) =>
        db.MeetingFeedback.AsNoTracking().SingleOrDefaultAsync(f => f.MeetingId == meetingId && f.UserAccountId == userId);

    /// <summary>The people who may be invited: the family members who see meetings, and team members the family shares meetings with.</summary>
    public async Task<IReadOnlyList<InviteeChoice>> ListInviteeChoicesAsync(Guid childId)
    {
        var today = timeProvider.TodayInUk();
        var choices = new List<InviteeChoice>();
        var family = await db.FamilyMembers.AsNoTracking().Include(f => f.UserAccount).Where(f => f.ChildId == childId).OrderBy(f => f.JoinedAt).ToListAsync();
        foreach (var member in family)
        {
            if ((await access.GetAsync(childId, member.UserAccountId))?.CanSee(RecordArea.Meetings) == true)
            {
                choices.Add(new InviteeChoice(member.UserAccountId, member.UserAccount!.DisplayName, member.UserAccount.Email!, member.Relationship.ToDisplayName(), true, null));
            }
        }

        var team = await db.TeamMembers.AsNoTracking()
            .Where(t => t.ChildId == childId && t.LeftAt == null && t.Professional!.DeactivatedAt == null
                && t.Consents.Any(c => c.Area == RecordArea.Meetings && c.WithdrawnAt == null && c.From <= today && (c.Until == null || c.Until >= today)))
            .Select(t => new { t.Id, t.Role, t.IsKeyWorker, t.JoinedAt, t.Professional!.UserAccountId, t.Professional.UserAccount!.DisplayName, t.Professional.UserAccount.Email, Organisation = t.Professional.Organisation!.Name })
            .ToListAsync();
        choices.AddRange(team.OrderByDescending(t => t.IsKeyWorker).ThenBy(t => t.JoinedAt)
            .Select(t => new InviteeChoice(t.UserAccountId, t.DisplayName, t.Email!, $"{t.Role}, {t.Organisation}", false, t.Id)));
        return choices;
    }

    public async Task<Result<Meeting>> ScheduleAsync(ScheduleMeetingOptions options, Actor actor)
    {
        var childAccess = await access.GetAsync(options.ChildId, actor);
        if (childAccess is null)
        {
            return new MeetingChildNotFound();
        }

        if (!childAccess.Can(Capability.RunMeeting, RecordArea.Meetings))
        {
            return new NotAllowedForMeetings();
        }

        var startsAt = TimeProviderExtensions.FromUkTime(options.Date, options.Time);
        if (ValidateWhenAndWhere(startsAt, options.DurationMinutes, options.Place, options.OnlineLink) is { } error)
        {
            return error;
        }

        var choices = await ListInviteeChoicesAsync(options.ChildId);
        var invited = options.InviteeUserIds.Distinct().ToList();
        if (invited.Count == 0)
        {
            return new NoInvitees();
        }

        if (invited.Any(id => choices.All(c => c.UserAccountId != id)))
        {
            return new InviteeNotAllowed();
        }

        var noteTaker = choices.SingleOrDefault(c => c.UserAccountId == options.NoteTakerUserId && !c.IsFamily);
        if (noteTaker is null || (noteTaker.UserAccountId != actor.UserId && !invited.Contains(noteTaker.UserAccountId)))
        {
            return new NoteTakerNotAllowed();
        }

        var organiser = await db.Professionals.Where(p => p.UserAccountId == actor.UserId && p.DeactivatedAt == null)
            .Select(p => new { p.OrganisationId, Organisation = p.Organisation!.Name, p.UserAccount!.Email }).SingleAsync();
        var now = timeProvider.UtcNow();
        var meeting = new Meeting
        {
            ChildId = options.ChildId,
            AreaId = childAccess.Child.AreaId,
            Kind = options.Kind,
            StartsAt = startsAt,
            DurationMinutes = options.DurationMinutes,
            Place = Clean(options.Place),
            OnlineLink = Clean(options.OnlineLink),
            OrganiserUserId = actor.UserId!.Value,
            OrganiserName = actor.Name,
            OrganiserEmail = organiser.Email!,
            OrganiserOrganisationId = organiser.OrganisationId,
            OrganiserOrganisationName = organiser.Organisation,
            NoteTakerUserId = noteTaker.UserAccountId,
            NoteTakerName = noteTaker.Name,
            ScheduledAt = now,
        };
        // The organiser is always among those invited, so the calendar shows them too.
        foreach (var choice in choices.Where(c => invited.Contains(c.UserAccountId) || c.UserAccountId == actor.UserId))
        {
            meeting.Invitees.Add(new MeetingInvitee
            {
                MeetingId = meeting.Id, UserAccountId = choice.UserAccountId, Name = choice.Name, Email = choice.Email, Role = choice.Role, IsFamily = choice.IsFamily,
            });
        }

        db.Meetings.Add(meeting);
        db.AuditEvents.Add(ChildEvent(actor, childAccess, now, AuditActions.MeetingScheduled,
            $"Arranged a meeting: {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}"));
        await ReviewMeetingLink.StageAsync(db, meeting, StatutoryEventKind.ReviewMeetingArranged, actor, now);
        var calendar = MeetingCalendar.Invitation(meeting, childAccess.Child.KnownAs, now);
        foreach (var invitee in meeting.Invitees.Where(i => i.UserAccountId != actor.UserId))
        {
            EnqueueWithCalendar(invitee, $"Invitation: {MeetingCalendar.Summary(meeting, childAccess.Child.KnownAs)}, {When(meeting)}",
                $"""
                Hello {invitee.Name},

                {actor.Name} has invited you to a meeting about {childAccess.Child.KnownAs}: {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}.
                {WhereText(meeting)}

                The invitation is attached; open it to add the meeting to your calendar.
                Sign in to CommonGround to see the agenda and add what you want to talk about.

                CommonGround
                """, calendar);
        }

        await db.SaveChangesAsync();
        await signals.RefreshAfterChangeAsync(meeting.ChildId);
        return meeting;
    }

    public async Task<Result<Meeting>> RescheduleAsync(RescheduleMeetingOptions options, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadForOrganiserAsync(options.ChildId, options.MeetingId, actor);
        if (error is not null)
        {
            return error;
        }

        var startsAt = TimeProviderExtensions.FromUkTime(options.Date, options.Time);
        if (ValidateWhenAndWhere(startsAt, options.DurationMinutes, options.Place, options.OnlineLink) is { } invalid)
        {
            return invalid;
        }

        var now = timeProvider.UtcNow();
        meeting!.Reschedule(startsAt, options.DurationMinutes, Clean(options.Place), Clean(options.OnlineLink));
        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingRescheduled,
            $"Changed the {meeting.Kind.ToDisplayName().ToLowerInvariant()} to {When(meeting)}"));
        await ReviewMeetingLink.StageAsync(db, meeting, StatutoryEventKind.ReviewMeetingArranged, actor, now);
        var calendar = MeetingCalendar.Invitation(meeting, childAccess!.Child.KnownAs, now);
        foreach (var invitee in meeting.Invitees.Where(i => i.UserAccountId != actor.UserId))
        {
            EnqueueWithCalendar(invitee, $"Changed: {MeetingCalendar.Summary(meeting, childAccess.Child.KnownAs)}, now {When(meeting)}",
                $"""
                Hello {invitee.Name},

                {actor.Name} has changed the meeting about {childAccess.Child.KnownAs}. It is now on {When(meeting)}.
                {WhereText(meeting)}

                The updated invitation is attached; open it to update your calendar.

                CommonGround
                """, calendar);
        }

        return await SaveAsync(meeting);
    }

    public async Task<Result<Meeting>> CancelAsync(Guid childId, Guid meetingId, string? reason, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadForOrganiserAsync(childId, meetingId, actor);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new CancelReasonMissing();
        }

        if (reason.Trim().Length > Meeting.MaxReasonLength)
        {
            return new TextTooLong("Reason", Meeting.MaxReasonLength);
        }

        var now = timeProvider.UtcNow();
        meeting!.Cancel(reason.Trim(), now);
        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingCancelled,
            $"Cancelled the {meeting.Kind.ToDisplayName().ToLowerInvariant()} that was on {When(meeting)}: {meeting.CancelReason}"));
        await ReviewMeetingLink.StageAsync(db, meeting, StatutoryEventKind.ReviewMeetingCancelled, actor, now);
        var calendar = MeetingCalendar.Cancellation(meeting, childAccess!.Child.KnownAs, now);
        foreach (var invitee in meeting.Invitees.Where(i => i.UserAccountId != actor.UserId))
        {
            EnqueueWithCalendar(invitee, $"Cancelled: {MeetingCalendar.Summary(meeting, childAccess.Child.KnownAs)}, {When(meeting)}",
                $"""
                Hello {invitee.Name},

                {actor.Name} has cancelled the meeting about {childAccess.Child.KnownAs} that was on {When(meeting)}.
                Sign in to CommonGround to see why.

                CommonGround
                """, calendar);
        }

        return await SaveAsync(meeting);
    }

    public async Task<Result<AgendaItem>> AddAgendaItemAsync(Guid childId, Guid meetingId, string? title, string? detail, Actor actor)
    {
        var childAccess = await access.GetAsync(childId, actor);
        if (childAccess is null)
        {
            return new MeetingChildNotFound();
        }

        if (!childAccess.Can(Capability.ViewRecord, RecordArea.Meetings))
        {
            return new OnlyInviteesAddAgenda();
        }

        var meeting = await db.Meetings.Include(m => m.Invitees).SingleOrDefaultAsync(m => m.Id == meetingId && m.ChildId == childId);
        if (meeting is null)
        {
            return new MeetingNotFound();
        }

        var now = timeProvider.UtcNow();
        Error? error = meeting switch
        {
            { IsCancelled: true } => new MeetingCancelled(),
            _ when !childAccess.IsFamily && meeting.Invitees.All(i => i.UserAccountId != actor.UserId) => new OnlyInviteesAddAgenda(),
            _ when meeting.HasStarted(now) => new AgendaClosed(),
            _ when string.IsNullOrWhiteSpace(title) => new AgendaTitleMissing(),
            _ when title.Trim().Length > AgendaItem.MaxTitleLength => new TextTooLong("Title", AgendaItem.MaxTitleLength),
            _ when detail?.Trim().Length > AgendaItem.MaxDetailLength => new TextTooLong("Detail", AgendaItem.MaxDetailLength),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var item = new AgendaItem
        {
            MeetingId = meeting.Id, Title = title!.Trim(), Detail = Clean(detail), AddedByUserId = actor.UserId!.Value, AddedByName = actor.Name,
            AddedByFamily = childAccess.IsFamily, AddedAt = now,
        };
        db.AgendaItems.Add(item);
        db.AuditEvents.Add(ChildEvent(actor, childAccess, now, AuditActions.AgendaItemAdded,
            $"Added \"{item.Title}\" to the agenda of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}"));
        await db.SaveChangesAsync();
        return item;
    }

    /// <summary>The note-taker writes or revises the record; after the family has agreed it, only as an amendment with a reason.</summary>
    public async Task<Result<Meeting>> WriteRecordAsync(WriteRecordOptions options, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadForNoteTakerAsync(options.ChildId, options.MeetingId, options.Version, actor);
        if (error is not null)
        {
            return error;
        }

        var amendment = Clean(options.AmendmentReason);
        error = options switch
        {
            _ when meeting!.IsAgreed && amendment is null => new RecordAgreedUseAmendment(),
            { FamilyViews.Length: > Meeting.MaxRecordTextLength } => new TextTooLong("FamilyViews", Meeting.MaxRecordTextLength),
            { ChildViews.Length: > Meeting.MaxRecordTextLength } => new TextTooLong("ChildViews", Meeting.MaxRecordTextLength),
            { Decisions.Length: > Meeting.MaxRecordTextLength } => new TextTooLong("Decisions", Meeting.MaxRecordTextLength),
            { OthersPresent.Length: > Meeting.MaxPlaceLength } => new TextTooLong("OthersPresent", Meeting.MaxPlaceLength),
            _ when options.AgendaNotes.Values.Any(n => n?.Length > Meeting.MaxRecordTextLength) => new TextTooLong("Notes", Meeting.MaxRecordTextLength),
            _ when amendment?.Length > Meeting.MaxReasonLength => new TextTooLong("AmendmentReason", Meeting.MaxReasonLength),
            _ when options.Attended.Any(id => meeting.Invitees.All(i => i.Id != id)) => new InviteeNotAllowed(),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        meeting!.WriteRecord(Clean(options.FamilyViews), Clean(options.ChildViews), Clean(options.Decisions), Clean(options.OthersPresent), actor.Name);
        foreach (var invitee in meeting.Invitees)
        {
            invitee.Attended = options.Attended.Contains(invitee.Id);
        }

        foreach (var item in meeting.AgendaItems)
        {
            item.Notes = Clean(options.AgendaNotes.GetValueOrDefault(item.Id));
        }

        if (meeting.IsAgreed)
        {
            meeting.Amend();
            await KeepVersionAsync(meeting, RecordVersionKind.Amended, amendment, actor, now);
            db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingRecordAmended,
                $"Amended the agreed record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}: {amendment}"));
            foreach (var family in meeting.Invitees.Where(i => i.IsFamily))
            {
                notifier.Notify(family.UserAccountId, NotificationKind.Meetings,
                    $"{actor.Name} amended the agreed record of {childAccess!.Child.KnownAs}'s {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}, and said why",
                    $"The record of {childAccess.Child.KnownAs}'s meeting was amended", ChildLinks.Meeting(meeting.ChildId, meeting.Id), meeting.ChildId, area: RecordArea.Meetings);
            }
        }
        else
        {
            db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingRecordWritten,
                $"Wrote the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}"));
        }

        return await SaveAsync(meeting);
    }

    /// <summary>The family writes their views in their own words; the note-taker cannot change them afterwards.</summary>
    public async Task<Result<Meeting>> WriteFamilyViewsAsync(Guid childId, Guid meetingId, int version, string? views, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadForFamilyAsync(childId, meetingId, version, actor);
        if (error is not null)
        {
            return error;
        }

        error = meeting! switch
        {
            { IsCancelled: true } => new MeetingCancelled(),
            { IsAgreed: true } => new RecordAlreadyAgreed(),
            _ when views?.Trim().Length > Meeting.MaxRecordTextLength => new TextTooLong("Views", Meeting.MaxRecordTextLength),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        meeting!.WriteFamilyViews(Clean(views), actor.Name);
        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingFamilyViewsWritten,
            $"Wrote the family's views for the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}"));
        return await SaveAsync(meeting);
    }

    /// <summary>An action agreed at the meeting: it becomes a commitment, owned and dated, in the same transaction.</summary>
    public async Task<Result<Commitment>> AddActionAsync(AddActionOptions options, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadForNoteTakerAsync(options.ChildId, options.MeetingId, version: null, actor);
        if (error is not null)
        {
            return error;
        }

        error = options switch
        {
            _ when meeting!.IsAgreed => new ActionsLocked(),
            { What: var what } when string.IsNullOrWhiteSpace(what) => new ActionWhatMissing(),
            { OwnerTeamMemberId: null } => new ActionOwnerMissing(),
            { DueDate: null } => new ActionDueDateMissing(),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var staged = await commitments.StageAsync(new AddCommitmentOptions(
            options.ChildId, options.What!, null, options.Area, CommitmentSource.Meeting, options.OwnerTeamMemberId!.Value, CommitmentKind.OneOff,
            options.DueDate, null, null, null, null, null, null, false, MeetingId: meeting!.Id, AlreadyAgreed: true), actor);
        if (!staged.Succeeded)
        {
            return staged.Error!;
        }

        var now = timeProvider.UtcNow();
        meeting.Touch();
        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingActionAdded,
            $"Added an action to the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}: {staged.Value!.What}, owned by {staged.Value.OwnerName}"));
        var saved = await SaveAsync(meeting);
        return saved.Succeeded ? staged.Value : saved.Error!;
    }

    /// <summary>Shares the record with the family to agree; any corrections they asked for are answered by this version.</summary>
    public async Task<Result<Meeting>> ShareRecordAsync(Guid childId, Guid meetingId, int version, string? whatChanged, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadForNoteTakerAsync(childId, meetingId, version, actor);
        if (error is not null)
        {
            return error;
        }

        error = meeting! switch
        {
            { RecordStatus: MeetingRecordStatus.NotStarted } => new NothingToShare(),
            { IsAgreed: true } => new RecordAlreadyAgreed(),
            { CanBeShared: false } => new RecordNotWaitingToShare(),
            _ when whatChanged?.Trim().Length > RecordCorrection.MaxLength => new TextTooLong("WhatChanged", RecordCorrection.MaxLength),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        var kind = meeting!.Share();
        var note = Clean(whatChanged);
        foreach (var correction in await db.RecordCorrections.Where(c => c.MeetingId == meeting.Id && c.AnsweredAt == null).ToListAsync())
        {
            correction.AnswerWith(note, meeting.RecordVersionNumber, now);
        }

        await KeepVersionAsync(meeting, kind, note, actor, now);
        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingRecordShared,
            $"Shared {(kind == RecordVersionKind.Revised ? "a revised" : "the")} record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)} for the family to agree"));
        foreach (var invitee in meeting.Invitees.Where(i => i.UserAccountId != actor.UserId))
        {
            var ask = invitee.IsFamily
                ? "Please read it, then agree it or tell us what needs correcting. We would also like to know whether you felt listened to."
                : "The family will agree it or ask for corrections.";
            notifier.Notify(invitee.UserAccountId, NotificationKind.Meetings,
                $"{actor.Name} shared {(kind == RecordVersionKind.Revised ? "a revised" : "the")} record of {childAccess!.Child.KnownAs}'s {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}. {ask}",
                $"The record of {childAccess.Child.KnownAs}'s meeting is ready to read", ChildLinks.Meeting(meeting.ChildId, meeting.Id), meeting.ChildId, area: RecordArea.Meetings);
        }

        return await SaveAsync(meeting);
    }

    public async Task<Result<RecordCorrection>> RequestCorrectionAsync(Guid childId, Guid meetingId, int version, string? part, string? partName, string? whatShouldChange, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadForFamilyAsync(childId, meetingId, version, actor);
        if (error is not null)
        {
            return error;
        }

        error = meeting! switch
        {
            { IsAgreed: true } => new RecordAlreadyAgreed(),
            { IsWaitingForFamily: false } => new RecordNotShared(),
            _ when string.IsNullOrWhiteSpace(part) || string.IsNullOrWhiteSpace(partName) => new CorrectionPartMissing(),
            _ when string.IsNullOrWhiteSpace(whatShouldChange) => new CorrectionTextMissing(),
            _ when whatShouldChange.Trim().Length > RecordCorrection.MaxLength => new TextTooLong("WhatShouldChange", RecordCorrection.MaxLength),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        var correction = new RecordCorrection
        {
            MeetingId = meeting!.Id, Part = part!, PartName = partName!, WhatShouldChange = whatShouldChange!.Trim(), VersionNumber = meeting.RecordVersionNumber,
            RequestedByUserId = actor.UserId!.Value, RequestedByName = actor.Name, RequestedAt = now,
        };
        meeting.AskForCorrections();
        db.RecordCorrections.Add(correction);
        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingCorrectionRequested,
            $"Asked for a correction to \"{correction.PartName}\" in the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}"));
        notifier.Notify(meeting.NoteTakerUserId, NotificationKind.Meetings,
            $"{childAccess!.Child.KnownAs}'s family asked for a correction to \"{correction.PartName}\" in the record of the meeting on {When(meeting)}",
            $"{childAccess.Child.KnownAs}'s family asked for a correction to a meeting record", ChildLinks.Meeting(meeting.ChildId, meeting.Id), meeting.ChildId, area: RecordArea.Meetings);
        var saved = await SaveAsync(meeting);
        return saved.Succeeded ? correction : saved.Error!;
    }

    public async Task<Result<Meeting>> AgreeRecordAsync(Guid childId, Guid meetingId, int version, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadForFamilyAsync(childId, meetingId, version, actor);
        if (error is not null)
        {
            return error;
        }

        error = meeting!.RecordStatus switch
        {
            MeetingRecordStatus.Agreed => new RecordAlreadyAgreed(),
            MeetingRecordStatus.CorrectionsRequested => new RecordHasOpenCorrections(),
            MeetingRecordStatus.Shared => null,
            _ => new RecordNotShared(),
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        meeting.Agree(actor.Name, now);
        await KeepVersionAsync(meeting, RecordVersionKind.Agreed, null, actor, now);
        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingRecordAgreed,
            $"Agreed the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}"));
        foreach (var invitee in meeting.Invitees.Where(i => !i.IsFamily))
        {
            notifier.Notify(invitee.UserAccountId, NotificationKind.Meetings,
                $"{childAccess!.Child.KnownAs}'s family agreed the record of the meeting on {When(meeting)}. It is now locked",
                $"{childAccess.Child.KnownAs}'s family agreed a meeting record", ChildLinks.Meeting(meeting.ChildId, meeting.Id), meeting.ChildId, area: RecordArea.Meetings);
        }

        return await SaveAsync(meeting);
    }

    /// <summary>A family member's answer to "Did you feel listened to?", once per meeting.</summary>
    public async Task<Result<MeetingFeedback>> GiveFeedbackAsync(Guid childId, Guid meetingId, int? score, string? whatWouldHaveHelped, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadForFamilyAsync(childId, meetingId, version: null, actor);
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        error = meeting! switch
        {
            { IsCancelled: true } => new MeetingCancelled(),
            _ when !meeting!.HasStarted(now) => new FeedbackTooEarly(),
            _ when score is not (>= 1 and <= 5) => new FeedbackScoreMissing(),
            _ when whatWouldHaveHelped?.Trim().Length > MeetingFeedback.MaxLength => new TextTooLong("WhatWouldHaveHelped", MeetingFeedback.MaxLength),
            _ when await db.MeetingFeedback.AnyAsync(f => f.MeetingId == meetingId && f.UserAccountId == actor.UserId) => new FeedbackAlreadyGiven(),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var feedback = new MeetingFeedback
        {
            MeetingId = meeting!.Id, ChildId = childId, UserAccountId = actor.UserId!.Value, OrganisationId = meeting.OrganiserOrganisationId,
            MeetingKind = meeting.Kind, Score = score!.Value, WhatWouldHaveHelped = Clean(whatWouldHaveHelped), AnsweredAt = now,
        };
        db.MeetingFeedback.Add(feedback);
        // The audit trail says an answer was given, never what it was.
        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.MeetingFeedbackGiven,
            $"Answered \"Did you feel listened to?\" about the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {When(meeting)}"));
        try
        {
            await db.SaveChangesAsync();
            return feedback;
        }
        catch (DbUpdateException)
        {
            return new FeedbackAlreadyGiven();
        }
    }

    /// <summary>
    /// Totals for meetings an organisation ran between two dates, overall and by kind of meeting, each shown only over
    /// the minimum number of answers. One query: the answers counted by kind and score.
    /// </summary>
    public async Task<ListeningReport> SummariseListeningAsync(Guid organisationId, DateOnly from, DateOnly to)
    {
        var fromInstant = TimeProviderExtensions.FromUkTime(from, TimeOnly.MinValue);
        var toInstant = TimeProviderExtensions.FromUkTime(to.AddDays(1), TimeOnly.MinValue);
        var counts = await db.MeetingFeedback
            .Where(f => f.OrganisationId == organisationId && f.AnsweredAt >= fromInstant && f.AnsweredAt < toInstant)
            .GroupBy(f => new { f.MeetingKind, f.Score })
            .Select(g => new { g.Key.MeetingKind, g.Key.Score, Count = g.Count() })
            .ToListAsync();
        ListeningSummary Summarise(IEnumerable<(int Score, int Count)> answers)
        {
            var byScore = answers.GroupBy(a => a.Score).ToDictionary(g => g.Key, g => g.Sum(a => a.Count));
            var total = byScore.Values.Sum();
            if (total < MinimumAnswersToShow)
            {
                return new ListeningSummary(total, null, null);
            }

            var average = Math.Round((decimal)byScore.Sum(c => c.Key * c.Value) / total, 1);
            return new ListeningSummary(total, average, Enumerable.Range(1, 5).ToDictionary(s => s, s => byScore.GetValueOrDefault(s)));
        }

        return new ListeningReport(
            Summarise(counts.Select(c => (c.Score, c.Count))),
            Enum.GetValues<MeetingKind>().Select(kind => (kind, Summarise(counts.Where(c => c.MeetingKind == kind).Select(c => (c.Score, c.Count))))).ToList());
    }

    /// <summary>The meeting as it is written up in "When" phrases: "1 December 2026 at 10:00am".</summary>
    public static string When(Meeting meeting) => UkDates.DateAtTime(meeting.StartsAt);

    private static string WhereText(Meeting meeting) => (meeting.Place, meeting.OnlineLink) switch
    {
        ({ } place, { } link) => $"Where: {place}, or online at {link}",
        ({ } place, null) => $"Where: {place}",
        (null, { } link) => $"Online at {link}",
        _ => "",
    };

    private Error? ValidateWhenAndWhere(DateTime startsAt, int durationMinutes, string? place, string? onlineLink) => (place, onlineLink) switch
    {
        _ when startsAt <= timeProvider.UtcNow() => new StartMustBeInFuture(),
        _ when startsAt > timeProvider.UtcNow().AddYears(2) => new StartTooFar(),
        _ when durationMinutes is < Meeting.MinDurationMinutes or > Meeting.MaxDurationMinutes => new DurationOutOfRange(),
        _ when string.IsNullOrWhiteSpace(place) && string.IsNullOrWhiteSpace(onlineLink) => new PlaceOrLinkMissing(),
        ({ Length: > Meeting.MaxPlaceLength }, _) => new TextTooLong("Place", Meeting.MaxPlaceLength),
        (_, { Length: > Meeting.MaxLinkLength }) => new TextTooLong("OnlineLink", Meeting.MaxLinkLength),
        (_, { } link) when !string.IsNullOrWhiteSpace(link) && !IsHttpsLink(link.Trim()) => new OnlineLinkNotValid(),
        _ => null,
    };

    private static bool IsHttpsLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);

    private void EnqueueWithCalendar(MeetingInvitee invitee, string subject, string body, string calendar)
    {
        var message = outbox.Enqueue(invitee.Email, invitee.Name, subject, body);
        message.AttachmentFileName = "meeting.ics";
        message.AttachmentContentType = MeetingCalendar.ContentType;
        message.AttachmentText = calendar;
    }

    private async Task KeepVersionAsync(Meeting meeting, RecordVersionKind kind, string? reason, Actor actor, DateTime now)
    {
        var actions = await db.Commitments.AsNoTracking().Where(c => c.MeetingId == meeting.Id).ToListAsync();
        // Actions added in this same unit of work are not in the database yet.
        actions.AddRange(db.ChangeTracker.Entries<Commitment>().Where(e => e.State == EntityState.Added && e.Entity.MeetingId == meeting.Id).Select(e => e.Entity));
        db.MeetingRecordVersions.Add(new MeetingRecordVersion
        {
            MeetingId = meeting.Id, Number = meeting.RecordVersionNumber, Kind = kind, Reason = reason,
            Content = MeetingRecordContent.Of(meeting, actions).ToJson(), CreatedAt = now, CreatedByName = actor.Name,
        });
    }

    private async Task<(ChildAccess?, Meeting?, Error?)> LoadAsync(Guid childId, Guid meetingId, Actor actor)
    {
        var childAccess = await access.GetAsync(childId, actor);
        if (childAccess is null)
        {
            return (null, null, new MeetingChildNotFound());
        }

        var meeting = childAccess.CanSee(RecordArea.Meetings)
            ? await db.Meetings.Include(m => m.Invitees).Include(m => m.AgendaItems).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId && m.ChildId == childId)
            : null;
        return meeting is null ? (childAccess, null, new MeetingNotFound()) : (childAccess, meeting, null);
    }

    private async Task<(ChildAccess?, Meeting?, Error?)> LoadForOrganiserAsync(Guid childId, Guid meetingId, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadAsync(childId, meetingId, actor);
        return (error, meeting) switch
        {
            (not null, _) => (childAccess, meeting, error),
            _ when !childAccess!.Can(Capability.RunMeeting, RecordArea.Meetings) || !meeting!.MayWriteRecord(actor.UserId!.Value) =>
                (childAccess, meeting, new OnlyOrganiserChangesMeeting(meeting!.OrganiserName)),
            _ when meeting.IsCancelled => (childAccess, meeting, new MeetingCancelled()),
            _ when meeting.HasStarted(timeProvider.UtcNow()) => (childAccess, meeting, new MeetingAlreadyStarted()),
            _ => (childAccess, meeting, null),
        };
    }

    private async Task<(ChildAccess?, Meeting?, Error?)> LoadForNoteTakerAsync(Guid childId, Guid meetingId, int? version, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadAsync(childId, meetingId, actor);
        return (error, meeting) switch
        {
            (not null, _) => (childAccess, meeting, error),
            _ when !childAccess!.Can(Capability.RunMeeting, RecordArea.Meetings) || !meeting!.MayWriteRecord(actor.UserId!.Value) =>
                (childAccess, meeting, new OnlyNoteTakerWrites(meeting!.NoteTakerName)),
            _ when meeting.IsCancelled => (childAccess, meeting, new MeetingCancelled()),
            _ when !meeting.HasStarted(timeProvider.UtcNow()) => (childAccess, meeting, new MeetingNotStartedYet()),
            _ when version is { } expected && meeting.Version != expected => (childAccess, meeting, new MeetingChangedMeanwhile()),
            _ => (childAccess, meeting, null),
        };
    }

    private async Task<(ChildAccess?, Meeting?, Error?)> LoadForFamilyAsync(Guid childId, Guid meetingId, int? version, Actor actor)
    {
        var (childAccess, meeting, error) = await LoadAsync(childId, meetingId, actor);
        return (error, meeting) switch
        {
            (not null, _) => (childAccess, meeting, error),
            _ when !childAccess!.IsFamily => (childAccess, meeting, new OnlyFamilyAgrees()),
            _ when version is { } expected && meeting!.Version != expected => (childAccess, meeting, new MeetingChangedMeanwhile()),
            _ => (childAccess, meeting, null),
        };
    }

    /// <summary>Saves, or reports that someone else changed the meeting first; nothing is written then.</summary>
    private async Task<Result<Meeting>> SaveAsync(Meeting meeting)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new MeetingChangedMeanwhile();
        }

        await signals.RefreshAfterChangeAsync(meeting.ChildId);
        return meeting;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static AuditEvent ChildEvent(Actor actor, ChildAccess childAccess, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, childAccess.Child.Id, childAccess.Child.AreaId, now, action, summary, RecordArea.Meetings);
}
