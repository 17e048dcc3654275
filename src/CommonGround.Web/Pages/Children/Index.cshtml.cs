using CommonGround.Core.Children;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

public sealed class IndexModel(ChildService children, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    public bool IsFamily { get; private set; }
    public IReadOnlyList<Child> Children { get; private set; } = [];
    public DateOnly Today => timeProvider.TodayInUk();

    public async Task<IActionResult> OnGetAsync()
    {
        var person = (await currentUser.GetAsync())!;
        if (!person.IsFamily && !person.IsProfessional)
        {
            return Forbid();
        }

        IsFamily = person.IsFamily;
        if (IsFamily)
        {
            Children = await children.ListFamilyChildrenAsync(person.Account.Id);
        }

        return Page();
    }
}
