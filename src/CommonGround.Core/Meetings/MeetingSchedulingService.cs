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
    MeetingKind Kind, DateOnly Date, TimeOnly Time, int DurationMinutes, string? Place, string? OnlineLink,
    IReadOnlyCollection<Guid> InviteeUserIds, Guid NoteTakerUserId);

public sealed record RescheduleMeetingOptions(Guid MeetingId, DateOnly Date, TimeOnly Time, int DurationMinutes, string? Place, string? OnlineLink);

/// <summary>Arranging a child's meeting: inviting people with a calendar entry, moving it, cancelling it, and its agenda.</summary>
public sealed class MeetingSchedulingService(CommonGroundDbContext db, MeetingService meetings, MeetingSteps steps, EmailOutbox outbox, AttentionSignals signals, Links.PublicAddress publicAddress, TimeProvider timeProvider)
{
    public async Task<Result<Meeting>> ScheduleAsync(ChildAccess childAccess, ScheduleMeetingOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        if (!childAccess.Can(Capability.RunMeeting, RecordArea.Meetings))
        {
            return new NotAllowedForMeetings();
        }

        var startsAt = TimeProviderExtensions.FromUkTime(options.Date, options.Time);
        // A meeting that has already happened may be recorded with its real date, so its record can be written.
        if (ValidateWhenAndWhere(startsAt, options.DurationMinutes, options.Place, options.OnlineLink, alreadyHeldAllowed: true) is { } error)
        {
            return error;
        }

        var choices = await meetings.ListInviteeChoicesAsync(childId);
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
            ChildId = childId,
            AreaId = childAccess.Child.AreaId,
            Kind = options.Kind,
            StartsAt = startsAt,
            DurationMinutes = options.DurationMinutes,
            Place = MeetingSteps.Clean(options.Place),
            OnlineLink = MeetingSteps.Clean(options.OnlineLink),
            OrganiserUserId = actor.UserId,
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
        var alreadyHeld = meeting.HasStarted(now);
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingScheduled,
            alreadyHeld
                ? $"Recorded a meeting that has already happened: {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}"
                : $"Arranged a meeting: {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}"));
        await ReviewMeetingLink.StageAsync(db, meeting, StatutoryEventKind.ReviewMeetingArranged, actor, now);
        // Nobody is invited to a meeting that has already happened: its record is what they will hear about.
        var calendar = alreadyHeld ? null : MeetingCalendar.Invitation(meeting, childAccess.Child.KnownAs, now);
        foreach (var invitee in calendar is null ? [] : meeting.Invitees.Where(i => i.UserAccountId != actor.UserId))
        {
            EnqueueWithCalendar(invitee, $"Invitation: {MeetingCalendar.Summary(meeting, childAccess.Child.KnownAs)}, {MeetingService.When(meeting)}",
                $"""
                Hello {invitee.Name},

                {actor.Name} has invited you to a meeting about {childAccess.Child.KnownAs}: {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}.
                {WhereText(meeting)}

                The invitation is attached; open it to add the meeting to your calendar.
                See the agenda and add what you want to talk about: {publicAddress.For(ChildLinks.Meeting(meeting.ChildId, meeting.Id))}

                CommonGround
                """, calendar!);
        }

        await db.SaveChangesAsync();
        await signals.RefreshAfterChangeAsync(meeting.ChildId);
        return meeting;
    }

    public async Task<Result<Meeting>> RescheduleAsync(ChildAccess childAccess, RescheduleMeetingOptions options, UserActor actor)
    {
        var loaded = await steps.LoadForOrganiserAsync(childAccess, options.MeetingId, actor);
        if (loaded.Value is not { } meeting)
        {
            return loaded.Error!;
        }

        var startsAt = TimeProviderExtensions.FromUkTime(options.Date, options.Time);
        if (ValidateWhenAndWhere(startsAt, options.DurationMinutes, options.Place, options.OnlineLink) is { } invalid)
        {
            return invalid;
        }

        var now = timeProvider.UtcNow();
        meeting.Reschedule(startsAt, options.DurationMinutes, MeetingSteps.Clean(options.Place), MeetingSteps.Clean(options.OnlineLink));
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingRescheduled,
            $"Changed the {meeting.Kind.ToDisplayName().ToLowerInvariant()} to {MeetingService.When(meeting)}"));
        await ReviewMeetingLink.StageAsync(db, meeting, StatutoryEventKind.ReviewMeetingArranged, actor, now);
        var calendar = MeetingCalendar.Invitation(meeting, childAccess.Child.KnownAs, now);
        foreach (var invitee in meeting.Invitees.Where(i => i.UserAccountId != actor.UserId))
        {
            EnqueueWithCalendar(invitee, $"Changed: {MeetingCalendar.Summary(meeting, childAccess.Child.KnownAs)}, now {MeetingService.When(meeting)}",
                $"""
                Hello {invitee.Name},

                {actor.Name} has changed the meeting about {childAccess.Child.KnownAs}. It is now on {MeetingService.When(meeting)}.
                {WhereText(meeting)}

                The updated invitation is attached; open it to update your calendar.
                See the meeting: {publicAddress.For(ChildLinks.Meeting(meeting.ChildId, meeting.Id))}

                CommonGround
                """, calendar);
        }

        return await steps.SaveAsync(meeting);
    }

    public async Task<Result<Meeting>> CancelAsync(ChildAccess childAccess, Guid meetingId, string? reason, UserActor actor)
    {
        var loaded = await steps.LoadForOrganiserAsync(childAccess, meetingId, actor);
        if (loaded.Value is not { } meeting)
        {
            return loaded.Error!;
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
        meeting.Cancel(reason.Trim(), now);
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingCancelled,
            $"Cancelled the {meeting.Kind.ToDisplayName().ToLowerInvariant()} that was on {MeetingService.When(meeting)}: {meeting.CancelReason}"));
        await ReviewMeetingLink.StageAsync(db, meeting, StatutoryEventKind.ReviewMeetingCancelled, actor, now);
        var calendar = MeetingCalendar.Cancellation(meeting, childAccess.Child.KnownAs, now);
        foreach (var invitee in meeting.Invitees.Where(i => i.UserAccountId != actor.UserId))
        {
            EnqueueWithCalendar(invitee, $"Cancelled: {MeetingCalendar.Summary(meeting, childAccess.Child.KnownAs)}, {MeetingService.When(meeting)}",
                $"""
                Hello {invitee.Name},

                {actor.Name} has cancelled the meeting about {childAccess.Child.KnownAs} that was on {MeetingService.When(meeting)}.
                Sign in to CommonGround to see why.

                CommonGround
                """, calendar);
        }

        return await steps.SaveAsync(meeting);
    }

    public async Task<Result<AgendaItem>> AddAgendaItemAsync(ChildAccess childAccess, Guid meetingId, string? title, string? detail, UserActor actor)
    {
        var childId = childAccess.Child.Id;
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
            MeetingId = meeting.Id, Title = title!.Trim(), Detail = MeetingSteps.Clean(detail), AddedByUserId = actor.UserId, AddedByName = actor.Name,
            AddedByFamily = childAccess.IsFamily, AddedAt = now,
        };
        db.AgendaItems.Add(item);
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.AgendaItemAdded,
            $"Added \"{item.Title}\" to the agenda of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}"));
        await db.SaveChangesAsync();
        return item;
    }

    private static string WhereText(Meeting meeting) => (meeting.Place, meeting.OnlineLink) switch
    {
        ({ } place, { } link) => $"Where: {place}, or online at {link}",
        ({ } place, null) => $"Where: {place}",
        (null, { } link) => $"Online at {link}",
        _ => "",
    };

    private Error? ValidateWhenAndWhere(DateTime startsAt, int durationMinutes, string? place, string? onlineLink, bool alreadyHeldAllowed = false) => (place, onlineLink) switch
    {
        _ when !alreadyHeldAllowed && startsAt <= timeProvider.UtcNow() => new StartMustBeInFuture(),
        _ when startsAt < timeProvider.UtcNow().AddYears(-1) => new StartTooLongAgo(),
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
}
