using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Concerns;

/// <summary>
/// How quickly an organisation promises to answer concerns, in working days. An organisation that has not set its own
/// works to the default: acknowledge in 2, respond in full in 10; urgent concerns acknowledged in 1 and answered in 5.
/// </summary>
public sealed class ResponseStandard : IVersioned
{
    public const int MaxWorkingDays = 60;

    public required Guid OrganisationId { get; init; }
    public int AcknowledgeWorkingDays { get; set; } = 2;
    public int RespondWorkingDays { get; set; } = 10;
    public int UrgentAcknowledgeWorkingDays { get; set; } = 1;
    public int UrgentRespondWorkingDays { get; set; } = 5;
    public DateTime? ChangedAt { get; set; }
    public string? ChangedByName { get; set; }
    public int Version { get; private set; }

    public static ResponseStandard DefaultFor(Guid organisationId) => new() { OrganisationId = organisationId };

    public void Change(int acknowledge, int respond, int urgentAcknowledge, int urgentRespond, string byName, DateTime now)
    {
        AcknowledgeWorkingDays = acknowledge;
        RespondWorkingDays = respond;
        UrgentAcknowledgeWorkingDays = urgentAcknowledge;
        UrgentRespondWorkingDays = urgentRespond;
        ChangedByName = byName;
        ChangedAt = now;
        Version++;
    }

    public int AcknowledgeDays(ConcernUrgency urgency) => urgency == ConcernUrgency.Urgent ? UrgentAcknowledgeWorkingDays : AcknowledgeWorkingDays;

    public int RespondDays(ConcernUrgency urgency) => urgency == ConcernUrgency.Urgent ? UrgentRespondWorkingDays : RespondWorkingDays;
}

public sealed class ResponseStandardConfiguration : IEntityTypeConfiguration<ResponseStandard>
{
    public void Configure(EntityTypeBuilder<ResponseStandard> e)
    {
        e.HasKey(s => s.OrganisationId);
        e.Property(s => s.ChangedByName).HasMaxLength(200);
        e.HasOne<Organisation>().WithOne().HasForeignKey<ResponseStandard>(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
