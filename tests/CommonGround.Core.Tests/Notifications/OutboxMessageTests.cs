using CommonGround.Core.Notifications;

namespace CommonGround.Core.Tests.Notifications;

public sealed class OutboxMessageTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(7, 64)]
    [InlineData(8, 120)]
    [InlineData(20, 120)]
    public void Retry_delay_doubles_and_is_capped_at_two_hours(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxMessage.RetryDelayAfter(attempts));

    [Fact]
    public void A_message_is_abandoned_after_the_last_attempt()
    {
        var now = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        var message = new OutboxMessage { ToAddress = "a@example.org", ToName = "A", Subject = "S", BodyText = "B", CreatedAt = now, NextAttemptAt = now };
        for (var i = 1; i < OutboxMessage.MaxAttempts; i++)
        {
            message.MarkFailed("refused", now);
            Assert.Null(message.AbandonedAt);
        }

        message.MarkFailed("refused", now);
        Assert.Equal(now, message.AbandonedAt);
        Assert.Equal(OutboxMessage.MaxAttempts, message.Attempts);
    }
}
