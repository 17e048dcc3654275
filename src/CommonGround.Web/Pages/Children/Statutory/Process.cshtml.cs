using CommonGround.Core.Access;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Statutory;

public sealed class ProcessModel(AccessService accessService, StatutoryService statutory, CurrentUser currentUser, TimeProvider time) : StatutoryPageBase(accessService, statutory, currentUser)
{
    public ProcessTimeline Timeline { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    public bool CanRecord => Access.Can(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess);

    /// <summary>The local authority confirms or corrects what the family recorded.</summary>
    public bool CanConfirm => CanRecord && !Access.IsFamily;

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid processId)
    {
        if (await LoadProcessAsync(childId, processId, Capability.ViewRecord) is { } refused)
        {
            return refused;
        }

        Timeline = Statutory.Track(Process);
        Today = Core.Time.TimeProviderExtensions.TodayInUk(time);
        DescribeRead(RecordArea.StatutoryProcess, Process.Kind.Text());
        return Page();
    }
}
