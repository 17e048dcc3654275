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

/// <summary>
/// The note-taker's record. <paramref name="Attended"/> lists the invitees who were there; <paramref name="AgendaNotes"/>
/// is keyed by agenda item. An agreed record changes only with an <paramref name="AmendmentReason"/>.
/// </summary>
public sealed record WriteRecordOptions(
    Guid MeetingId, int Version, string? FamilyViews, string? ChildViews, string? Decisions, string? OthersPresent,
    IReadOnlyCollection<Guid> Attended, IReadOnlyDictionary<Guid, string?> AgendaNotes, string? AmendmentReason);

/// <summary>The family asks for one part of a shared record to be corrected, from the version they read.</summary>
public sealed record RequestCorrectionOptions(Guid MeetingId, int Version, string? Part, string? PartName, string? WhatShouldChange);

public sealed record AddActionOptions(Guid MeetingId, string? What, CommitmentArea Area, Guid? OwnerTeamMemberId, DateOnly? DueDate);

/// <summary>
/// Keeping a meeting's record: the note-taker writes it and its actions, the family writes their views, it is shared
/// for the family to agree (or ask for a correction), and every version is kept.
/// </summary>
public sealed class MeetingRecordService(CommonGroundDbContext db, MeetingSteps steps, CommitmentChangeService commitments, Notifier notifier, TimeProvider timeProvider)
{
    /// <summary>The note-taker writes or revises the record; after the family has agreed it, only as an amendment with a reason.</summary>
    public async Task<Result<Meeting>> WriteRecordAsync(ChildAccess childAccess, WriteRecordOptions options, UserActor actor)
    {
        var loaded = await steps.LoadForNoteTakerAsync(childAccess, options.MeetingId, options.Version, actor);
        if (loaded.Value is not { } meeting)
        {
            return loaded.Error!;
        }

        var amendment = MeetingSteps.Clean(options.AmendmentReason);
        Error? error = options switch
        {
            _ when meeting.IsAgreed && amendment is null => new RecordAgreedUseAmendment(),
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
        meeting.WriteRecord(MeetingSteps.Clean(options.FamilyViews), MeetingSteps.Clean(options.ChildViews), MeetingSteps.Clean(options.Decisions), MeetingSteps.Clean(options.OthersPresent), actor.Name);
        foreach (var invitee in meeting.Invitees)
        {
            invitee.Attended = options.Attended.Contains(invitee.Id);
        }

        foreach (var item in meeting.AgendaItems)
        {
            item.Notes = MeetingSteps.Clean(options.AgendaNotes.GetValueOrDefault(item.Id));
        }

        if (meeting.IsAgreed)
        {
            meeting.Amend();
            await KeepVersionAsync(meeting, RecordVersionKind.Amended, amendment, actor, now);
            db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingRecordAmended,
                $"Amended the agreed record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}: {amendment}"));
            foreach (var family in meeting.Invitees.Where(i => i.IsFamily))
            {
                await notifier.NotifyAsync(family.UserAccountId, NotificationKind.Meetings,
                    $"{actor.Name} amended the agreed record of {childAccess.Child.KnownAs}'s {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}, and said why",
                    $"The record of {childAccess.Child.KnownAs}'s meeting was amended", ChildLinks.Meeting(meeting.ChildId, meeting.Id), meeting.ChildId, area: RecordArea.Meetings);
            }
        }
        else
        {
            db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingRecordWritten,
                $"Wrote the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}"));
        }

        return await steps.SaveAsync(meeting);
    }

    /// <summary>The family writes their views in their own words; the note-taker cannot change them afterwards.</summary>
    public async Task<Result<Meeting>> WriteFamilyViewsAsync(ChildAccess childAccess, Guid meetingId, int version, string? views, UserActor actor)
    {
        var loaded = await steps.LoadForFamilyAsync(childAccess, meetingId, version);
        if (loaded.Value is not { } meeting)
        {
            return loaded.Error!;
        }

        Error? error = meeting switch
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
        meeting.WriteFamilyViews(MeetingSteps.Clean(views), actor.Name);
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingFamilyViewsWritten,
            $"Wrote the family's views for the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}"));
        return await steps.SaveAsync(meeting);
    }

    /// <summary>An action agreed at the meeting: it becomes a commitment, owned and dated, in the same transaction.</summary>
    public async Task<Result<Commitment>> AddActionAsync(ChildAccess childAccess, AddActionOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
        var loaded = await steps.LoadForNoteTakerAsync(childAccess, options.MeetingId, version: null, actor);
        if (loaded.Value is not { } meeting)
        {
            return loaded.Error!;
        }

        Error? error = options switch
        {
            _ when meeting.IsAgreed => new ActionsLocked(),
            { What: var what } when string.IsNullOrWhiteSpace(what) => new ActionWhatMissing(),
            { OwnerTeamMemberId: null } => new ActionOwnerMissing(),
            { DueDate: null } => new ActionDueDateMissing(),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var staged = await commitments.StageAsync(childAccess, new AddCommitmentOptions(
            options.What!, null, options.Area, CommitmentSource.Meeting, options.OwnerTeamMemberId!.Value, CommitmentKind.OneOff,
            options.DueDate, null, null, null, null, null, null, false, MeetingId: meeting.Id, AlreadyAgreed: true), actor);
        if (!staged.Succeeded)
        {
            return staged.Error!;
        }

        var now = timeProvider.UtcNow();
        meeting.Touch();
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingActionAdded,
            $"Added an action to the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}: {staged.Value!.What}, owned by {staged.Value.OwnerName}"));
        var saved = await steps.SaveAsync(meeting);
        return saved.Succeeded ? staged.Value : saved.Error!;
    }

    /// <summary>Shares the record with the family to agree; any corrections they asked for are answered by this version.</summary>
    public async Task<Result<Meeting>> ShareRecordAsync(ChildAccess childAccess, Guid meetingId, int version, string? whatChanged, UserActor actor)
    {
        var loaded = await steps.LoadForNoteTakerAsync(childAccess, meetingId, version, actor);
        if (loaded.Value is not { } meeting)
        {
            return loaded.Error!;
        }

        Error? error = meeting switch
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
        var kind = meeting.Share();
        var note = MeetingSteps.Clean(whatChanged);
        foreach (var correction in await db.RecordCorrections.Where(c => c.MeetingId == meeting.Id && c.AnsweredAt == null).ToListAsync())
        {
            correction.AnswerWith(note, meeting.RecordVersionNumber, now);
        }

        await KeepVersionAsync(meeting, kind, note, actor, now);
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingRecordShared,
            $"Shared {(kind == RecordVersionKind.Revised ? "a revised" : "the")} record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)} for the family to agree"));
        foreach (var invitee in meeting.Invitees.Where(i => i.UserAccountId != actor.UserId))
        {
            var ask = invitee.IsFamily
                ? "Please read it, then agree it or tell us what needs correcting. We would also like to know whether you felt listened to."
                : "The family will agree it or ask for corrections.";
            await notifier.NotifyAsync(invitee.UserAccountId, NotificationKind.Meetings,
                $"{actor.Name} shared {(kind == RecordVersionKind.Revised ? "a revised" : "the")} record of {childAccess.Child.KnownAs}'s {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}. {ask}",
                $"The record of {childAccess.Child.KnownAs}'s meeting is ready to read", ChildLinks.Meeting(meeting.ChildId, meeting.Id), meeting.ChildId, area: RecordArea.Meetings);
        }

        return await steps.SaveAsync(meeting);
    }

    public async Task<Result<RecordCorrection>> RequestCorrectionAsync(ChildAccess childAccess, RequestCorrectionOptions options, UserActor actor)
    {
        var (meetingId, version, part, partName, whatShouldChange) = options;
        var loaded = await steps.LoadForFamilyAsync(childAccess, meetingId, version);
        if (loaded.Value is not { } meeting)
        {
            return loaded.Error!;
        }

        Error? error = meeting switch
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
            MeetingId = meeting.Id, Part = part!, PartName = partName!, WhatShouldChange = whatShouldChange!.Trim(), VersionNumber = meeting.RecordVersionNumber,
            RequestedByUserId = actor.UserId, RequestedByName = actor.Name, RequestedAt = now,
        };
        meeting.AskForCorrections();
        db.RecordCorrections.Add(correction);
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingCorrectionRequested,
            $"Asked for a correction to \"{correction.PartName}\" in the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}"));
        await notifier.NotifyAsync(meeting.NoteTakerUserId, NotificationKind.Meetings,
            $"{childAccess.Child.KnownAs}'s family asked for a correction to \"{correction.PartName}\" in the record of the meeting on {MeetingService.When(meeting)}",
            $"{childAccess.Child.KnownAs}'s family asked for a correction to a meeting record", ChildLinks.Meeting(meeting.ChildId, meeting.Id), meeting.ChildId, area: RecordArea.Meetings);
        var saved = await steps.SaveAsync(meeting);
        return saved.Succeeded ? correction : saved.Error!;
    }

    public async Task<Result<Meeting>> AgreeRecordAsync(ChildAccess childAccess, Guid meetingId, int version, UserActor actor)
    {
        var loaded = await steps.LoadForFamilyAsync(childAccess, meetingId, version);
        if (loaded.Value is not { } meeting)
        {
            return loaded.Error!;
        }

        Error? error = meeting.RecordStatus switch
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
        db.AuditEvents.Add(MeetingSteps.ChildEvent(actor, childAccess, meeting, now, AuditActions.MeetingRecordAgreed,
            $"Agreed the record of the {meeting.Kind.ToDisplayName().ToLowerInvariant()} on {MeetingService.When(meeting)}"));
        foreach (var invitee in meeting.Invitees.Where(i => !i.IsFamily))
        {
            await notifier.NotifyAsync(invitee.UserAccountId, NotificationKind.Meetings,
                $"{childAccess.Child.KnownAs}'s family agreed the record of the meeting on {MeetingService.When(meeting)}. It is now locked",
                $"{childAccess.Child.KnownAs}'s family agreed a meeting record", ChildLinks.Meeting(meeting.ChildId, meeting.Id), meeting.ChildId, area: RecordArea.Meetings);
        }

        return await steps.SaveAsync(meeting);
    }

    private async Task KeepVersionAsync(Meeting meeting, RecordVersionKind kind, string? reason, UserActor actor, DateTime now)
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
}
