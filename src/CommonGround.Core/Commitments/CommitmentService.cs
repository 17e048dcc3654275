using System.Globalization;
using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Commitments;

public sealed record AddCommitmentOptions(
    Guid ChildId, string What, string? Details, CommitmentArea Area, CommitmentSource Source, Guid OwnerTeamMemberId, CommitmentKind Kind,
    DateOnly? DueDate, decimal? Quantity, ProvisionUnit? Unit, int? MinutesPerSession, ProvisionPeriod? Period, DateOnly? StartDate, DateOnly? EndDate,
    bool TermTimeOnly, Guid? MeetingId = null, bool AlreadyAgreed = false);

public sealed record RecordDeliveryOptions(
    Guid ChildId, Guid CommitmentId, DateOnly Date, bool Delivered, decimal? Quantity, int? DurationMinutes, string? DeliveredBy, MissedReason? MissedReason, string? Note);

/// <summary>A commitment with how it stands today, and whether a family dispute is waiting on its owner.</summary>
public sealed record CommitmentWithProgress(Commitment Commitment, CommitmentProgress Progress, int OpenDisputes);

/// <summary>A commitment a professional owes, with the child it is for.</summary>
public sealed record OwedCommitment(Guid ChildId, string ChildName, Commitment Commitment, CommitmentProgress Progress, int OpenDisputes);

/// <summary>How one member of staff's open commitments stand, counted, with no detail about any child.</summary>
public sealed record OwnerSummary(string OwnerName, int Open, int OnTrack, int DueSoon, int Overdue, int Behind, int NotStarted, int OpenDisputes);

public sealed class CommitmentService(CommonGroundDbContext db, AccessService access, Notifier notifier, ConcernDisputes disputes, AttentionSignals signals, TimeProvider timeProvider)
{
    public const int MaxQuantity = 1000;

    /// <summary>A promise further off than this is not a plan anyone can follow up; a date beyond it is a typing slip.</summary>
    public const int YearsAhead = 10;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Every commitment for the child that the person may see, with planned against delivered, newest first.</summary>
    public async Task<IReadOnlyList<CommitmentWithProgress>> ListForChildAsync(ChildAccess childAccess)
    {
        var visible = db.Commitments.AsNoTracking().VisibleTo(childAccess);
        var commitments = await visible.OrderByDescending(c => c.CreatedAt).ToListAsync();
        return await WithProgressAsync(commitments, from d in db.DeliveryRecords join c in visible on d.CommitmentId equals c.Id select d);
    }

    public async Task<CommitmentWithProgress?> GetAsync(ChildAccess childAccess, Guid commitmentId)
    {
        var commitment = await db.Commitments.AsNoTracking().VisibleTo(childAccess).Include(c => c.StatusChanges).SingleOrDefaultAsync(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return null;
        }

        return (await WithProgressAsync([commitment], db.DeliveryRecords.Where(d => d.CommitmentId == commitmentId))).Single();
    }

    /// <summary>The commitment alone, for forms about it, without working out its progress; null if the person may not see it.</summary>
    public Task<Commitment?> FindAsync(ChildAccess childAccess, Guid commitmentId) =>
        db.Commitments.AsNoTracking().VisibleTo(childAccess).SingleOrDefaultAsync(c => c.Id == commitmentId);

    /// <summary>One of the commitment's delivery records, for forms about it; null if the person may not see the commitment.</summary>
    public Task<DeliveryRecord?> FindDeliveryAsync(ChildAccess childAccess, Guid commitmentId, Guid deliveryId) =>
        db.DeliveryRecords.AsNoTracking()
            .Where(d => db.Commitments.VisibleTo(childAccess).Any(c => c.Id == d.CommitmentId))
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.CommitmentId == commitmentId);

    public Task<List<DeliveryRecord>> ListDeliveriesAsync(Guid commitmentId) =>
        db.DeliveryRecords.AsNoTracking().Where(d => d.CommitmentId == commitmentId).OrderByDescending(d => d.Date).ThenByDescending(d => d.RecordedAt).ToListAsync();

    public Task<List<CommitmentComment>> ListCommentsAsync(Guid commitmentId) =>
        db.CommitmentComments.AsNoTracking().Where(c => c.CommitmentId == commitmentId).OrderBy(c => c.At).ToListAsync();

    /// <summary>
    /// What a professional has promised and not yet closed, for every child whose team they are on and whose family
    /// shares commitments with them today.
    /// </summary>
    public async Task<IReadOnlyList<OwedCommitment>> ListOwedByAsync(Guid userId)
    {
        var today = timeProvider.TodayInUk();
        // Found first, so the commitments are read through their owner's index rather than by checking every one.
        var professionalId = await db.Professionals.Where(p => p.UserAccountId == userId && p.DeactivatedAt == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (professionalId is null)
        {
            return [];
        }

        // Shared with them today: the Commitments part and, for one about health, education, social care or transport, that part too.
        var owned = db.Commitments.Where(c =>
            c.OwnerProfessionalId == professionalId
            && (c.Status == CommitmentStatus.Proposed || c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active)
            && db.TeamMembers.Any(t => t.ChildId == c.ChildId && t.ProfessionalId == c.OwnerProfessionalId && t.LeftAt == null
                && t.Consents.Any(s => s.Area == RecordArea.Commitments && s.WithdrawnAt == null && s.From <= today && (s.Until == null || s.Until >= today))
                && (c.RecordArea == CommitmentArea.Other
                    || t.Consents.Any(s => s.WithdrawnAt == null && s.From <= today && (s.Until == null || s.Until >= today)
                        && ((c.RecordArea == CommitmentArea.Education && s.Area == RecordArea.Education)
                            || (c.RecordArea == CommitmentArea.Health && s.Area == RecordArea.Health)
                            || (c.RecordArea == CommitmentArea.SocialCare && s.Area == RecordArea.SocialCare)
                            || (c.RecordArea == CommitmentArea.Transport && s.Area == RecordArea.Transport))))));
        var commitments = await owned.AsNoTracking().ToListAsync();
        var childIds = commitments.Select(c => c.ChildId).Distinct().ToList();
        var names = await db.Children.Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, Name = (c.PreferredName ?? c.FirstName) + " " + c.LastName }).ToDictionaryAsync(c => c.Id, c => c.Name);
        // Joined rather than listed by id, so the database walks each commitment's deliveries by its index.
        var deliveries = from d in db.DeliveryRecords join c in owned on d.CommitmentId equals c.Id select d;
        return (await WithProgressAsync(commitments, deliveries))
            .Select(c => new OwedCommitment(c.Commitment.ChildId, names[c.Commitment.ChildId], c.Commitment, c.Progress, c.OpenDisputes))
            .OrderBy(c => c.ChildName, StringComparer.CurrentCulture).ThenBy(c => c.Commitment.CreatedAt)
            .ToList();
    }

    /// <summary>For an organisation's leads: each member of staff's open commitments counted by how they stand.</summary>
    public async Task<IReadOnlyList<OwnerSummary>> SummariseForOrganisationAsync(Guid organisationId)
    {
        var commitments = await db.Commitments.AsNoTracking()
            .Where(c => c.OwnerOrganisationId == organisationId && (c.Status == CommitmentStatus.Agreed || c.Status == CommitmentStatus.Active || c.Status == CommitmentStatus.Proposed))
            .ToListAsync();
        var ids = commitments.Select(c => c.Id).ToList();
        var deliveries = db.DeliveryRecords.Where(d => ids.Contains(d.CommitmentId));
        return (await WithProgressAsync(commitments, deliveries))
            .GroupBy(c => c.Commitment.OwnerName)
            .Select(g => new OwnerSummary(g.Key, g.Count(),
                g.Count(c => c.Progress.Status == ProgressStatus.OnTrack),
                g.Count(c => c.Progress.Status == ProgressStatus.DueSoon),
                g.Count(c => c.Progress.Status == ProgressStatus.Overdue),
                g.Count(c => c.Progress.Status == ProgressStatus.Behind),
                g.Count(c => c.Progress.Status == ProgressStatus.NotStarted),
                g.Sum(c => c.OpenDisputes)))
            .OrderBy(s => s.OwnerName, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<Result<Commitment>> AddAsync(AddCommitmentOptions options, Actor actor)
    {
        var result = await StageAsync(options, actor);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync();
            await signals.RefreshAfterChangeAsync(options.ChildId);
        }

        return result;
    }

    /// <summary>
    /// Checks and adds a commitment, its audit event and the owner's email to the unit of work without saving, so that
    /// another change (a meeting's action) can be saved with it in one transaction.
    /// </summary>
    public async Task<Result<Commitment>> StageAsync(AddCommitmentOptions options, Actor actor)
    {
        var childAccess = await access.GetAsync(options.ChildId, actor);
        if (childAccess is null)
        {
            return new CommitmentChildNotFound();
        }

        if (!childAccess.Can(Capability.RecordCommitment, RecordArea.Commitments))
        {
            return new NotAllowedForCommitments();
        }

        if (!childAccess.CanSeeCommitment(options.Area))
        {
            return new CommitmentAreaNotShared(options.Area.AlsoBelongsTo()!.Value);
        }

        var owner = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .Include(t => t.Professional!).ThenInclude(p => p.Organisation)
            .SingleOrDefaultAsync(t => t.Id == options.OwnerTeamMemberId && t.ChildId == options.ChildId && t.LeftAt == null);
        if (owner is null)
        {
            return new OwnerNotOnTeam();
        }

        if (await access.GetAsync(options.ChildId, owner.Professional!.UserAccountId) is not { } ownerAccess || !ownerAccess.CanSeeCommitment(options.Area))
        {
            return new OwnerCannotSeeCommitment(owner.Professional.UserAccount!.DisplayName);
        }

        var today = timeProvider.TodayInUk();
        if (Validate(options, today) is { } error)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        var recurring = options.Kind == CommitmentKind.Recurring;
        var commitment = new Commitment
        {
            ChildId = options.ChildId,
            AreaId = childAccess.Child.AreaId,
            What = options.What.Trim(),
            Details = string.IsNullOrWhiteSpace(options.Details) ? null : options.Details.Trim(),
            RecordArea = options.Area,
            Source = options.Source,
            MeetingId = options.MeetingId,
            OwnerProfessionalId = owner.ProfessionalId,
            OwnerName = owner.Professional!.UserAccount!.DisplayName,
            OwnerOrganisationId = owner.Professional.OrganisationId,
            OwnerOrganisationName = owner.Professional.Organisation!.Name,
            Kind = options.Kind,
            DueDate = recurring ? null : options.DueDate,
            QuantityPerPeriod = recurring ? options.Quantity : null,
            Unit = recurring ? options.Unit : null,
            MinutesPerSession = recurring && options.Unit == ProvisionUnit.Sessions ? options.MinutesPerSession : null,
            Period = recurring ? options.Period : null,
            StartDate = recurring ? options.StartDate : null,
            EndDate = recurring ? options.EndDate : null,
            TermTimeOnly = recurring && options.TermTimeOnly,
            CreatedAt = now,
            CreatedByUserId = actor.UserId!.Value,
            CreatedByName = actor.Name,
        };
        if (options.AlreadyAgreed)
        {
            commitment.ChangeStatus(CommitmentStatus.Agreed, "Agreed when it was recorded", actor.UserId!.Value, actor.Name, now, today);
        }

        db.Commitments.Add(commitment);
        db.AuditEvents.Add(ChildEvent(actor, childAccess, now, AuditActions.CommitmentAdded,
            $"Recorded a commitment: {commitment.What}, owned by {commitment.OwnerName} ({commitment.OwnerOrganisationName})"));
        if (owner.Professional.UserAccountId != actor.UserId)
        {
            notifier.Notify(owner.Professional.UserAccountId, NotificationKind.Commitments,
                $"{actor.Name} recorded a commitment for {childAccess.Child.KnownAs} for you to own: \"{commitment.What}\"",
                $"{actor.Name} recorded a commitment for {childAccess.Child.KnownAs} for you to own",
                ChildLinks.Commitment(commitment.ChildId, commitment.Id), commitment.ChildId,
                area: RecordArea.Commitments, about: commitment.RecordArea.AlsoBelongsTo());
        }

        return commitment;
    }

    public async Task<Result<Commitment>> ChangeStatusAsync(Guid childId, Guid commitmentId, CommitmentStatus to, string? reason, int version, Actor actor)
    {
        var (childAccess, commitment, error) = await LoadForOwnerAsync(childId, commitmentId, actor);
        if (error is not null)
        {
            return error;
        }

        if (commitment!.Version != version)
        {
            return new CommitmentChangedMeanwhile();
        }

        if (to is CommitmentStatus.EndedEarly or CommitmentStatus.Withdrawn && string.IsNullOrWhiteSpace(reason))
        {
            return new ReasonRequired();
        }

        if (reason?.Trim().Length > Commitment.MaxReasonLength)
        {
            return new TextTooLong("Reason", Commitment.MaxReasonLength);
        }

        var now = timeProvider.UtcNow();
        var from = commitment.Status;
        if (commitment.ChangeStatus(to, reason, actor.UserId!.Value, actor.Name, now, timeProvider.TodayInUk()) is not { } change)
        {
            return new StatusMoveNotAllowed(from.ToDisplayName().ToLowerInvariant(), to.ToDisplayName().ToLowerInvariant());
        }

        // Added explicitly: found only through the navigation, a change with its key already set would be taken for an existing row.
        db.CommitmentStatusChanges.Add(change);

        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.CommitmentStatusChanged,
            $"Marked the commitment \"{commitment.What}\" as {to.ToDisplayName().ToLowerInvariant()}"));
        return await SaveAsync(commitment.ChildId, commitment, new CommitmentChangedMeanwhile());
    }

    public async Task<Result<DeliveryRecord>> RecordDeliveryAsync(RecordDeliveryOptions options, Actor actor)
    {
        var childAccess = await access.GetAsync(options.ChildId, actor);
        if (childAccess is null)
        {
            return new CommitmentChildNotFound();
        }

        if (!childAccess.Can(Capability.RecordDelivery, RecordArea.Commitments))
        {
            return new NotAllowedForDelivery();
        }

        var commitment = await db.Commitments.VisibleTo(childAccess).SingleOrDefaultAsync(c => c.Id == options.CommitmentId);
        if (commitment is null)
        {
            return new CommitmentNotFound();
        }

        var today = timeProvider.TodayInUk();
        Error? error = options switch
        {
            { Date: var date } when date > today => new DeliveryDateInFuture(),
            _ when !commitment.AcceptsDeliveryOn(options.Date) => new DeliveryDateOutsideCommitment(),
            { Delivered: true } when commitment.Kind == CommitmentKind.Recurring && options.Quantity is not > 0 => new DeliveryQuantityNotPositive(),
            { Delivered: true, Quantity: > MaxQuantity } => new QuantityTooLarge(),
            { Delivered: true, DurationMinutes: <= 0 or > 1440 } => new DurationOutOfRange(),
            { Delivered: false, MissedReason: null } => new MissedReasonMissing(),
            { Delivered: false, MissedReason: MissedReason.Other } when string.IsNullOrWhiteSpace(options.Note) => new MissedNoteMissing(),
            { Note.Length: > DeliveryRecord.MaxNoteLength } => new TextTooLong("Note", DeliveryRecord.MaxNoteLength),
            { DeliveredBy.Length: > 200 } => new TextTooLong("DeliveredBy", 200),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.UtcNow();
        var record = new DeliveryRecord
        {
            CommitmentId = commitment.Id,
            ChildId = commitment.ChildId,
            Date = options.Date,
            Delivered = options.Delivered,
            Quantity = options.Delivered ? (commitment.Kind == CommitmentKind.OneOff ? 1 : options.Quantity!.Value) : 0,
            DurationMinutes = options.Delivered ? options.DurationMinutes : null,
            DeliveredBy = options.Delivered ? (string.IsNullOrWhiteSpace(options.DeliveredBy) ? actor.Name : options.DeliveredBy.Trim()) : null,
            MissedReason = options.Delivered ? null : options.MissedReason,
            Note = string.IsNullOrWhiteSpace(options.Note) ? null : options.Note.Trim(),
            RecordedByUserId = actor.UserId!.Value,
            RecordedByName = actor.Name,
            RecordedAt = now,
        };
        db.DeliveryRecords.Add(record);
        db.AuditEvents.Add(ChildEvent(actor, childAccess, now, AuditActions.DeliveryRecorded,
            options.Delivered ? $"Recorded a delivery of \"{commitment.What}\"" : $"Recorded that \"{commitment.What}\" was missed"));
        foreach (var familyUserId in await FamilyWhoSeeAsync(commitment, actor))
        {
            notifier.Notify(familyUserId, NotificationKind.Commitments,
                options.Delivered ? $"A new delivery was recorded for {childAccess.Child.KnownAs}'s {commitment.What}" : $"A missed session was recorded for {childAccess.Child.KnownAs}'s {commitment.What}",
                options.Delivered ? $"A new delivery was recorded for one of {childAccess.Child.KnownAs}'s commitments" : $"A missed session was recorded for one of {childAccess.Child.KnownAs}'s commitments",
                ChildLinks.Commitment(commitment.ChildId, commitment.Id), commitment.ChildId,
                area: RecordArea.Commitments, about: commitment.RecordArea.AlsoBelongsTo());
        }

        await db.SaveChangesAsync();
        await signals.RefreshAfterChangeAsync(record.ChildId);
        return record;
    }

    /// <summary>The family confirms a delivery record, or disputes it; a dispute is flagged to the commitment's owner.</summary>
    public async Task<Result<DeliveryRecord>> RespondToDeliveryAsync(Guid childId, Guid deliveryId, FamilyResponse response, string? comment, Actor actor)
    {
        var childAccess = await access.GetAsync(childId, actor);
        if (childAccess is null)
        {
            return new CommitmentChildNotFound();
        }

        if (!childAccess.IsFamily || !childAccess.CanSee(RecordArea.Commitments))
        {
            return new OnlyFamilyResponds();
        }

        var record = await db.DeliveryRecords.Where(d => db.Commitments.VisibleTo(childAccess).Any(c => c.Id == d.CommitmentId))
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.ChildId == childId);
        if (record is null)
        {
            return new DeliveryNotFound();
        }

        if (response == FamilyResponse.Disputed && string.IsNullOrWhiteSpace(comment))
        {
            return new DisputeCommentMissing();
        }

        if (comment?.Trim().Length > DeliveryRecord.MaxNoteLength)
        {
            return new TextTooLong("Comment", DeliveryRecord.MaxNoteLength);
        }

        var now = timeProvider.UtcNow();
        var commitment = await db.Commitments.SingleAsync(c => c.Id == record.CommitmentId);
        record.Respond(response, comment, actor.Name, now);
        var disputed = response == FamilyResponse.Disputed;
        db.AuditEvents.Add(ChildEvent(actor, childAccess, now, disputed ? AuditActions.DeliveryDisputed : AuditActions.DeliveryConfirmed,
            $"{(disputed ? "Disputed" : "Confirmed")} the record for {UkDates.Date(record.Date)} of \"{commitment.What}\""));
        if (disputed)
        {
            // A dispute is a concern like any other: owned by the commitment's owner and on the same response clock.
            await disputes.StageForDisputeAsync(childAccess.Child, commitment, record, comment!.Trim(), actor);
        }

        return await SaveAsync(record.ChildId, record, new DeliveryChangedMeanwhile());
    }

    public async Task<Result<DeliveryRecord>> ResolveDisputeAsync(Guid childId, Guid deliveryId, string? resolution, bool setAside, Actor actor)
    {
        var record = await db.DeliveryRecords.SingleOrDefaultAsync(d => d.Id == deliveryId && d.ChildId == childId);
        if (record is null)
        {
            return new DeliveryNotFound();
        }

        var (childAccess, commitment, error) = await LoadForOwnerAsync(childId, record.CommitmentId, actor);
        if (error is not null)
        {
            return error;
        }

        if (!record.IsDisputeOpen)
        {
            return new NoOpenDispute();
        }

        if (string.IsNullOrWhiteSpace(resolution))
        {
            return new ResolutionMissing();
        }

        if (resolution.Trim().Length > DeliveryRecord.MaxNoteLength)
        {
            return new TextTooLong("Resolution", DeliveryRecord.MaxNoteLength);
        }

        var now = timeProvider.UtcNow();
        record.ResolveDispute(resolution, setAside, actor.Name, now);
        await disputes.StageDisputeAnswerAsync(record.Id, record.FamilyComment ?? "", resolution.Trim(), childAccess!.Child, actor);
        db.AuditEvents.Add(ChildEvent(actor, childAccess!, now, AuditActions.DeliveryDisputeResolved,
            $"Answered the dispute about {UkDates.Date(record.Date)} for \"{commitment!.What}\"{(setAside ? "; the record no longer counts" : "")}"));
        return await SaveAsync(record.ChildId, record, new DeliveryChangedMeanwhile());
    }

    public async Task<Result<CommitmentComment>> CommentAsync(Guid childId, Guid commitmentId, string? text, Actor actor)
    {
        var childAccess = await access.GetAsync(childId, actor);
        if (childAccess is null)
        {
            return new CommitmentChildNotFound();
        }

        if (!childAccess.Can(Capability.ViewRecord, RecordArea.Commitments))
        {
            return new NotAllowedForCommitments();
        }

        var commitment = await db.Commitments.VisibleTo(childAccess).SingleOrDefaultAsync(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return new CommitmentNotFound();
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new CommentMissing();
        }

        if (text.Trim().Length > CommitmentComment.MaxLength)
        {
            return new TextTooLong("Text", CommitmentComment.MaxLength);
        }

        var now = timeProvider.UtcNow();
        var comment = new CommitmentComment
        {
            CommitmentId = commitmentId, ChildId = childId, Text = text.Trim(), ByFamily = childAccess.IsFamily,
            AuthorUserId = actor.UserId!.Value, AuthorName = actor.Name, At = now,
        };
        db.CommitmentComments.Add(comment);
        db.AuditEvents.Add(ChildEvent(actor, childAccess, now, AuditActions.CommitmentCommented, $"Commented on the commitment \"{commitment.What}\""));
        await db.SaveChangesAsync();
        return comment;
    }

    /// <summary>The family's accounts that see the commitment, apart from the person acting.</summary>
    private async Task<IReadOnlyList<Guid>> FamilyWhoSeeAsync(Commitment commitment, Actor actor)
    {
        var family = await db.FamilyMembers.Where(f => f.ChildId == commitment.ChildId && f.UserAccountId != actor.UserId).Select(f => f.UserAccountId).ToListAsync();
        var seeing = new List<Guid>();
        foreach (var userId in family)
        {
            if (await access.GetAsync(commitment.ChildId, userId) is { } familyAccess && familyAccess.CanSeeCommitment(commitment.RecordArea))
            {
                seeing.Add(userId);
            }
        }

        return seeing;
    }

    /// <summary>Whether the person may change the commitment: its owner, or an admin of the owner's organisation.</summary>
    public async Task<bool> MayChangeAsync(Commitment commitment, Guid userId) =>
        await db.Professionals.AnyAsync(p => p.UserAccountId == userId && p.DeactivatedAt == null
            && (p.Id == commitment.OwnerProfessionalId || (p.IsOrganisationAdmin && p.OrganisationId == commitment.OwnerOrganisationId)));

    private async Task<(ChildAccess?, Commitment?, Error?)> LoadForOwnerAsync(Guid childId, Guid commitmentId, Actor actor)
    {
        var childAccess = await access.GetAsync(childId, actor);
        if (childAccess is null)
        {
            return (null, null, new CommitmentChildNotFound());
        }

        if (!childAccess.Can(Capability.RecordCommitment, RecordArea.Commitments))
        {
            return (childAccess, null, new NotAllowedForCommitments());
        }

        var commitment = await db.Commitments.VisibleTo(childAccess).SingleOrDefaultAsync(c => c.Id == commitmentId);
        if (commitment is null)
        {
            return (childAccess, null, new CommitmentNotFound());
        }

        return await MayChangeAsync(commitment, actor.UserId!.Value)
            ? (childAccess, commitment, null)
            : (childAccess, commitment, new OnlyOwnerChangesCommitment(commitment.OwnerName));
    }

    /// <summary>Saves, or reports that someone else changed the same record first; nothing is written then.</summary>
    private async Task<Result<T>> SaveAsync<T>(Guid childId, T changed, Error changedMeanwhile)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return changedMeanwhile;
        }

        await signals.RefreshAfterChangeAsync(childId);
        return changed;
    }

    private static AuditEvent ChildEvent(Actor actor, ChildAccess childAccess, DateTime now, string action, string summary) =>
        AuditEvent.ForChild(actor, childAccess.Child.Id, childAccess.Child.AreaId, now, action, summary, RecordArea.Commitments);

    private static Error? Validate(AddCommitmentOptions options, DateOnly today) => options switch
    {
        { What: var what } when string.IsNullOrWhiteSpace(what) => new WhatMissing(),
        { What.Length: > Commitment.MaxWhatLength } => new TextTooLong("What", Commitment.MaxWhatLength),
        { Details.Length: > Commitment.MaxDetailsLength } => new TextTooLong("Details", Commitment.MaxDetailsLength),
        { Kind: CommitmentKind.OneOff, DueDate: null } => new DueDateMissing(),
        { Kind: CommitmentKind.OneOff, DueDate: { } due } when due < today => new DueDateInPast(),
        { Kind: CommitmentKind.OneOff, DueDate: { } due } when due > today.AddYears(YearsAhead) => new DueDateTooFar(YearsAhead),
        { Kind: CommitmentKind.Recurring, Quantity: null or <= 0 } => new QuantityNotPositive(),
        { Kind: CommitmentKind.Recurring, Quantity: > MaxQuantity } => new QuantityTooLarge(),
        { Kind: CommitmentKind.Recurring, Unit: null } => new UnitMissing(),
        { Kind: CommitmentKind.Recurring, Period: null } => new PeriodMissing(),
        { Kind: CommitmentKind.Recurring, Unit: ProvisionUnit.Sessions, MinutesPerSession: <= 0 or > 600 } => new MinutesOutOfRange(),
        { Kind: CommitmentKind.Recurring, StartDate: null } => new StartDateMissing(),
        { Kind: CommitmentKind.Recurring, StartDate: { } start } when start < today.AddYears(-YearsAhead) || start > today.AddYears(YearsAhead) => new StartDateTooFar(YearsAhead),
        { Kind: CommitmentKind.Recurring, StartDate: { } start, EndDate: { } end } when end < start => new EndBeforeStart(),
        { Kind: CommitmentKind.Recurring, EndDate: { } end } when end > today.AddYears(YearsAhead) => new EndDateTooFar(YearsAhead),
        _ => null,
    };

    /// <summary>
    /// Adds planned against delivered to each commitment: what was delivered is summed in the database, term dates are
    /// those of each owner's organisation.
    /// </summary>
    private async Task<IReadOnlyList<CommitmentWithProgress>> WithProgressAsync(IReadOnlyList<Commitment> commitments, IQueryable<DeliveryRecord> deliveries)
    {
        if (commitments.Count == 0)
        {
            return [];
        }

        // One pass over the deliveries: what counts as delivered, and the disputes still waiting for an answer.
        var totals = await deliveries.GroupBy(d => d.CommitmentId)
            .Select(g => new
            {
                g.Key,
                Delivered = g.Sum(d => d.Delivered && d.SetAsideAt == null ? d.Quantity : 0m),
                Open = g.Count(d => d.FamilyResponse == FamilyResponse.Disputed && d.DisputeResolvedAt == null),
            })
            .ToDictionaryAsync(g => g.Key);
        var organisations = commitments.Where(c => c.TermTimeOnly).Select(c => c.OwnerOrganisationId).Distinct().ToList();
        var terms = (await db.TermDates.Where(t => organisations.Contains(t.OrganisationId)).ToListAsync())
            .GroupBy(t => t.OrganisationId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TermPeriod>)g.Select(t => new TermPeriod(t.StartDate, t.EndDate)).ToList());
        var today = timeProvider.TodayInUk();
        return commitments.Select(c =>
        {
            var total = totals.GetValueOrDefault(c.Id);
            return new CommitmentWithProgress(
                c, CommitmentProgress.Of(c, total?.Delivered ?? 0, today, terms.GetValueOrDefault(c.OwnerOrganisationId, [])), total?.Open ?? 0);
        }).ToList();
    }
}
