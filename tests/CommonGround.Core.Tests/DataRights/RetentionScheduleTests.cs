using CommonGround.Core.DataRights;

namespace CommonGround.Core.Tests;

/// <summary>The day a closed record is erased, from the rule it was closed under.</summary>
public sealed class RetentionScheduleTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("send-record", "2017-03-04", "2026-11-23", "2048-03-04")] // the 31st birthday: 25 plus 6 years
    [InlineData("send-record", "2016-02-29", "2026-11-23", "2047-02-28")] // born on 29 February: the last day of February
    [InlineData("send-record", "1995-12-10", "2026-11-23", "2026-12-23")] // closed near the 31st birthday: never less than 30 days
    [InlineData("send-record", "1990-01-01", "2026-11-23", "2026-12-23")] // closed after it: 30 days to undo a mistake
    [InlineData("opened-in-error", "2017-03-04", "2026-11-23", "2026-12-23")] // 30 days, whatever the child's age
    public void A_closed_record_is_erased_on_the_day_its_rule_gives(string rule, string born, string closed, string erased) =>
        Assert.Equal(D(erased), RetentionSchedule.Find(rule)!.EraseOn(D(born), D(closed)));

    [Fact]
    public void Every_rule_says_what_it_covers_how_long_and_why_and_has_its_own_key()
    {
        Assert.All(RetentionSchedule.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason) || string.IsNullOrWhiteSpace(r.Covers) || string.IsNullOrWhiteSpace(r.KeptUntil) || string.IsNullOrWhiteSpace(r.Source), r.Key));
        Assert.Equal(RetentionSchedule.Rules.Count, RetentionSchedule.Rules.Select(r => r.Key).Distinct().Count());
        Assert.Null(RetentionSchedule.Find("no-such-rule"));
    }
}
