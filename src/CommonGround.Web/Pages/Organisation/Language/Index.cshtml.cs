using CommonGround.Core.Data;
using CommonGround.Core.Language;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Organisation.Language;

/// <summary>How often the respectful-language advisor spoke up for the organisation's staff, and how often they saved anyway: counts only.</summary>
public sealed class IndexModel(CommonGroundDbContext db, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    public sealed record CategoryCount(LanguageCategory Category, int Advised, int SavedAnyway);

    public IReadOnlyList<CategoryCount> Counts { get; private set; } = [];
    public DateOnly Since { get; private set; }

    public async Task OnGetAsync()
    {
        var organisationId = (await currentUser.GetAsync())!.Organisation!.Id;
        Since = timeProvider.TodayInUk().AddMonths(-12);
        var since = Since;
        var rows = await db.LanguageAdviceRecords.Where(r => r.OrganisationId == organisationId && r.Date >= since)
            .GroupBy(r => new { r.Category, r.SavedAnyway }).Select(g => new { g.Key.Category, g.Key.SavedAnyway, Count = g.Count() })
            .ToListAsync();
        Counts = Enum.GetValues<LanguageCategory>()
            .Select(c => new CategoryCount(c, rows.Where(r => r.Category == c && !r.SavedAnyway).Sum(r => r.Count), rows.Where(r => r.Category == c && r.SavedAnyway).Sum(r => r.Count)))
            .ToList();
    }
}
