using CommonGround.Core.Access;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Statutory;

public sealed class IndexModel(StatutoryService statutory, CurrentUser currentUser, TimeProvider time) : ChildPageBase(currentUser)
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<(StatutoryProcess Process, ProcessProgress Progress)> Processes { get; private set; } = [];

    public bool CanRecord => Access.Can(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess);

    [ChildPage(Capability.ViewRecord, RecordArea.StatutoryProcess)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        Processes = (await statutory.ListAsync(childId)).Select(p => (p, statutory.Progress(p, Access.Child.DateOfBirth))).ToList();
        Today = time.TodayInUk();
        DescribeRead(RecordArea.StatutoryProcess, "Statutory processes");
        return Page();
    }
}
