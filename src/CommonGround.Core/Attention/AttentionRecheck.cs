using CommonGround.Core.Children;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Attention;

/// <summary>
/// The first day on which time alone may change one group of a child's early warnings: a clock running out, a legal
/// date coming within a warning's window, a meeting's day arriving. The attention job's first run of a day works out
/// only the groups whose day has come, with the children whose records changed, instead of every child in the area.
/// A group that time cannot move (nothing open, or a warning already counting from its date) has no row.
/// </summary>
public sealed class AttentionRecheck
{
    /// <summary>For a group that may move on any day while it lasts (provision counted to date, a concern's clock); kept as it is, not rewritten daily.</summary>
    public static readonly DateOnly EveryDay = DateOnly.MinValue;

    public required Guid ChildId { get; init; }
    public required Guid AreaId { get; init; }
    /// <summary>One group of rules.</summary>
    public required AttentionRules Rules { get; init; }
    public required DateOnly RecheckOn { get; set; }
}

/// <summary>The days each child's groups of rules must be worked out again, gathered while their warnings are worked out: the earliest wins.</summary>
public sealed class AttentionRechecks
{
    private readonly Dictionary<(Guid ChildId, AttentionRules Rules), DateOnly> _days = [];

    /// <summary>The area of each child worked out.</summary>
    public Dictionary<Guid, Guid> AreaOf { get; } = [];

    public void EveryDay(Guid childId, AttentionRules rules) => On(childId, rules, AttentionRecheck.EveryDay);

    public void On(Guid childId, AttentionRules rules, DateOnly day)
    {
        if (!_days.TryGetValue((childId, rules), out var kept) || day < kept)
        {
            _days[(childId, rules)] = day;
        }
    }

    /// <summary>The day this group must be worked out again for this child, or null if only a change to the record can move it.</summary>
    public DateOnly? For(Guid childId, AttentionRules rules) => _days.TryGetValue((childId, rules), out var day) ? day : null;

    private static WorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales;

    /// <summary>
    /// The first day after <paramref name="today"/> on which the warning for an upcoming legal date changes: the date
    /// comes within the window warnings are kept for, then within the window its warning is sent in (<see cref="StatutoryWarnings"/>),
    /// then it is missed the day after.
    /// </summary>
    public static DateOnly NextChangeOfLegalDate(DateOnly date, DateOnly today, int keptWithinWorkingDays)
    {
        bool Kept(DateOnly day) => date <= Calendar.AddWorkingDays(day, keptWithinWorkingDays);
        bool Warned(DateOnly day) => Calendar.WorkingDaysBetween(day, date) <= DeadlineStates.DueSoonWorkingDays;
        var next = date.AddDays(1);
        foreach (var comesWithin in new Func<DateOnly, bool>[] { Kept, Warned })
        {
            if (!comesWithin(today))
            {
                next = Min(next, DaySearch.FirstDay(today.AddDays(1), date, comesWithin));
            }
        }

        return next;
        static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }
}

public sealed class AttentionRecheckConfiguration : IEntityTypeConfiguration<AttentionRecheck>
{
    public void Configure(EntityTypeBuilder<AttentionRecheck> e)
    {
        e.HasKey(r => new { r.ChildId, r.Rules });
        e.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        // The day's first run finds an area's groups whose day has come.
        e.HasIndex(r => new { r.AreaId, r.RecheckOn });
    }
}
