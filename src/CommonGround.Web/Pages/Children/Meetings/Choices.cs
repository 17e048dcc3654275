using CommonGround.Core.Meetings;
using CommonGround.Web.Infrastructure.GovUk;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>The choices the meeting forms offer.</summary>
public static class Choices
{
    public static IReadOnlyList<Option> Kinds { get; } =
    [
        new(nameof(MeetingKind.CheckIn), MeetingKind.CheckIn.ToDisplayName(), "A short catch-up on how things are going"),
        new(nameof(MeetingKind.Review), MeetingKind.Review.ToDisplayName(), "Looking at progress and support, for example each term"),
        new(nameof(MeetingKind.AnnualReview), MeetingKind.AnnualReview.ToDisplayName(), "The yearly review of an education, health and care plan"),
        new(nameof(MeetingKind.TeamAroundTheChild), MeetingKind.TeamAroundTheChild.ToDisplayName(), "Everyone supporting the child, planning together"),
        new(nameof(MeetingKind.TransitionPlanning), MeetingKind.TransitionPlanning.ToDisplayName(), "Planning a move, for example to a new school or to adult services"),
    ];

    public static IReadOnlyList<Option> Durations { get; } =
    [
        new("30", "30 minutes"),
        new("45", "45 minutes"),
        new("60", "1 hour"),
        new("90", "1 hour 30 minutes"),
        new("120", "2 hours"),
    ];

    public static IReadOnlyList<Option> ListenedScores { get; } = Enumerable.Range(1, 5).Reverse()
        .Select(s => new Option(s.ToString(System.Globalization.CultureInfo.InvariantCulture), MeetingText.ListenedAnswer(s))).ToList();

    /// <summary>Reads "10:30", "10.30", "2pm" or "2:15pm" as a time of day; null when it is not one.</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim().ToLowerInvariant().Replace('.', ':').Replace(" ", "", StringComparison.Ordinal);
        var pm = value.EndsWith("pm", StringComparison.Ordinal);
        var am = value.EndsWith("am", StringComparison.Ordinal);
        if (pm || am)
        {
            value = value[..^2];
        }

        var parts = value.Split(':');
        if (parts.Length > 2 || !int.TryParse(parts[0], out var hour) || (parts.Length == 2 && (parts[1].Length != 2 || !int.TryParse(parts[1], out _))))
        {
            return null;
        }

        var minute = parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (pm || am)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = hour % 12 + (pm ? 12 : 0);
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }
}
