using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Advice;

public enum AdviceStatus
{
    /// <summary>Asked for; the adviser has not given it yet.</summary>
    Asked,
    /// <summary>Given, with its recommendations.</summary>
    Given,
}

/// <summary>
/// Advice asked of someone on a child's team, for an assessment or a plan: what about, by when, and then the advice
/// itself, its report if there is one, and its recommendations, each a short line a plan must answer. For an EHC
/// needs assessment the date is the legal 6 weeks, and asking and giving are recorded on the assessment too. The
/// family's own advice is kept the same way, given when it is written.
/// </summary>
public sealed class AdviceRequest : IVersioned
{
    public const int MaxAboutLength = 1000;
    public const int MaxAdviceLength = 8000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    /// <summary>The part of the record the advice belongs to; the adviser must be shared it.</summary>
    public required RecordArea Part { get; init; }
    public required string About { get; init; }
    /// <summary>The team place of the professional asked; null for the family's own advice, and for advice asked of an organisation.</summary>
    public Guid? AdviserTeamMemberId { get; set; }
    /// <summary>The family's own advice, given on the same terms as anyone's (Code of Practice 9.45 to 9.49), not asked for.</summary>
    public bool ByFamily { get; init; }
    /// <summary>Asked of an organisation on the team rather than a named person: anyone from it on the team may give it.</summary>
    public bool OfOrganisation { get; set; }
    /// <summary>The person asked; null for advice asked of an organisation, which whoever gives it answers for.</summary>
    public Guid? AdviserUserId { get; set; }
    /// <summary>The person asked, or for advice asked of an organisation, the organisation.</summary>
    public required string AdviserName { get; set; }
    /// <summary>The organisation asked, or the asked person's; null for the family's own advice.</summary>
    public Guid? AdviserOrganisationId { get; init; }
    public required string AdviserOrganisationName { get; init; }
    /// <summary>Who gave advice asked of an organisation.</summary>
    public Guid? GivenByUserId { get; private set; }
    public string? GivenByName { get; private set; }

    /// <summary>The person who answers for the advice: the person asked, or whoever from the organisation gave it.</summary>
    public Guid? AdviserInPerson => AdviserUserId ?? GivenByUserId;
    public required Guid AskedByUserId { get; init; }
    public required string AskedByName { get; init; }
    public required string AskedByOrganisationName { get; init; }
    public required DateTime AskedAt { get; init; }
    public required DateOnly DueOn { get; init; }
    /// <summary>The needs assessment or reassessment it was asked for, whose 6 weeks it runs on; null for a plan's advice.</summary>
    public Guid? ProcessId { get; init; }
    public AdviceStatus Status { get; private set; } = AdviceStatus.Asked;
    public string? Advice { get; private set; }
    public DateTime? GivenAt { get; private set; }
    /// <summary>The report attached, kept with the record as a document.</summary>
    public Guid? DocumentId { get; private set; }
    /// <summary>
    /// The day an appointment for an examination or test, needed for this advice, was missed. For an EHC needs
    /// assessment the 6 weeks may then not apply (reg 8(2)); the date stays, flagged, and the advice is still due as soon as it can be.
    /// </summary>
    public DateOnly? AppointmentMissedOn { get; private set; }
    public int Version { get; private set; }

    public List<Recommendation> Recommendations { get; init; } = [];

    public bool IsLate(DateOnly today) => Status == AdviceStatus.Asked && today > DueOn;

    /// <summary>How the adviser is named on the statutory process, so the engine keeps one clock per adviser.</summary>
    public string StatutoryName => FirstAskedAs ?? (OfOrganisation ? AdviserOrganisationName : $"{AdviserName} ({AdviserOrganisationName})");

    /// <summary>Who was first asked, kept once the request is handed on, so the legal clock stays the one that started.</summary>
    public string? FirstAskedAs { get; private set; }

    /// <summary>Passes advice still to give to someone else from the same organisation, or to the organisation as a whole.</summary>
    public void HandTo(Guid? teamMemberId, Guid? userId, string? name)
    {
        FirstAskedAs ??= StatutoryName;
        AdviserTeamMemberId = teamMemberId;
        AdviserUserId = userId;
        OfOrganisation = userId is null;
        AdviserName = name ?? AdviserOrganisationName;
        Version++;
    }

    /// <summary>Who was asked, as a page names them: "Grace Okafor, Northvale Community NHS Trust", or the organisation.</summary>
    public string Adviser => OfOrganisation ? AdviserOrganisationName : $"{AdviserName}, {AdviserOrganisationName}";

    public void MissedAppointment(DateOnly on)
    {
        AppointmentMissedOn = on;
        Version++;
    }

    public void Give(string advice, Guid? documentId, IReadOnlyList<string> recommendations, DateTime now, Guid? byUserId = null, string? byName = null)
    {
        if (OfOrganisation)
        {
            GivenByUserId = byUserId;
            GivenByName = byName;
        }

        Status = AdviceStatus.Given;
        Advice = advice;
        DocumentId = documentId;
        GivenAt = now;
        Recommendations.Clear();
        Recommendations.AddRange(recommendations.Select((text, i) => new Recommendation { RequestId = Id, ChildId = ChildId, Position = i + 1, Text = text }));
        Version++;
    }
}

/// <summary>One thing the advice recommends, in a short line: what, how much, how often, who.</summary>
public sealed class Recommendation
{
    public const int MaxTextLength = 500;
    public const int MaxPerAdvice = 20;

    public Guid Id { get; init; } = Ids.New();
    public required Guid RequestId { get; init; }
    public required Guid ChildId { get; init; }
    public required int Position { get; init; }
    public required string Text { get; init; }
}

public sealed class AdviceRequestConfiguration : IEntityTypeConfiguration<AdviceRequest>
{
    public void Configure(EntityTypeBuilder<AdviceRequest> e)
    {
        e.ToTable("AdviceRequests");
        e.Property(r => r.About).HasMaxLength(AdviceRequest.MaxAboutLength);
        e.Property(r => r.AdviserName).HasMaxLength(200);
        e.Property(r => r.FirstAskedAs).HasMaxLength(420);
        e.Property(r => r.AdviserOrganisationName).HasMaxLength(200);
        e.Property(r => r.GivenByName).HasMaxLength(200);
        e.Property(r => r.AskedByName).HasMaxLength(200);
        e.Property(r => r.AskedByOrganisationName).HasMaxLength(200);
        e.Property(r => r.Advice).HasMaxLength(AdviceRequest.MaxAdviceLength);
        e.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Documents.Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Recommendations).WithOne().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.AdviserUserId, r.Status, r.DueOn });
        e.HasIndex(r => new { r.AdviserOrganisationId, r.Status });
        // With the two above, what a person was asked or gave is found from indexes, not by reading every request in the area.
        e.HasIndex(r => new { r.GivenByUserId, r.Status });
        e.HasIndex(r => r.ChildId);
    }
}

public sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> e)
    {
        e.ToTable("Recommendations");
        e.Property(r => r.Text).HasMaxLength(Recommendation.MaxTextLength);
        e.HasIndex(r => r.ChildId);
    }
}
