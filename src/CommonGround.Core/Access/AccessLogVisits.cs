using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Access;

/// <summary>Views by one person close together in time, shown to the family as one line so the list stays readable.</summary>
public sealed record AccessLogVisit(string ViewerName, string? OrganisationName, DateTime From, DateTime Until, IReadOnlyList<string> What, int Views)
{
    /// <summary>Views this close to the one before, by the same person, are part of the same visit.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromMinutes(10);

    /// <summary>What a view needs to know of the view of the same child just before it.</summary>
    public sealed record ViewBefore(string ViewerName, DateTime ViewedAt, DateTime VisitStartedAt);

    public string When => From == Until || UkDates.DateAndTime(From) == UkDates.DateAndTime(Until)
        ? UkDates.DateAndTime(From)
        : From.ToUkTime().Date == Until.ToUkTime().Date
            ? $"{UkDates.DateAndTime(From)} to {UkDates.Time(Until)}"
            : $"{UkDates.DateAndTime(From)} to {UkDates.DateAndTime(Until)}";

    public string Description
    {
        get
        {
            var named = string.Join("; ", What);
            return Views == 1 ? named : $"{named} ({Views} views)";
        }
    }

    /// <summary>Puts each new view in its visit, following on from the child's views already stored; before they are stored.</summary>
    public static async Task PlaceAsync(CommonGroundDbContext db, IEnumerable<AccessLogEntry> newViews, CancellationToken cancellationToken)
    {
        var byChild = newViews.GroupBy(v => v.ChildId).ToList();
        var ids = byChild.Select(c => c.Key).ToList();
        // Each child's latest stored view, asked for together: a list's response logs every child on its page at once.
        var latest = db.Children.Where(c => EF.Parameter(ids).Contains(c.Id))
            .Select(c => db.AccessLog.Where(a => a.ChildId == c.Id).OrderByDescending(a => a.ViewedAt).ThenByDescending(a => a.Id).Select(a => (Guid?)a.Id).FirstOrDefault());
        var before = await db.AccessLog.Where(a => latest.Contains(a.Id))
            .Select(a => new { a.ChildId, View = new ViewBefore(a.ViewerName, a.ViewedAt, a.VisitStartedAt) })
            .ToDictionaryAsync(a => a.ChildId, a => a.View, cancellationToken);
        foreach (var child in byChild)
        {
            Place(child, before.GetValueOrDefault(child.Key));
        }
    }

    /// <summary>Puts views of one child, following <paramref name="before"/>, in their visits.</summary>
    public static void Place(IEnumerable<AccessLogEntry> viewsOfOneChild, ViewBefore? before)
    {
        foreach (var view in viewsOfOneChild.OrderBy(v => v.ViewedAt).ThenBy(v => v.Id))
        {
            view.FollowOn(before);
            before = view.AsViewBefore();
        }
    }
}
