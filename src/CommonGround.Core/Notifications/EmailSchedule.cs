using CommonGround.Core.Time;

namespace CommonGround.Core.Notifications;

/// <summary>A person's quiet hours, in UK time; they may run past midnight (21:00 to 07:00).</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    public bool Contains(TimeOnly time) => From <= Until ? time >= From && time < Until : time >= From || time < Until;
}

/// <summary>When a notification's email should go, from the person's choice for its kind and their quiet hours.</summary>
public static class EmailSchedule
{
    /// <summary>Digests go at 8am UK time: daily ones every day, weekly ones on Mondays.</summary>
    public static readonly TimeOnly DigestTime = new(8, 0);

    /// <summary>The instant to send, or null when it is not emailed at all.</summary>
    public static DateTime? SendAt(DateTime createdAtUtc, EmailFrequency frequency, bool mandatory, QuietHours? quietHours)
    {
        if (frequency == EmailFrequency.Off)
        {
            if (!mandatory)
            {
                return null;
            }

            frequency = EmailFrequency.Immediately;
        }

        var at = frequency switch
        {
            EmailFrequency.DailyDigest => NextDigest(createdAtUtc, _ => true),
            EmailFrequency.WeeklyDigest => NextDigest(createdAtUtc, d => d.DayOfWeek == DayOfWeek.Monday),
            _ => createdAtUtc,
        };
        return quietHours is null ? at : AfterQuietHours(at, quietHours);
    }

    private static DateTime NextDigest(DateTime afterUtc, Func<DateOnly, bool> isDigestDay)
    {
        var day = DateOnly.FromDateTime(afterUtc.ToUkTime());
        while (true)
        {
            var at = TimeProviderExtensions.FromUkTime(day, DigestTime);
            if (at > afterUtc && isDigestDay(day))
            {
                return at;
            }

            day = day.AddDays(1);
        }
    }

    private static DateTime AfterQuietHours(DateTime atUtc, QuietHours quiet)
    {
        var local = atUtc.ToUkTime();
        if (!quiet.Contains(TimeOnly.FromDateTime(local)))
        {
            return atUtc;
        }

        var day = DateOnly.FromDateTime(local);
        // Quiet hours that started yesterday evening end this morning; otherwise they end tomorrow morning.
        var endsOn = quiet.From > quiet.Until && TimeOnly.FromDateTime(local) >= quiet.From ? day.AddDays(1) : day;
        return TimeProviderExtensions.FromUkTime(endsOn, quiet.Until);
    }
}
