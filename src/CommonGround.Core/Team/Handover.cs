using CommonGround.Core.Access;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Team;

/// <summary>What a person can own on a child's record, and so what is handed on when they leave.</summary>
public enum HandoverKind
{
    KeyWorker,
    Commitment,
    Concern,
    AdviceRequest,
    Meeting,
}

/// <summary>
/// One thing a person owned passed to someone else, kept for good so the record says who owned what when:
/// "Priya Nair handed Sam's speech and language sessions to Omar Shah on 3 March".
/// </summary>
public sealed class Handover
{
    public const int MaxWhatLength = 300;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required HandoverKind Kind { get; init; }
    /// <summary>The commitment, concern, advice request or meeting; the team place for the key worker.</summary>
    public required Guid SubjectId { get; init; }
    /// <summary>What was handed, as the family would name it, e.g. "speech and language sessions".</summary>
    public required string What { get; init; }
    /// <summary>The part of the record it belongs to, so only those shared it read the line; null for the key worker.</summary>
    public RecordArea? Part { get; init; }
    /// <summary>A second part it is also about, such as the part a concern is about.</summary>
    public RecordArea? AboutPart { get; init; }
    public required Guid FromProfessionalId { get; init; }
    public required string FromName { get; init; }
    /// <summary>The person who took it; null when it went to the leads of an organisation, who choose who answers.</summary>
    public Guid? ToProfessionalId { get; init; }
    public required string ToName { get; init; }
    /// <summary>
    /// Why it moved: finishing "Priya Nair …" ("left Brookside Primary School", "left the team"), or, starting "as",
    /// following the hand-over ("as Sam moves on").
    /// </summary>
    public required string Why { get; init; }
    public required DateTime At { get; init; }
    public required Guid ByUserId { get; init; }
    public required string ByName { get; init; }

    /// <summary>The sentence the record shows, e.g. "Priya Nair handed Sam's speech and language sessions to Omar Shah".</summary>
    public string Describe(string childName) => Kind == HandoverKind.KeyWorker
        ? $"{FromName} {Why}, so {ToName} became {childName}'s key worker"
        : Why.StartsWith("as ", StringComparison.Ordinal) ? $"{FromName} handed {childName}'s \"{What}\" to {ToName} {Why}"
        : $"{FromName} {Why} and handed {childName}'s \"{What}\" to {ToName}";
}

public static class HandoverKindText
{
    public static string ToDisplayName(this HandoverKind kind) => kind switch
    {
        HandoverKind.KeyWorker => "Key worker",
        HandoverKind.Commitment => "Commitment",
        HandoverKind.Concern => "Concern",
        HandoverKind.AdviceRequest => "Advice asked for",
        HandoverKind.Meeting => "Meeting",
        _ => kind.ToString(),
    };
}

public sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> e)
    {
        e.Property(h => h.What).HasMaxLength(Handover.MaxWhatLength);
        e.Property(h => h.FromName).HasMaxLength(200);
        e.Property(h => h.ToName).HasMaxLength(300);
        e.Property(h => h.Why).HasMaxLength(300);
        e.Property(h => h.ByName).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(h => h.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(h => new { h.ChildId, h.At });
    }
}
