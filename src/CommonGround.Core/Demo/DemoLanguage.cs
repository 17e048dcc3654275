using CommonGround.Core.Data;
using CommonGround.Core.Language;
using CommonGround.Core.Organisations;

namespace CommonGround.Core.Demo;

/// <summary>
/// The writing advisor has been at work at Brookside this term: Helen, the school's admin, sees how often it spoke up
/// and how often staff kept their words anyway, by kind and never by person or text.
/// </summary>
internal static class DemoLanguage
{
    public static void Add(CommonGroundDbContext db, DateOnly today, Organisation brookside)
    {
        (LanguageCategory Category, int Advised, int SavedAnyway, int DaysAgo)[] thisTerm =
        [
            (LanguageCategory.FamilyLabel, 3, 0, 40),
            (LanguageCategory.FamilyBlame, 5, 1, 26),
            (LanguageCategory.ChildDeficit, 4, 1, 12),
            (LanguageCategory.PersonLabel, 2, 0, 5),
            (LanguageCategory.Disability, 1, 0, 3),
        ];
        foreach (var (category, advised, savedAnyway, daysAgo) in thisTerm)
        {
            for (var i = 0; i < advised + savedAnyway; i++)
            {
                db.LanguageAdviceRecords.Add(new LanguageAdviceRecord
                {
                    OrganisationId = brookside.Id, Category = category, SavedAnyway = i >= advised, Date = today.AddDays(-daysAgo + i),
                });
            }
        }
    }
}
