using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children;

/// <summary>"My children" for a family; "Children I work with" for a professional, with the areas shared with them.</summary>
public sealed class IndexModel(ChildService children, CommonGroundDbContext db, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    public const int PageSize = 25;

    public sealed record TeamRow(Guid Id, string Name, DateOnly DateOfBirth, string Role, bool IsKeyWorker, IReadOnlyList<RecordArea> Areas);

    public bool IsFamily { get; private set; }
    public IReadOnlyList<Child> Children { get; private set; } = [];
    public IReadOnlyList<TeamRow> TeamChildren { get; private set; } = [];
    public DateOnly Today => timeProvider.TodayInUk();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string Sort { get; set; } = "name";

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    public string PageHrefFormat => $"?q={Uri.EscapeDataString(Search ?? "")}&sort={Uri.EscapeDataString(Sort)}&pageNumber={{0}}";

    public async Task<IActionResult> OnGetAsync()
    {
        var person = (await currentUser.GetAsync())!;
        if (!person.IsFamily && !person.IsProfessional)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        IsFamily = person.IsFamily;
        if (IsFamily)
        {
            Children = await children.ListFamilyChildrenAsync(person.Account.Id);
            return Page();
        }

        var today = Today;
        var query = db.TeamMembers
            .Where(t => t.LeftAt == null && t.ProfessionalId == person.Professional!.Id);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
            query = query.Where(t => db.Children.Any(c => c.Id == t.ChildId
                && (c.FirstName.ToUpper().Contains(term) || c.LastName.ToUpper().Contains(term) || (c.PreferredName != null && c.PreferredName.ToUpper().Contains(term)))));
        }

        var rows = query.Join(db.Children, t => t.ChildId, c => c.Id, (t, c) => new { Member = t, Child = c });
        rows = Sort == "age"
            ? rows.OrderBy(r => r.Child.DateOfBirth).ThenBy(r => r.Child.LastName)
            : rows.OrderBy(r => r.Child.LastName).ThenBy(r => r.Child.FirstName);
        Total = await rows.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var pageRows = await rows.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                r.Child.Id,
                Name = (r.Child.PreferredName ?? r.Child.FirstName) + " " + r.Child.LastName,
                r.Child.DateOfBirth,
                r.Member.Role,
                r.Member.IsKeyWorker,
                Consents = r.Member.Consents.Where(c => c.WithdrawnAt == null && c.From <= today && (c.Until == null || c.Until >= today)).Select(c => c.Area).ToList(),
            })
            .ToListAsync();
        TeamChildren = pageRows.Select(r => new TeamRow(r.Id, r.Name, r.DateOfBirth, r.Role, r.IsKeyWorker, r.Consents.Order().ToList())).ToList();
        ShowsChildren(TeamChildren.Select(r => r.Id), "Children I work with (name and date of birth)");
        return Page();
    }
}
