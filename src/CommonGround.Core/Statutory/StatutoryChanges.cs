using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Time;

namespace CommonGround.Core.Statutory;

/// <summary>How a statutory process's changes read in the child's history, written the same way wherever they happen.</summary>
public static class StatutoryChanges
{
    public static AuditEvent Started(Actor actor, StatutoryProcess process, DateTime at) =>
        AuditEvent.ForChild(actor, process.ChildId, process.AreaId, at,
            new ChildChange(AuditActions.StatutoryProcessStarted, RecordArea.StatutoryProcess, $"{process.Kind.Text()} recorded", new ChangeSubject.StatutoryProcess(process.Id)));

    /// <summary>A family-recorded date confirmed or corrected by the local authority, in the words of that change.</summary>
    public static AuditEvent Changed(Actor actor, StatutoryProcess process, string action, string summary, DateTime at) =>
        AuditEvent.ForChild(actor, process.ChildId, process.AreaId, at,
            new ChildChange(action, RecordArea.StatutoryProcess, $"{process.Kind.Text()}: {summary}", new ChangeSubject.StatutoryProcess(process.Id)));

    public static AuditEvent Recorded(Actor actor, StatutoryProcess process, StatutoryEvent recorded, DateTime at) =>
        AuditEvent.ForChild(actor, process.ChildId, process.AreaId, at,
            new ChildChange(AuditActions.StatutoryEventRecorded, RecordArea.StatutoryProcess,
                $"{process.Kind.Text()}: {recorded.Kind.Term().Text} on {UkDates.Date(recorded.OccurredOn)}{(recorded.RecordedByFamily ? ", recorded by the family" : "")}",
                new ChangeSubject.StatutoryProcess(process.Id)));
}
