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
}
