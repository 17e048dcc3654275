using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Children;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Commitments;

/// <summary>
/// A promise to a child: something done once by a date, or provision given again and again. It has an owner (a named
/// person and their organisation) who answers for it, and every change of status is kept with its reason.
/// </summary>
public sealed class Commitment : IVersioned
{
    public const int MaxWhatLength = 500;
    public const int MaxDetailsLength = 4000;
    public const int MaxReasonLength = 1000;
    /// <summary>The most a commitment or one delivery of it may count, in its unit.</summary>
    public const int MaxQuantity = 1000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    /// <summary>What was promised, in plain words, e.g. "Speech and language therapy in school".</summary>
    public required string What { get; set; }
    public string? Details { get; set; }
    public required CommitmentArea RecordArea { get; set; }
    public required CommitmentSource Source { get; init; }
    /// <summary>The meeting the promise was made in, when it came from one.</summary>
    public Guid? MeetingId { get; init; }
    /// <summary>The support plan whose provision line it is, when it came from one.</summary>
    public Guid? PlanId { get; init; }
    public required Guid OwnerProfessionalId { get; set; }
    public required string OwnerName { get; set; }
    public required Guid OwnerOrganisationId { get; set; }
    public required string OwnerOrganisationName { get; set; }
    public required CommitmentKind Kind { get; init; }
    /// <summary>For a one-off: the date it is due by.</summary>
    public DateOnly? DueDate { get; set; }
    /// <summary>For recurring provision: how much, in what, per what, from when until when (open-ended when empty).</summary>
    public decimal? QuantityPerPeriod { get; set; }
    public ProvisionUnit? Unit { get; set; }
    public int? MinutesPerSession { get; set; }
    public ProvisionPeriod? Period { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool TermTimeOnly { get; set; }
    public CommitmentStatus Status { get; private set; } = CommitmentStatus.Proposed;
    /// <summary>The day it was completed, ended early or withdrawn.</summary>
    public DateOnly? ClosedOn { get; private set; }
    public required DateTime CreatedAt { get; init; }
    public required Guid CreatedByUserId { get; init; }
    public required string CreatedByName { get; init; }
    /// <summary>
    /// What has been delivered and still counts, in its unit, and the family's disputes waiting for an answer: kept up
    /// to date by each change to a delivery record, in its transaction (see <see cref="DeliveryTotals"/>).
    /// </summary>
    public decimal DeliveredSoFar { get; private set; }
    public int OpenDisputes { get; private set; }

    /// <summary>
    /// For recurring provision, the first day it is behind with what has been delivered so far
    /// (<see cref="DateOnly.MaxValue"/> when that covers all of it), so a list asks "behind today?" of the database.
    /// Kept whenever the commitment, its deliveries or its owner's terms change (see <see cref="FirstDaysBehind"/>);
    /// null for one-off commitments.
    /// </summary>
    public DateOnly? FirstDayBehind { get; private set; }

    /// <summary>
    /// Where What I owe places the commitment among its owner's (<see cref="OwedOrders.OrderOn"/>), with its child's name,
    /// kept so the page is read in order from an index instead of every commitment being sorted. It holds until the end
    /// of <see cref="OwedOrderHoldsUntil"/>: <see cref="OwedOrders.Unsettled"/> once the commitment changes, until
    /// <see cref="OwedOrders.KeepAsync"/> places it again. A child's name is never changed once given; a way to change it
    /// must mark the child's commitments unsettled, so they are placed again under the new name.
    /// </summary>
    public int OwedOrder { get; private set; }
    public DateOnly OwedOrderHoldsUntil { get; private set; } = OwedOrders.Unsettled;
    public string ChildSortName { get; private set; } = "";

    public int Version { get; private set; }
    public List<CommitmentStatusChange> StatusChanges { get; init; } = [];

    public bool IsClosed => Status is CommitmentStatus.Completed or CommitmentStatus.EndedEarly or CommitmentStatus.Withdrawn;

    /// <summary>The last day provision is owed: the end date, or the day it closed if that came first.</summary>
    public DateOnly? LastDayOwed => (EndDate, ClosedOn) switch
    {
        ({ } end, { } closed) => end < closed ? end : closed,
        (var end, var closed) => end ?? closed,
    };

    /// <summary>"2 sessions of 30 minutes a week, term time only" or "Due by 12 December 2026".</summary>
    public string Describe()
    {
        if (Kind == CommitmentKind.OneOff)
        {
            return $"Due by {UkDates.Date(DueDate!.Value)}";
        }

        var until = EndDate is { } end ? $"until {UkDates.Date(end)}" : "with no end date";
        return $"{CommitmentText.Describe(QuantityPerPeriod!.Value, Unit!.Value, MinutesPerSession, Period!.Value, TermTimeOnly)}, from {UkDates.Date(StartDate!.Value)} {until}";
    }

    /// <summary>Works out <see cref="FirstDayBehind"/> again from the schedule, what was delivered and the owner's terms.</summary>
    public void KeepFirstDayBehind(IReadOnlyList<TermPeriod> terms) =>
        FirstDayBehind = Kind == CommitmentKind.Recurring ? CommitmentProgress.FirstDayBehind(this, DeliveredSoFar, terms) : null;

    /// <summary>Marks the kept place on What I owe as no longer to be trusted, for a change saved to the commitment.</summary>
    public void UnsettleOwedOrder() => OwedOrderHoldsUntil = OwedOrders.Unsettled;

    /// <summary>Passes the commitment to a new owner, who answers for it from now on; its history stays as it was.</summary>
    public void HandTo(Guid professionalId, string name, Guid organisationId, string organisationName)
    {
        OwnerProfessionalId = professionalId;
        OwnerName = name;
        OwnerOrganisationId = organisationId;
        OwnerOrganisationName = organisationName;
        Version++;
    }

    /// <summary>Recurring provision stops being owed after <paramref name="lastDay"/>, as when the child leaves the setting giving it.</summary>
    public void EndOn(DateOnly lastDay)
    {
        if (EndDate is null || EndDate > lastDay)
        {
            EndDate = lastDay < StartDate ? StartDate : lastDay;
            Version++;
        }
    }

    /// <summary>The moves each status allows; final statuses allow none.</summary>
    public IReadOnlyList<CommitmentStatus> NextStatuses() => Status switch
    {
        CommitmentStatus.Proposed => [CommitmentStatus.Agreed, CommitmentStatus.Withdrawn],
        CommitmentStatus.Agreed when Kind == CommitmentKind.OneOff => [CommitmentStatus.Active, CommitmentStatus.Completed, CommitmentStatus.Withdrawn],
        CommitmentStatus.Agreed => [CommitmentStatus.Active, CommitmentStatus.Withdrawn],
        CommitmentStatus.Active => [CommitmentStatus.Completed, CommitmentStatus.EndedEarly],
        _ => [],
    };

    /// <summary>Moves to <paramref name="to"/>, keeping the change and its reason; null when the move is not allowed.</summary>
    public CommitmentStatusChange? ChangeStatus(CommitmentStatus to, string? reason, Guid byUserId, string byName, DateTime now, DateOnly today)
    {
        if (!NextStatuses().Contains(to))
        {
            return null;
        }

        var change = new CommitmentStatusChange
        {
            CommitmentId = Id,
            From = Status,
            To = to,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            ChangedByUserId = byUserId,
            ChangedByName = byName,
            ChangedAt = now,
        };
        Status = to;
        if (IsClosed)
        {
            ClosedOn = today;
        }

        Version++;
        StatusChanges.Add(change);
        return change;
    }

    /// <summary>
    /// Records that the provision happened on a day (how much, for how long, by whom), or that it was missed and why;
    /// refused, changing nothing, for a day still to come, a day outside the commitment, or a record that does not add up.
    /// </summary>
    public Result<DeliveryRecord> RecordDelivery(RecordDeliveryOptions entry, UserActor actor, DateOnly today, DateTime now)
    {
        Error? error = entry switch
        {
            { Date: var date } when date > today => new DeliveryDateInFuture(),
            _ when !AcceptsDeliveryOn(entry.Date) => new DeliveryDateOutsideCommitment(),
            { Delivered: true } when Kind == CommitmentKind.Recurring && entry.Quantity is not > 0 => new DeliveryQuantityNotPositive(),
            { Delivered: true, Quantity: > MaxQuantity } => new QuantityTooLarge(),
            { Delivered: true, DurationMinutes: <= 0 or > 1440 } => new DurationOutOfRange(),
            { Delivered: false, MissedReason: null } => new MissedReasonMissing(),
            { Delivered: false, MissedReason: Commitments.MissedReason.Other } when string.IsNullOrWhiteSpace(entry.Note) => new MissedNoteMissing(),
            { Note.Length: > DeliveryRecord.MaxNoteLength } => new TextTooLong("Note", DeliveryRecord.MaxNoteLength),
            { DeliveredBy.Length: > 200 } => new TextTooLong("DeliveredBy", 200),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        return new DeliveryRecord
        {
            CommitmentId = Id,
            ChildId = ChildId,
            Date = entry.Date,
            Delivered = entry.Delivered,
            Quantity = entry.Delivered ? (Kind == CommitmentKind.OneOff ? 1 : entry.Quantity!.Value) : 0,
            DurationMinutes = entry.Delivered ? entry.DurationMinutes : null,
            DeliveredBy = entry.Delivered ? (string.IsNullOrWhiteSpace(entry.DeliveredBy) ? actor.Name : entry.DeliveredBy.Trim()) : null,
            MissedReason = entry.Delivered ? null : entry.MissedReason,
            Note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim(),
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            RecordedAt = now,
        };
    }

    /// <summary>Whether delivery can be recorded for this date: an agreed or active commitment, within its dates.</summary>
    public bool AcceptsDeliveryOn(DateOnly date) =>
        Status is CommitmentStatus.Agreed or CommitmentStatus.Active or CommitmentStatus.Completed or CommitmentStatus.EndedEarly
        && (Kind == CommitmentKind.OneOff || (date >= StartDate && (LastDayOwed is not { } last || date <= last)));
}

/// <summary>One move in a commitment's life, with who made it, when and why.</summary>
public sealed class CommitmentStatusChange
{
    public Guid Id { get; init; } = Ids.New();
    public required Guid CommitmentId { get; init; }
    public required CommitmentStatus From { get; init; }
    public required CommitmentStatus To { get; init; }
    public string? Reason { get; init; }
    public required Guid ChangedByUserId { get; init; }
    public required string ChangedByName { get; init; }
    public required DateTime ChangedAt { get; init; }
}

/// <summary>A comment on a commitment by the family or a team member. Comments are never edited or removed.</summary>
public sealed class CommitmentComment
{
    public const int MaxLength = 2000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid CommitmentId { get; init; }
    public required Guid ChildId { get; init; }
    public required string Text { get; init; }
    public required bool ByFamily { get; init; }
    public required Guid AuthorUserId { get; init; }
    public required string AuthorName { get; init; }
    public required DateTime At { get; init; }
}

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> e)
    {
        e.Property(c => c.What).HasMaxLength(Commitment.MaxWhatLength);
        e.Property(c => c.Details).HasMaxLength(Commitment.MaxDetailsLength);
        e.Property(c => c.OwnerName).HasMaxLength(200);
        e.Property(c => c.OwnerOrganisationName).HasMaxLength(200);
        e.Property(c => c.CreatedByName).HasMaxLength(200);
        e.Property(c => c.QuantityPerPeriod).HasPrecision(9, 2);
        // A change worked out from what was delivered when it was read loses to a delivery recorded meanwhile.
        e.Property(c => c.DeliveredSoFar).HasPrecision(14, 2).IsConcurrencyToken();
        e.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Professional>().WithMany().HasForeignKey(c => c.OwnerProfessionalId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.StatusChanges).WithOne().HasForeignKey(s => s.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => c.ChildId);
        // What I owe's page is walked in order through this index, and its counts read from it alone (the columns after
        // the order are what the counts and the access check ask of each commitment).
        e.Property(c => c.ChildSortName).HasMaxLength(201);
        e.HasIndex(c => new { c.OwnerProfessionalId, c.OwedOrder, c.ChildSortName, c.CreatedAt, c.Id, c.Status, c.OwedOrderHoldsUntil, c.ChildId, c.RecordArea });
        e.HasIndex(c => c.OwedOrderHoldsUntil);
        e.HasIndex(c => new { c.OwnerOrganisationId, c.Status });
        // No foreign key to meetings: SQLite would have to rebuild the commitments table to add one.
        e.HasIndex(c => c.MeetingId);
        e.HasIndex(c => c.PlanId);
    }
}

public sealed class CommitmentStatusChangeConfiguration : IEntityTypeConfiguration<CommitmentStatusChange>
{
    public void Configure(EntityTypeBuilder<CommitmentStatusChange> e)
    {
        e.Property(s => s.Reason).HasMaxLength(Commitment.MaxReasonLength);
        e.Property(s => s.ChangedByName).HasMaxLength(200);
    }
}

public sealed class CommitmentCommentConfiguration : IEntityTypeConfiguration<CommitmentComment>
{
    public void Configure(EntityTypeBuilder<CommitmentComment> e)
    {
        e.Property(c => c.Text).HasMaxLength(CommitmentComment.MaxLength);
        e.Property(c => c.AuthorName).HasMaxLength(200);
        e.HasOne<Commitment>().WithMany().HasForeignKey(c => c.CommitmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => c.CommitmentId);
        e.HasIndex(c => c.ChildId);
    }
}
