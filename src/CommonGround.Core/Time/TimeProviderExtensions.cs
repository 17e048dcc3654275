namespace CommonGround.Core.Time;

public static class TimeProviderExtensions
{
    private static readonly TimeZoneInfo UkTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The current instant as a UTC <see cref="DateTime"/>, the form every stored instant takes.</summary>
    public static DateTime UtcNow(this TimeProvider timeProvider) => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Today's calendar date in England, whatever the server's own time zone.</summary>
    public static DateOnly TodayInUk(this TimeProvider timeProvider) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), UkTimeZone).DateTime);

    /// <summary>A UTC instant as the wall-clock time in England, for display.</summary>
    public static DateTime ToUkTime(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTimeZone);

    /// <summary>The calendar date in England of a UTC instant.</summary>
    public static DateOnly ToUkDate(this DateTime utc) => DateOnly.FromDateTime(utc.ToUkTime());

    /// <summary>
    /// A date and wall-clock time in England as a UTC instant. A time the clocks skip in spring is read as the hour
    /// after; a time that happens twice in autumn as the first of the two.
    /// </summary>
    public static DateTime FromUkTime(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (UkTimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = UkTimeZone.IsAmbiguousTime(local) ? UkTimeZone.GetAmbiguousTimeOffsets(local).Max() : UkTimeZone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }
}
