using CommonGround.Core.Time;

namespace CommonGround.Core.Access;

/// <summary>One view of a record, as "who has seen" reads it.</summary>
public sealed record AccessLogView(DateTime ViewedAt, string ViewerName, string? OrganisationName, string What);

/// <summary>Views by one person close together in time, shown to the family as one line so the list stays readable.</summary>
public sealed record AccessLogVisit(string ViewerName, string? OrganisationName, DateTime From, DateTime Until, IReadOnlyList<string> What, int Views)
{
    /// <summary>Views this close to the one before, by the same person, are part of the same visit.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromMinutes(10);

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

    /// <summary>Groups views, newest first, into visits, newest first.</summary>
    public static IReadOnlyList<AccessLogVisit> Group(IEnumerable<AccessLogView> newestFirst)
    {
        var visits = new List<AccessLogVisit>();
        foreach (var view in newestFirst)
        {
            if (visits.Count > 0 && visits[^1] is var last && last.ViewerName == view.ViewerName && last.From - view.ViewedAt <= Gap)
            {
                visits[^1] = last with
                {
                    From = view.ViewedAt,
                    What = last.What.Contains(view.What) ? last.What : [.. last.What, view.What],
                    Views = last.Views + 1,
                };
            }
            else
            {
                visits.Add(new AccessLogVisit(view.ViewerName, view.OrganisationName, view.ViewedAt, view.ViewedAt, [view.What], 1));
            }
        }

        return visits;
    }
}
