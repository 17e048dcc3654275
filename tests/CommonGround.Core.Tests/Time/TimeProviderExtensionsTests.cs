using CommonGround.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace CommonGround.Core.Tests.Time;

public sealed class TimeProviderExtensionsTests
{
    [Theory]
    [InlineData("2026-07-01T22:59:59Z", "2026-07-01")] // 23:59:59 British Summer Time
    [InlineData("2026-07-01T23:00:00Z", "2026-07-02")] // midnight BST: already tomorrow in England
    [InlineData("2026-12-31T23:59:59Z", "2026-12-31")] // winter: England is on UTC
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // the night the clocks go forward
    public void TodayInUk_is_the_calendar_date_in_England(string utc, string expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time.TodayInUk());
    }

    [Fact]
    public void UtcNow_is_a_utc_instant()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(DateTimeKind.Utc, time.UtcNow().Kind);
        Assert.Equal(new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc), time.UtcNow());
    }
}
