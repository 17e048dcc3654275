using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Language;
using CommonGround.Core.Time;

namespace CommonGround.Web.Infrastructure;

/// <summary>One free-text field a form is about to save: its form name, the label people see, and what was typed.</summary>
public sealed record WrittenField(string Name, string Label, string? Text);

/// <summary>A phrase worth rewording, in the field it was found in.</summary>
public sealed record FieldFinding(WrittenField Field, LanguageFinding Finding);

/// <summary>
/// The respectful-language advisor at the point of saving. Professionals' writing is read before it is saved; if
/// anything is found the form is shown again with advice, and the writer may change the text or save it anyway. Only
/// the category of each finding is counted for their organisation, never the text or the writer.
/// </summary>
public sealed class LanguageAdvice(RespectfulLanguageAdvisor advisor, CommonGroundDbContext db, TimeProvider timeProvider)
{
    /// <summary>
    /// What to show the writer before saving: empty when there is nothing to advise, or they chose to save anyway (then the
    /// override is counted with the save that follows, in the same transaction).
    /// </summary>
    public async Task<IReadOnlyList<FieldFinding>> ReviewAsync(Actor actor, bool saveAnyway, params WrittenField[] fields)
    {
        if (actor.OrganisationId is not { } organisationId)
        {
            return [];
        }

        var findings = fields.SelectMany(field => advisor.Check(field.Text).Select(finding => new FieldFinding(field, finding))).ToList();
        if (findings.Count == 0)
        {
            return [];
        }

        var today = timeProvider.TodayInUk();
        db.LanguageAdviceRecords.AddRange(findings.Select(f => new LanguageAdviceRecord
        {
            OrganisationId = organisationId, Category = f.Finding.Category, SavedAnyway = saveAnyway, Date = today,
        }));
        if (saveAnyway)
        {
            return [];
        }

        await db.SaveChangesAsync();
        return findings;
    }
}
