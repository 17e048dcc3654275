using CommonGround.Core.Access;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.DataRights;

/// <summary>The kinds of a professional's words about a child that a family can ask to have corrected.</summary>
public enum CorrectableKind
{
    /// <summary>What a concern's owner wrote in answer to it: an acknowledgement, a response or a resolution.</summary>
    ConcernAnswer,
    /// <summary>A professional's message in a conversation.</summary>
    Message,
    /// <summary>The note on a record of support given or missed.</summary>
    DeliveryNote,
    /// <summary>Advice given for an assessment or a plan.</summary>
    Advice,
}

public static class CorrectableKinds
{
    /// <summary>The kind as it appears in an address: <c>concern-answer</c>, <c>message</c>, <c>delivery-note</c>, <c>advice</c>.</summary>
    public static string Slug(this CorrectableKind kind) => kind switch
    {
        CorrectableKind.ConcernAnswer => "concern-answer",
        CorrectableKind.DeliveryNote => "delivery-note",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static CorrectableKind? FromSlug(string? slug) =>
        Enum.GetValues<CorrectableKind>().Cast<CorrectableKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);
}

public enum CorrectionStatus
{
    /// <summary>Asked, waiting for the author's organisation to answer.</summary>
    Waiting,
    /// <summary>Corrected: the new words are shown, and the old ones kept, marked as corrected at the family's request.</summary>
    Corrected,
    /// <summary>Not corrected, with the organisation's reasons and how to complain to the ICO.</summary>
    NotCorrected,
}

/// <summary>
/// A family's request to correct a professional's words about their child (UK GDPR Article 16). The words are never
/// changed where they were written: the request keeps them as they stood, and once corrected the service shows the new
/// words in their place, marked as corrected at the family's request, with the old ones a click away. The author's
/// organisation must answer within one month (<see cref="OneMonthClock"/>).
/// </summary>
public sealed class CorrectionRequest
{
    public const int MaxTextLength = 4_000;

    public Guid Id { get; init; } = Ids.New();
    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    public required CorrectableKind Kind { get; init; }
    /// <summary>The row the words belong to: the concern update, message, delivery record or advice request.</summary>
    public required Guid SubjectId { get; init; }
    /// <summary>The part of the record the words are in: only people who see it see the request.</summary>
    public required RecordArea Part { get; init; }
    /// <summary>Where the words are shown, so the answerer can read them in place.</summary>
    public required string Link { get; init; }
    /// <summary>The words as they stood when the family asked.</summary>
    public required string Words { get; init; }
    public required string WhatIsWrong { get; init; }
    public string? SuggestedWords { get; init; }

    public Guid? AuthorUserId { get; init; }
    public required string AuthorName { get; init; }
    /// <summary>The author's organisation, which answers.</summary>
    public required Guid OrganisationId { get; init; }
    public required string OrganisationName { get; init; }

    public required Guid RequestedByUserId { get; init; }
    public required string RequestedByName { get; init; }
    public required DateTime RequestedAt { get; init; }
    public required DateOnly DueOn { get; init; }

    public CorrectionStatus Status { get; private set; } = CorrectionStatus.Waiting;
    public string? CorrectedWords { get; private set; }
    /// <summary>Why it was corrected as it was, or why not.</summary>
    public string? Explanation { get; private set; }
    public Guid? AnsweredByUserId { get; private set; }
    public string? AnsweredByName { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    public bool IsWaiting => Status == CorrectionStatus.Waiting;

    public void Correct(string words, string? explanation, Guid byUserId, string byName, DateTime now) =>
        Answer(CorrectionStatus.Corrected, words, explanation, byUserId, byName, now);

    public void Refuse(string explanation, Guid byUserId, string byName, DateTime now) =>
        Answer(CorrectionStatus.NotCorrected, null, explanation, byUserId, byName, now);

    private void Answer(CorrectionStatus status, string? words, string? explanation, Guid byUserId, string byName, DateTime now)
    {
        if (!IsWaiting)
        {
            throw new InvalidOperationException("This request has already been answered");
        }

        (Status, CorrectedWords, Explanation, AnsweredByUserId, AnsweredByName, AnsweredAt) = (status, words, explanation, byUserId, byName, now);
    }
}

public sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> e)
    {
        e.Property(x => x.Link).HasMaxLength(300);
        e.Property(x => x.Words).HasMaxLength(Advice.AdviceRequest.MaxAdviceLength);
        e.Property(x => x.WhatIsWrong).HasMaxLength(CorrectionRequest.MaxTextLength);
        e.Property(x => x.SuggestedWords).HasMaxLength(CorrectionRequest.MaxTextLength);
        e.Property(x => x.CorrectedWords).HasMaxLength(Advice.AdviceRequest.MaxAdviceLength);
        e.Property(x => x.Explanation).HasMaxLength(CorrectionRequest.MaxTextLength);
        e.Property(x => x.AuthorName).HasMaxLength(200);
        e.Property(x => x.OrganisationName).HasMaxLength(200);
        e.Property(x => x.RequestedByName).HasMaxLength(200);
        e.Property(x => x.AnsweredByName).HasMaxLength(200);
        e.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ChildId, x.SubjectId });
        e.HasIndex(x => new { x.OrganisationId, x.Status });
    }
}
