using System.Linq.Expressions;
using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Core.Team;

namespace CommonGround.Core.Notifications;

/// <summary>
/// A notification about part of a child's record is shown only while the person may still see that part (and any further
/// part its subject belongs to): sharing withdrawn today hides yesterday's notices too.
/// </summary>
public static class NotificationVisibility
{
    /// <summary>
    /// The notifications about what the person may still see: as staff, asked of the database for each notification
    /// (a place on the child's team shared that part <paramref name="today"/>, from the parts kept on the place), so the
    /// cost follows the notifications and not the caseload; as family, from <paramref name="familySees"/>.
    /// </summary>
    public static IQueryable<Notification> StillVisible(this IQueryable<Notification> notifications, IQueryable<TeamMember> staffPlaces,
        DateOnly today, PartsSeen familySees)
    {
        // Each part and its children are captured values, so the database is given them as parameters and the query's
        // shape depends only on how many parts the family sees: it is compiled once and reused on every page.
        var area = QueryParts.Inline((Notification n) => n.Area == null
            || staffPlaces.Any(t => t.ChildId == n.ChildId && SharedParts.SharesOn.Apply(t, n.Area.Value, today)));
        var about = QueryParts.Inline((Notification n) => n.AboutArea == null
            || staffPlaces.Any(t => t.ChildId == n.ChildId && SharedParts.SharesOn.Apply(t, n.AboutArea.Value, today)));
        foreach (var (seenPart, children) in familySees.ChildrenByPart)
        {
            RecordArea? part = seenPart;
            var ids = children.Select(id => (Guid?)id).ToList();
            area = Either(area, n => n.Area == part && ids.Contains(n.ChildId));
            about = Either(about, n => n.AboutArea == part && ids.Contains(n.ChildId));
        }

        return notifications.Where(area).Where(about);
    }

    private static Expression<Func<Notification, bool>> Either(Expression<Func<Notification, bool>> first, Expression<Func<Notification, bool>> second)
    {
        var item = first.Parameters[0];
        var secondBody = new Rebind(second.Parameters[0], item).Visit(second.Body);
        return Expression.Lambda<Func<Notification, bool>>(Expression.OrElse(first.Body, secondBody), item);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
