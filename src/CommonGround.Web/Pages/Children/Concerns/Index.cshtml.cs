using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>Every concern about the child the person may see, with who has it and where its clock stands.</summary>
public sealed class IndexModel(ConcernService concerns, CurrentUser currentUser, TimeProvider timeProvider)
    : ChildPageBase(currentUser)
{
    public IReadOnlyList<Concern> Concerns { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [ChildPage(Capability.ViewRecord, RecordArea.Concerns)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        Today = timeProvider.TodayInUk();
        Concerns = await concerns.ListForChildAsync(Access);
        DescribeRead(RecordArea.Concerns, "Concerns");
        return Page();
    }
}
