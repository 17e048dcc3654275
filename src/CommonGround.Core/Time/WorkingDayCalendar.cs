using System.Collections.Frozen;
using System.Text.Json;

namespace CommonGround.Core.Time;

/// <summary>A bank holiday announced as a one-off, or a regular one moved to another day.</summary>
public sealed record BankHolidayChange(DateOnly Date, string Name, DateOnly? InsteadOf = null);

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays. Regular bank holidays follow their rules
/// (including substitute days when one falls at a weekend); one-offs and moved days are data in
/// <c>bank-holiday-changes.json</c>, so a new announcement is a one-line change. Every part of the product that counts
/// working days counts them here.
/// </summary>
public sealed class WorkingDayCalendar
{
    // Holidays are worked out once for these years; a date outside them is worked out when asked.
    private const int FirstCachedYear = 1990;
    private const int LastCachedYear = 2100;

    private static readonly int FirstCachedDay = new DateOnly(FirstCachedYear, 1, 1).DayNumber;
    private static readonly int LastCachedDay = new DateOnly(LastCachedYear, 12, 31).DayNumber;

    private readonly IReadOnlyList<BankHolidayChange> changes;
    private readonly FrozenDictionary<DateOnly, string> cached;
    // The working days before each cached day, so counting those in any range is one subtraction, not a walk.
    private readonly int[] workingDaysBefore;

    public WorkingDayCalendar(IReadOnlyList<BankHolidayChange> changes)
    {
        this.changes = changes;
        var holidays = new Dictionary<DateOnly, string>();
        for (var year = FirstCachedYear; year <= LastCachedYear; year++)
        {
            foreach (var (date, name) in Compute(year))
            {
                holidays[date] = name;
            }
        }

        cached = holidays.ToFrozenDictionary();
        workingDaysBefore = new int[LastCachedDay - FirstCachedDay + 2];
        for (var day = FirstCachedDay; day <= LastCachedDay; day++)
        {
            var index = day - FirstCachedDay;
            workingDaysBefore[index + 1] = workingDaysBefore[index] + (IsWorkingDay(DateOnly.FromDayNumber(day)) ? 1 : 0);
        }
    }

    public static WorkingDayCalendar EnglandAndWales { get; } = new(LoadChanges());

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && BankHolidayName(date) is null;

    /// <summary>The bank holiday on <paramref name="date"/>, or null when it is not one.</summary>
    public string? BankHolidayName(DateOnly date)
    {
        if (date.Year is >= FirstCachedYear and <= LastCachedYear)
        {
            return cached.GetValueOrDefault(date);
        }

        return Compute(date.Year).Where(h => h.Date == date).Select(h => h.Name).FirstOrDefault();
    }

    /// <summary>Every bank holiday in a calendar year, in date order.</summary>
    public IReadOnlyList<(DateOnly Date, string Name)> BankHolidays(int year) => Compute(year);

    /// <summary>The day <paramref name="workingDays"/> working days after <paramref name="date"/> (which itself is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// The latest day after which at least <paramref name="workingDays"/> working days have passed by <paramref name="date"/>
    /// (counted as <see cref="WorkingDaysBetween"/> counts them): the other way round from <see cref="AddWorkingDays"/>.
    /// </summary>
    public DateOnly LatestDayWorkingDaysBefore(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        while (WorkingDaysBetween(day, date) < workingDays)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => WorkingDaysFromTo(from.AddDays(1), to);

    /// <summary>The number of working days from <paramref name="first"/> to <paramref name="last"/>, both included; 0 when <paramref name="last"/> is earlier.</summary>
    public int WorkingDaysFromTo(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            return 0;
        }

        if (first.DayNumber >= FirstCachedDay && last.DayNumber <= LastCachedDay)
        {
            return workingDaysBefore[last.DayNumber - FirstCachedDay + 1] - workingDaysBefore[first.DayNumber - FirstCachedDay];
        }

        var count = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the next one.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        var day = date;
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the one before.</summary>
    public DateOnly OnOrPreviousWorkingDay(DateOnly date)
    {
        var day = date;
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private List<(DateOnly Date, string Name)> Compute(int year)
    {
        var holidays = new List<(DateOnly Date, string Name)>();
        holidays.Add((Substitute(new DateOnly(year, 1, 1)), "New Year's Day"));

        var easter = EasterSunday(year);
        holidays.Add((easter.AddDays(-2), "Good Friday"));
        holidays.Add((easter.AddDays(1), "Easter Monday"));
        holidays.Add((FirstMonday(year, 5), "Early May bank holiday"));
        holidays.Add((LastMonday(year, 5), "Spring bank holiday"));
        holidays.Add((LastMonday(year, 8), "Summer bank holiday"));

        var christmas = new DateOnly(year, 12, 25);
        var (christmasDay, boxingDay) = christmas.DayOfWeek switch
        {
            DayOfWeek.Friday => (christmas, new DateOnly(year, 12, 28)),
            DayOfWeek.Saturday => (new DateOnly(year, 12, 27), new DateOnly(year, 12, 28)),
            DayOfWeek.Sunday => (new DateOnly(year, 12, 27), new DateOnly(year, 12, 26)),
            _ => (christmas, new DateOnly(year, 12, 26)),
        };
        // Christmas Day itself is never a working day, even when its holiday moves to a substitute.
        holidays.Add((christmas, "Christmas Day"));
        if (christmasDay != christmas)
        {
            holidays.Add((christmasDay, "Christmas Day (substitute day)"));
        }

        holidays.Add((boxingDay, boxingDay.Day == 26 ? "Boxing Day" : "Boxing Day (substitute day)"));

        foreach (var change in changes)
        {
            if (change.InsteadOf is { } moved && moved.Year == year)
            {
                holidays.RemoveAll(h => h.Date == moved);
            }
        }

        holidays.AddRange(changes.Where(c => c.Date.Year == year).Select(c => (c.Date, c.Name)));
        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
        return holidays;
    }

    private static DateOnly Substitute(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>Western Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static List<BankHolidayChange> LoadChanges()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream("CommonGround.Core.Time.bank-holiday-changes.json")
            ?? throw new InvalidOperationException("The bank holiday changes are missing from the build.");
        return JsonSerializer.Deserialize<List<BankHolidayChange>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The bank holiday changes could not be read.");
    }
}
