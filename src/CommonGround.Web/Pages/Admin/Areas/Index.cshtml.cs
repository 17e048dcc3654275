using CommonGround.Core.Data;
using CommonGround.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Admin.Areas;

public sealed class IndexModel(CommonGroundDbContext db) : PageBase
{
    public sealed record Row(Guid Id, string Name, string Code, int Organisations);

    public IReadOnlyList<Row> Areas { get; private set; } = [];

    public async Task OnGetAsync() =>
        Areas = await db.Areas.OrderBy(a => a.Name)
            .Select(a => new Row(a.Id, a.Name, a.Code, db.Organisations.Count(o => o.AreaId == a.Id)))
            .ToListAsync();
}
