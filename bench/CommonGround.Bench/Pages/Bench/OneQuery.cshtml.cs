using CommonGround.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Bench.Pages.Bench;

/// <summary>
/// What every timed page is compared with: a page that runs one query and shows its answer, through the app's own
/// sign-in, filters and headers, so the ratios measure what the pages do and not the machine.
/// </summary>
public sealed class OneQueryModel(CommonGroundDbContext db) : PageModel
{
    public string Name { get; private set; } = "";

    public async Task OnGetAsync(Guid childId) =>
        Name = await db.Children.Where(c => c.Id == childId).Select(c => c.FirstName + " " + c.LastName).SingleAsync();
}
