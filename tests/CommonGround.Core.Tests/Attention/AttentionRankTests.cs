using CommonGround.Core.Attention;

namespace CommonGround.Core.Tests.Attention;

public sealed class AttentionRankTests
{
    [Theory]
    [InlineData(AttentionSignalKind.StatutoryMissed)]
    [InlineData(AttentionSignalKind.ConcernOverdue)]
    [InlineData(AttentionSignalKind.CommitmentOverdue)]
    [InlineData(AttentionSignalKind.DeliveryDisputed)]
    [InlineData(AttentionSignalKind.ConcernDueSoon)]
    public void A_new_concern_ranks_below_anything_late_or_due_within_a_day(AttentionSignalKind moreUrgent) =>
        Assert.True(moreUrgent.Rank() < AttentionSignalKind.ConcernToAcknowledge.Rank());

    [Fact]
    public void A_new_concern_ranks_above_the_slower_warnings() =>
        Assert.True(AttentionSignalKind.ConcernToAcknowledge.Rank() < AttentionSignalKind.NoContact.Rank());

    [Fact]
    public void Every_kind_has_its_own_rank() =>
        Assert.Equal(Enum.GetValues<AttentionSignalKind>().Length, Enum.GetValues<AttentionSignalKind>().Select(k => k.Rank()).Distinct().Count());
}
