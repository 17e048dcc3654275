using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Statutory;

/// <summary>
/// Every statutory process on the records of children whose team the person is on and who share the statutory
/// process with them, with the next date first by default.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class IndexModel(StatutoryService statutory, CurrentUser currentUser, TimeProvider time) : PageBase
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<CaseloadItem> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public bool ByChild => Sort == "child";

    public async Task OnGetAsync()
    {
        var items = await statutory.CaseloadAsync(currentUser.UserId!.Value);
        // Processes with nothing left to happen go last, whichever way the list is sorted.
        Items = ByChild
            ? items.OrderBy(i => i.ChildName, StringComparer.OrdinalIgnoreCase).ThenBy(i => NextDate(i)).ToList()
            : items.OrderBy(NextDate).ThenBy(i => i.ChildName, StringComparer.OrdinalIgnoreCase).ToList();
        Today = time.TodayInUk();
        ShowsChildren(Items.Select(i => i.ChildId), "Statutory processes list: dates");
    }

    private static DateOnly NextDate(CaseloadItem item) => item.Progress.Next.FirstOrDefault()?.Deadline.Date ?? DateOnly.MaxValue;
}
