using CommonGround.Core.Attention;

namespace CommonGround.Core.Tests.Attention;

public sealed class AttentionSignalTests
{
    private static AttentionSignal Kept() => new()
    {
        ChildId = Guid.NewGuid(), AreaId = Guid.NewGuid(), Kind = AttentionSignalKind.NoContact, SubjectKey = "", Reason = "Reason", Link = "/children", Measure = 0,
        ComputedAt = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc),
    };

    private static AttentionSignal Counting(AttentionSignalKind kind, DateOnly? sinceOn = null) => new()
    {
        ChildId = Guid.NewGuid(), AreaId = Guid.NewGuid(), Kind = kind, SubjectKey = "", Reason = "", Link = "", Measure = 0, SinceOn = sinceOn, ComputedAt = DateTime.UnixEpoch,
    };

    /// <summary>A value unlike any <see cref="Kept"/> holds, for each kind of property a signal has.</summary>
    private static object Other(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "Something else",
        var t when t == typeof(int) => 42,
        var t when t == typeof(Guid) => Guid.NewGuid(),
        var t when t == typeof(DateOnly) => new DateOnly(2026, 10, 1),
        var t when t == typeof(DateTime) => new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc),
        var t when t == typeof(Core.Access.RecordArea) => Core.Access.RecordArea.Health,
        var t => throw new InvalidOperationException($"No other value for {t}"),
    };

    [Fact]
    public void A_kept_signal_takes_everything_a_fresh_one_may_change_and_then_says_the_same()
    {
        // Every property a refresh may change (those with a setter that is not init-only), except when it was worked out.
        var changeable = typeof(AttentionSignal).GetProperties()
            .Where(p => p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Where(p => p.Name != nameof(AttentionSignal.ComputedAt))
            .ToList();
        Assert.Contains(changeable, p => p.Name == nameof(AttentionSignal.SinceOn));
        foreach (var property in changeable)
        {
            var kept = Kept();
            var fresh = Kept();
            property.SetValue(fresh, Other(property.PropertyType));
            Assert.False(kept.SameAs(fresh), $"{property.Name} is not compared");

            kept.TakeFrom(fresh);
            Assert.True(kept.SameAs(fresh), $"{property.Name} is not taken");
            Assert.Equal(property.GetValue(fresh), property.GetValue(kept));
        }
    }

    [Fact]
    public void A_signal_that_counts_days_reads_the_count_on_the_day_it_is_shown_and_the_same_signal_the_next_day_reads_one_more()
    {
        var late = Counting(AttentionSignalKind.ConcernOverdue, sinceOn: new DateOnly(2026, 12, 23));
        late.Reason = "Concern not answered in full by 23 December 2026";
        late.ReasonEnd = ". Owner: Priya Nair";
        // Christmas Day, Boxing Day (on a Saturday, so Monday 28th) and the weekend are not working days.
        Assert.Equal("Concern not answered in full by 23 December 2026, 1 working day late. Owner: Priya Nair", late.ReasonOn(new DateOnly(2026, 12, 24)));
        Assert.Equal("Concern not answered in full by 23 December 2026, 1 working day late. Owner: Priya Nair", late.ReasonOn(new DateOnly(2026, 12, 28)));
        Assert.Equal("Concern not answered in full by 23 December 2026, 2 working days late. Owner: Priya Nair", late.ReasonOn(new DateOnly(2026, 12, 29)));

        var quiet = Counting(AttentionSignalKind.NoContact, sinceOn: new DateOnly(2026, 11, 23));
        quiet.Reason = "No messages, meetings or answers to the family";
        Assert.Equal("No messages, meetings or answers to the family for 2 weeks", quiet.ReasonOn(new DateOnly(2026, 12, 7)));
        Assert.Equal("No messages, meetings or answers to the family for 7 weeks", quiet.ReasonOn(new DateOnly(2027, 1, 11)));

        var review = Counting(AttentionSignalKind.PlanReviewOverdue, sinceOn: new DateOnly(2026, 12, 1));
        review.Reason = "The SEN support plan was due to be reviewed by 1 December 2026";
        review.ReasonEnd = ". Written by Northvale Primary School";
        Assert.Equal("The SEN support plan was due to be reviewed by 1 December 2026, 1 day ago. Written by Northvale Primary School", review.ReasonOn(new DateOnly(2026, 12, 2)));

        var record = Counting(AttentionSignalKind.RecordAwaitingAgreement, sinceOn: new DateOnly(2026, 12, 4));
        record.Reason = "The meeting record shared on 4 December 2026 is not agreed yet";
        Assert.Equal("The meeting record shared on 4 December 2026 is not agreed yet: 5 working days", record.ReasonOn(new DateOnly(2026, 12, 11)));

        var noCount = Counting(AttentionSignalKind.CorrectionWaiting);
        noCount.Reason = "The family asked for Priya Nair's words to be corrected. Northvale Primary School must answer by 4 January 2027";
        Assert.Equal(noCount.Reason, noCount.ReasonOn(new DateOnly(2026, 12, 11)));
    }
}
