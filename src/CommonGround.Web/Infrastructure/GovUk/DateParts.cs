using System.Globalization;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>
/// The three boxes of a GOV.UK date input as typed. <see cref="Read"/> is the one place their wording of errors lives:
/// the model binder uses it for <see cref="DateOnly"/> properties, and forms with a changing set of dates bind these.
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public string? Part(string name) => name switch { "Day" => Day, "Month" => Month, _ => Year };

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, or null with no error when all three boxes are empty, or the GOV.UK message for what is wrong.</summary>
    public static (DateOnly? Date, string? Error) Read(string? day, string? month, string? year, string label)
    {
        var parts = new[] { ("day", day?.Trim()), ("month", month?.Trim()), ("year", year?.Trim()) };
        if (parts.All(p => string.IsNullOrEmpty(p.Item2)))
        {
            return (null, null);
        }

        var missing = parts.Where(p => string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            return (null, $"{label} must include a {string.Join(" and ", missing)}");
        }

        if (!int.TryParse(parts[0].Item2, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(parts[1].Item2, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(parts[2].Item2, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return (null, $"{label} must be a real date");
        }

        if (parts[2].Item2!.Length != 4)
        {
            return (null, "Year must include 4 numbers");
        }

        if (m is < 1 or > 12 || d < 1 || y < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return (null, $"{label} must be a real date");
        }

        var date = new DateOnly(y, m, d);
        return OutsideService(date) ? (null, OutsideServiceMessage(label)) : (date, null);
    }

    public (DateOnly? Date, string? Error) Read(string label) => Read(Day, Month, Year, label);

    /// <summary>
    /// No date anyone here records is before 1900 or after 2099: such a year is a slip of the keyboard (9999), refused
    /// for every date input. Each field's own, narrower range is a rule of the service it belongs to.
    /// </summary>
    public static bool OutsideService(DateOnly date) => date.Year is < 1900 or > 2099;

    public static string OutsideServiceMessage(string label) => $"{label} must be between 1900 and 2099";
}
