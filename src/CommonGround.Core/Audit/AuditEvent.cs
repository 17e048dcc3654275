using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Audit;

/// <summary>
/// One change to the service: who, in which organisation, did what to which thing, when and from where.
/// Append-only: nothing in the code updates or deletes one, and the database refuses to.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; init; } = Ids.New();
    public required DateTime OccurredAt { get; init; }
    public Guid? ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public Guid? OrganisationId { get; init; }
    public Guid? AreaId { get; init; }
    /// <summary>What happened, as a stable dotted name, e.g. <c>account.signed-in</c>.</summary>
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public Guid? EntityId { get; init; }
    public string? IpAddress { get; init; }
    /// <summary>A short plain-English description, free of health or other sensitive detail.</summary>
    public string? Summary { get; init; }
    /// <summary>For a change to a child's record, the part of the record it touched, so the chronology can be filtered by it.</summary>
    public Access.RecordArea? RecordArea { get; init; }
    /// <summary>For a change to a child's record, what it was about (a <see cref="ChangeSubject"/>, as JSON): which thing, never what it says.</summary>
    public string? Payload { get; init; }

    /// <summary>What a change to a child's record was about, when the event says.</summary>
    public ChangeSubject? Subject => ChangeSubject.FromJson(Payload);

    /// <summary>
    /// A change to a child's record. It always names the child and the area whose record it is (whoever acted: a
    /// family's own account belongs to no area), so the chronology and the area's reports find it.
    /// </summary>
    public static AuditEvent ForChild(Actor actor, Guid childId, Guid areaId, DateTime now, ChildChange change) =>
        Create(actor with { AreaId = areaId }, now, change.Action, "Child", childId, change.Summary, change.Area, change.Subject.ToJson());

    public static AuditEvent For(Actor actor, DateTime now, string action, string entityType, Guid? entityId, string? summary = null) =>
        Create(actor, now, action, entityType, entityId, summary, recordArea: null, payload: null);

    private static AuditEvent Create(Actor actor, DateTime now, string action, string entityType, Guid? entityId, string? summary, Access.RecordArea? recordArea, string? payload) => new()
    {
        OccurredAt = now,
        ActorUserId = actor.AccountId,
        ActorName = actor.Name,
        OrganisationId = actor.OrganisationId,
        AreaId = actor.AreaId,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        IpAddress = actor.IpAddress,
        Summary = summary,
        RecordArea = recordArea,
        Payload = payload,
    };
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.Property(a => a.ActorName).HasMaxLength(200);
        e.Property(a => a.Action).HasMaxLength(80);
        e.Property(a => a.EntityType).HasMaxLength(80);
        e.Property(a => a.IpAddress).HasMaxLength(64);
        e.Property(a => a.Summary).HasMaxLength(1000);
        e.Property(a => a.Payload).HasMaxLength(400);
        e.Ignore(a => a.Subject);
        e.HasIndex(a => new { a.EntityType, a.EntityId, a.OccurredAt });
        e.HasIndex(a => a.ActorUserId);
        e.HasIndex(a => a.OccurredAt);
    }
}
