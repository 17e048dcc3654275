using System.Linq.Expressions;
using CommonGround.Core.Access;

namespace CommonGround.Core.Notifications;

/// <summary>
/// A notification about part of a child's record is shown only while the person may still see that part (and any further
/// part its subject belongs to): sharing withdrawn today hides yesterday's notices too.
/// </summary>
public static class NotificationVisibility
{
    public static IQueryable<Notification> StillVisible(this IQueryable<Notification> notifications, PartsSeen seen)
    {
        var item = Expression.Parameter(typeof(Notification), "n");
        var childId = Expression.Property(item, nameof(Notification.ChildId));
        Expression Allowed(string property)
        {
            var area = Expression.Property(item, property);
            Expression allowed = Expression.Equal(area, Expression.Constant(null, typeof(RecordArea?)));
            foreach (var (part, children) in seen.ChildrenByPart)
            {
                // Read through a holder, so the database is given the list as one parameter rather than as literals.
                var ids = Expression.Property(Expression.Constant(new ChildIds(children.Select(id => (Guid?)id).ToList())), nameof(ChildIds.Ids));
                allowed = Expression.OrElse(allowed, Expression.AndAlso(
                    Expression.Equal(area, Expression.Constant(part, typeof(RecordArea?))),
                    Expression.Call(ids, typeof(List<Guid?>).GetMethod(nameof(List<Guid?>.Contains))!, childId)));
            }

            return allowed;
        }

        var predicate = Expression.Lambda<Func<Notification, bool>>(
            Expression.AndAlso(Allowed(nameof(Notification.Area)), Allowed(nameof(Notification.AboutArea))), item);
        return notifications.Where(predicate);
    }

    private sealed record ChildIds(List<Guid?> Ids);
}
