using CommonGround.Core.Access;

namespace CommonGround.Core.Audit;

public static class AuditEventQueries
{
    /// <summary>
    /// Changes to a child's record that a person may hear about: only those in the areas they can see. The family
    /// also hears of changes to the team and sharing (which belong to no area); a team member does not.
    /// </summary>
    public static IQueryable<AuditEvent> VisibleTo(this IQueryable<AuditEvent> changes, ChildAccess access)
    {
        if (access.SeesEveryArea && access.IsFamily)
        {
            return changes;
        }

        var areas = access.SharedAreas.ToList();
        return access.IsFamily
            ? changes.Where(a => a.RecordArea == null || areas.Contains(a.RecordArea.Value))
            : changes.Where(a => a.RecordArea != null && areas.Contains(a.RecordArea.Value));
    }
}
