using CommonGround.Core.Attention;

namespace CommonGround.Core.Tests.Attention;

public sealed class AttentionRuleGroupsTests
{
    [Fact]
    public void Every_kind_of_signal_belongs_to_one_group_and_all_groups_raise_every_kind()
    {
        var groups = Enum.GetValues<AttentionRules>().Where(g => g is not (AttentionRules.None or AttentionRules.All)).ToList();
        Assert.All(Enum.GetValues<AttentionSignalKind>(), kind => Assert.Single(groups, g => AttentionRuleGroups.KindsOf(g).Contains(kind)));
        Assert.Equal(Enum.GetValues<AttentionSignalKind>(), AttentionRuleGroups.KindsOf(AttentionRules.All));
        Assert.Equal(AttentionRules.All, groups.Aggregate(AttentionRules.None, (all, g) => all | g));
    }

    [Theory]
    [InlineData(AttentionRules.Contact, new[] { AttentionSignalKind.NoContact })]
    [InlineData(AttentionRules.Concerns, new[] { AttentionSignalKind.ConcernOverdue, AttentionSignalKind.ConcernDueSoon, AttentionSignalKind.RepeatedConcerns, AttentionSignalKind.ConcernToAcknowledge })]
    [InlineData(AttentionRules.Commitments | AttentionRules.Team,
        new[] { AttentionSignalKind.CommitmentOverdue, AttentionSignalKind.DeliveryDisputed, AttentionSignalKind.ProvisionBehind, AttentionSignalKind.NoKeyWorker, AttentionSignalKind.NoTeam })]
    [InlineData(AttentionRules.None, new AttentionSignalKind[0])]
    public void A_group_raises_the_kinds_its_rules_read(AttentionRules rules, AttentionSignalKind[] kinds) =>
        Assert.Equal(kinds, AttentionRuleGroups.KindsOf(rules));
}
