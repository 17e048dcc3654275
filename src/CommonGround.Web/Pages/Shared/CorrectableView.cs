using CommonGround.Core.DataRights;

namespace CommonGround.Web.Pages.Shared;

/// <summary>
/// A professional's words as a page shows them: the corrected words in their place once corrected at the family's
/// request (the words before a click away), a note while a correction is waiting, or for the family the way to ask.
/// </summary>
public sealed record CorrectableView(Guid ChildId, CorrectableKind Kind, Guid SubjectId, string Words, string Who, CorrectionRequest? Correction, bool FamilyMayAsk, string TextClass = "govuk-body");

/// <summary>The corrections for what one page shows, asked for once.</summary>
public sealed class CorrectionsShown(Guid childId, IReadOnlyDictionary<Guid, CorrectionRequest> latest, bool familyMayAsk)
{
    public static CorrectionsShown None { get; } = new(Guid.Empty, new Dictionary<Guid, CorrectionRequest>(), false);

    public CorrectableView For(CorrectableKind kind, Guid subjectId, string words, string who, string textClass = "govuk-body") =>
        new(childId, kind, subjectId, words, who, latest.GetValueOrDefault(subjectId), familyMayAsk, textClass);
}
