using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Admin.Organisations;

public sealed class IndexModel(CommonGroundDbContext db) : PageBase
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Name, string Kind, string Area, int Staff);

    [BindProperty(SupportsGet = true)]
    public Guid? AreaId { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Option> AreaOptions { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public string PageHrefFormat => AreaId is null ? "?pageNumber={0}" : $"?areaId={AreaId}&pageNumber={{0}}";

    public async Task OnGetAsync()
    {
        AreaOptions = await db.Areas.OrderBy(a => a.Name).Select(a => new Option(a.Id.ToString(), a.Name, null)).ToListAsync();
        var query = db.Organisations.AsQueryable();
        if (AreaId is { } areaId)
        {
            query = query.Where(o => o.AreaId == areaId);
        }

        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var rows = await query.OrderBy(o => o.Name)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Kind,
                Area = o.Area!.Name,
                Staff = db.Professionals.Count(p => p.OrganisationId == o.Id && p.DeactivatedAt == null),
            })
            .ToListAsync();
        Rows = rows.Select(r => new Row(r.Id, r.Name, r.Kind.ToDisplayName(), r.Area, r.Staff)).ToList();
    }
}
