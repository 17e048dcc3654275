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

/// <summary>A move in a commitment's life, from the version the owner was looking at, with the reason if the move needs one.</summary>
public sealed record ChangeCommitmentStatusOptions(Guid CommitmentId, CommitmentStatus To, string? Reason, int Version);

public sealed record AddCommitmentOptions(
    string What, string? Details, CommitmentArea Area, CommitmentSource Source, Guid OwnerTeamMemberId, CommitmentKind Kind,
    DateOnly? DueDate, decimal? Quantity, ProvisionUnit? Unit, int? MinutesPerSession, ProvisionPeriod? Period, DateOnly? StartDate, DateOnly? EndDate,
    bool TermTimeOnly, Guid? MeetingId = null, bool AlreadyAgreed = false, Guid? PlanId = null);


/// <summary>Making a commitment (on its own, or as a meeting's action), moving it through its statuses, and commenting on it.</summary>
public sealed class CommitmentChangeService(CommonGroundDbContext db, AccessService access, CommitmentSteps steps, Notifier notifier, AttentionSignals signals, TimeProvider timeProvider)
{
    public async Task<Result<Commitment>> AddAsync(ChildAccess childAccess, AddCommitmentOptions options, UserActor actor)
    {
        var result = await StageAsync(childAccess, options, actor);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync();
            await signals.RefreshAfterChangeAsync(childAccess.Child.Id);
        }

        return result;
    }

    /// <summary>
    /// Checks and adds a commitment, its audit event and the owner's email to the unit of work without saving, so that
    /// another change (a meeting's action) can be saved with it in one transaction.
    /// </summary>
    public async Task<Result<Commitment>> StageAsync(ChildAccess childAccess, AddCommitmentOptions options, UserActor actor)
    {
        var childId = childAccess.Child.Id;
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
            .SingleOrDefaultAsync(t => t.Id == options.OwnerTeamMemberId && t.ChildId == childId && t.LeftAt == null);
        if (owner is null)
        {
            return new OwnerNotOnTeam();
        }

        if (await access.GetAsync(childId, owner.Professional!.UserAccountId) is not { } ownerAccess || !ownerAccess.CanSeeCommitment(options.Area))
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
            ChildId = childId,
            AreaId = childAccess.Child.AreaId,
            What = options.What.Trim(),
            Details = string.IsNullOrWhiteSpace(options.Details) ? null : options.Details.Trim(),
            RecordArea = options.Area,
            Source = options.Source,
            MeetingId = options.MeetingId,
            PlanId = options.PlanId,
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
            CreatedByUserId = actor.UserId,
            CreatedByName = actor.Name,
        };
        if (options.AlreadyAgreed)
        {
            commitment.ChangeStatus(CommitmentStatus.Agreed, options.PlanId is null ? "Agreed when it was recorded" : "Agreed with the family in their plan", actor.UserId, actor.Name, now, today);
        }

        db.Commitments.Add(commitment);
        db.AuditEvents.Add(CommitmentSteps.Added(actor, commitment, now));
        if (owner.Professional.UserAccountId != actor.UserId)
        {
            await notifier.NotifyAsync(owner.Professional.UserAccountId, NotificationKind.Commitments,
                $"{actor.Name} recorded a commitment for {childAccess.Child.KnownAs} for you to own: \"{commitment.What}\"",
                $"{actor.Name} recorded a commitment for {childAccess.Child.KnownAs} for you to own",
                ChildLinks.Commitment(commitment.ChildId, commitment.Id), commitment.ChildId,
                area: RecordArea.Commitments, about: commitment.RecordArea.AlsoBelongsTo());
        }

        return commitment;
    }

    public async Task<Result<Commitment>> ChangeStatusAsync(ChildAccess childAccess, ChangeCommitmentStatusOptions options, UserActor actor)
    {
        var (commitmentId, to, reason, version) = options;
        var loaded = await steps.LoadForOwnerAsync(childAccess, commitmentId, actor);
        if (loaded.Value is not { } commitment)
        {
            return loaded.Error!;
        }

        if (commitment.Version != version)
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
        if (commitment.ChangeStatus(to, reason, actor.UserId, actor.Name, now, timeProvider.TodayInUk()) is not { } change)
        {
            return new StatusMoveNotAllowed(from.ToDisplayName().ToLowerInvariant(), to.ToDisplayName().ToLowerInvariant());
        }

        // Added explicitly: found only through the navigation, a change with its key already set would be taken for an existing row.
        db.CommitmentStatusChanges.Add(change);

        db.AuditEvents.Add(CommitmentSteps.ChildEvent(actor, childAccess, commitment, now, AuditActions.CommitmentStatusChanged,
            $"Marked the commitment \"{commitment.What}\" as {to.ToDisplayName().ToLowerInvariant()}"));
        return await steps.SaveAsync(commitment.ChildId, commitment, new CommitmentChangedMeanwhile());
    }

    public async Task<Result<CommitmentComment>> CommentAsync(ChildAccess childAccess, Guid commitmentId, string? text, UserActor actor)
    {
        var childId = childAccess.Child.Id;
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
            AuthorUserId = actor.UserId, AuthorName = actor.Name, At = now,
        };
        db.CommitmentComments.Add(comment);
        db.AuditEvents.Add(CommitmentSteps.ChildEvent(actor, childAccess, commitment, now, AuditActions.CommitmentCommented, $"Commented on the commitment \"{commitment.What}\""));
        await db.SaveChangesAsync();
        return comment;
    }

    private static Error? Validate(AddCommitmentOptions options, DateOnly today) => options switch
    {
        { What: var what } when string.IsNullOrWhiteSpace(what) => new WhatMissing(),
        { What.Length: > Commitment.MaxWhatLength } => new TextTooLong("What", Commitment.MaxWhatLength),
        { Details.Length: > Commitment.MaxDetailsLength } => new TextTooLong("Details", Commitment.MaxDetailsLength),
        { Kind: CommitmentKind.OneOff, DueDate: null } => new DueDateMissing(),
        { Kind: CommitmentKind.OneOff, DueDate: { } due } when due < today => new DueDateInPast(),
        { Kind: CommitmentKind.OneOff, DueDate: { } due } when due > today.AddYears(CommitmentService.YearsAhead) => new DueDateTooFar(CommitmentService.YearsAhead),
        { Kind: CommitmentKind.Recurring, Quantity: null or <= 0 } => new QuantityNotPositive(),
        { Kind: CommitmentKind.Recurring, Quantity: > Commitment.MaxQuantity } => new QuantityTooLarge(),
        { Kind: CommitmentKind.Recurring, Unit: null } => new UnitMissing(),
        { Kind: CommitmentKind.Recurring, Period: null } => new PeriodMissing(),
        { Kind: CommitmentKind.Recurring, Unit: ProvisionUnit.Sessions, MinutesPerSession: <= 0 or > 600 } => new MinutesOutOfRange(),
        { Kind: CommitmentKind.Recurring, StartDate: null } => new StartDateMissing(),
        { Kind: CommitmentKind.Recurring, StartDate: { } start } when start < today.AddYears(-CommitmentService.YearsAhead) || start > today.AddYears(CommitmentService.YearsAhead) => new StartDateTooFar(CommitmentService.YearsAhead),
        { Kind: CommitmentKind.Recurring, StartDate: { } start, EndDate: { } end } when end < start => new EndBeforeStart(),
        { Kind: CommitmentKind.Recurring, EndDate: { } end } when end > today.AddYears(CommitmentService.YearsAhead) => new EndDateTooFar(CommitmentService.YearsAhead),
        _ => null,
    };
}
