using CommonGround.Core.Access;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Statutory;

public sealed class ProcessModel(StatutoryService statutory, CurrentUser currentUser, TimeProvider time) : StatutoryPageBase(statutory, currentUser)
{
    public ProcessProgress Progress { get; private set; } = ProcessProgress.Empty;

    /// <summary>Whose dates are the reader's own: their failures are not shown to them as something to chase.</summary>
    public DeadlineActor? Reader => DeadlineStates.ReaderFor(Access);

    /// <summary>Duties someone other than the reader missed or did late: a family can send a letter about each.</summary>
    public IReadOnlyList<ProgressDeadline> ToChase => Progress.Deadlines.Where(d => d.IsFailureFor(Reader)).ToList();

    public DateOnly Today { get; private set; }

    public bool CanRecord => Access.Can(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess);

    /// <summary>The local authority confirms or corrects what the family recorded.</summary>
    public bool CanConfirm => CanRecord && !Access.IsFamily;

    [ChildPage(Capability.ViewRecord, RecordArea.StatutoryProcess)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid processId)
    {
        if (await LoadProcessAsync(childId, processId) is { } refused)
        {
            return refused;
        }

        Progress = Statutory.Progress(Process, Access.Child.DateOfBirth);
        Today = Core.Time.TimeProviderExtensions.TodayInUk(time);
        DescribeRead(RecordArea.StatutoryProcess, Process.Kind.Text());
        return Page();
    }
}
