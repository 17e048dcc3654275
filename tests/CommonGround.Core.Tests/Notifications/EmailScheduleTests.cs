using CommonGround.Core.Notifications;

namespace CommonGround.Core.Tests.Notifications;

public sealed class EmailScheduleTests
{
    private static readonly QuietHours Overnight = new(new TimeOnly(21, 0), new TimeOnly(7, 0));

    private static DateTime Utc(string value) => DateTime.Parse(value, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

    [Theory]
    [InlineData("2026-11-23T09:00:00Z", EmailFrequency.Immediately, "2026-11-23T09:00:00Z")]
    // Daily emails go at 8am UK time: the next one after the change.
    [InlineData("2026-11-23T09:00:00Z", EmailFrequency.DailyDigest, "2026-11-24T08:00:00Z")]
    [InlineData("2026-11-23T07:59:00Z", EmailFrequency.DailyDigest, "2026-11-23T08:00:00Z")]
    [InlineData("2026-07-01T06:30:00Z", EmailFrequency.DailyDigest, "2026-07-01T07:00:00Z")]
    // Weekly emails go on Monday at 8am.
    [InlineData("2026-11-23T09:00:00Z", EmailFrequency.WeeklyDigest, "2026-11-30T08:00:00Z")]
    [InlineData("2026-11-22T20:00:00Z", EmailFrequency.WeeklyDigest, "2026-11-23T08:00:00Z")]
    public void Emails_go_straight_away_or_at_the_next_digest(string created, EmailFrequency frequency, string expected) =>
        Assert.Equal(Utc(expected), EmailSchedule.SendAt(Utc(created), frequency, mandatory: false, quietHours: null));

    [Fact]
    public void Turned_off_means_no_email_unless_it_cannot_be_turned_off()
    {
        Assert.Null(EmailSchedule.SendAt(Utc("2026-11-23T09:00:00Z"), EmailFrequency.Off, mandatory: false, quietHours: null));
        Assert.Equal(Utc("2026-11-23T09:00:00Z"), EmailSchedule.SendAt(Utc("2026-11-23T09:00:00Z"), EmailFrequency.Off, mandatory: true, quietHours: null));
    }

    [Theory]
    [InlineData("2026-11-23T22:30:00Z", "2026-11-24T07:00:00Z")]
    [InlineData("2026-11-24T06:00:00Z", "2026-11-24T07:00:00Z")]
    [InlineData("2026-11-24T07:00:00Z", "2026-11-24T07:00:00Z")]
    [InlineData("2026-11-24T12:00:00Z", "2026-11-24T12:00:00Z")]
    [InlineData("2026-11-24T20:59:00Z", "2026-11-24T20:59:00Z")]
    // 21:30 UTC is 22:30 in summer; quiet hours end at 7am British Summer Time, 6am UTC.
    [InlineData("2026-07-01T21:30:00Z", "2026-07-02T06:00:00Z")]
    public void Nothing_is_emailed_in_quiet_hours_and_it_waits_until_they_end(string created, string expected) =>
        Assert.Equal(Utc(expected), EmailSchedule.SendAt(Utc(created), EmailFrequency.Immediately, mandatory: true, Overnight));

    [Fact]
    public void Quiet_hours_within_one_day_and_a_digest_inside_them()
    {
        var morning = new QuietHours(new TimeOnly(7, 30), new TimeOnly(9, 0));
        Assert.Equal(Utc("2026-11-24T09:00:00Z"), EmailSchedule.SendAt(Utc("2026-11-23T10:00:00Z"), EmailFrequency.DailyDigest, false, morning));
        Assert.True(morning.Contains(new TimeOnly(8, 59)));
        Assert.False(morning.Contains(new TimeOnly(9, 0)));
        Assert.False(morning.Contains(new TimeOnly(7, 29)));
    }
}
