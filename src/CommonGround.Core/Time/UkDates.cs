using System.Globalization;
namespace CommonGround.Core.Time;

/// <summary>Instants as people in England read them: "25 November 2026, 9:05am", in UK time, in one place for pages, emails and the audit trail.</summary>
public static class UkDates
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A calendar date: "25 November 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>A calendar date, or nothing when there is none.</summary>
    public static string? Date(DateOnly? date) => date is { } value ? Date(value) : null;

    /// <summary>The day an instant fell on in the UK: "25 November 2026".</summary>
    public static string Date(DateTime utc) => Format(utc, "d MMMM yyyy");

    /// <summary>The day an instant fell on, or nothing when there is none.</summary>
    public static string? Date(DateTime? utc) => utc is { } value ? Date(value) : null;

    /// <summary>A calendar date in a narrow table column: "25 Nov 2026".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", English);

    /// <summary>The day and month an instant fell on in the UK, for a recent event: "25 November".</summary>
    public static string DayAndMonth(DateTime utc) => Format(utc, "d MMMM");

    /// <summary>A calendar date with its weekday: "Wednesday 25 November 2026".</summary>
    public static string DayAndDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string DateAndTime(DateTime utc) => Format(utc, "d MMMM yyyy, h:mmtt");

    public static string DateAtTime(DateTime utc) => Format(utc, "d MMMM yyyy 'at' h:mmtt");

    /// <summary>A time of day in UK time: "9:05am".</summary>
    public static string Time(DateTime utc) => Format(utc, "h:mmtt");

    private static string Format(DateTime utc, string pattern) =>
        utc.ToUkTime().ToString(pattern, English).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
}
