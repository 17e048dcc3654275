using CommonGround.Core.Attention;

namespace CommonGround.Core.Tests.Attention;

public sealed class AttentionRefresherTests
{
    private static readonly Guid Sam = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Jordan = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid Lunchtimes = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Homework = Guid.Parse("00000000-0000-0000-0000-0000000000c2");

    private static AttentionRefresher.Change Raised(Guid child, Guid concern) => new([child], AttentionRules.Concerns, [concern]);

    public static TheoryData<string, AttentionRefresher.Change[], AttentionRules, Guid[]?> Rounds => new()
    {
        { "two concerns raised: only their clocks", [Raised(Sam, Lunchtimes), Raised(Jordan, Homework)], AttentionRules.Concerns, [Lunchtimes, Homework] },
        { "a concern raised and a message: the message asks nothing of concerns", [Raised(Sam, Lunchtimes), new([Jordan], AttentionRules.Contact)],
            AttentionRules.Concerns | AttentionRules.Contact, [Lunchtimes] },
        { "a concern raised and a change to everything: every open concern", [Raised(Sam, Lunchtimes), new([Jordan], AttentionRules.All)], AttentionRules.All, null },
        { "a concern raised and a change asking for every concern's clock", [Raised(Sam, Lunchtimes), new([Jordan], AttentionRules.Concerns)], AttentionRules.Concerns, null },
        { "no concern rules asked for", [new([Sam], AttentionRules.Contact), new([Jordan], AttentionRules.Commitments)], AttentionRules.Contact | AttentionRules.Commitments, null },
    };

    [Theory]
    [MemberData(nameof(Rounds))]
    public void A_round_works_out_every_group_asked_for_and_only_the_named_concerns_clocks_unless_a_change_named_none(
        string round, AttentionRefresher.Change[] changes, AttentionRules rules, Guid[]? onlyConcerns)
    {
        var together = AttentionRefresher.Together(changes);
        Assert.Equal([Sam, Jordan], together.ChildIds.Order());
        Assert.Equal(rules, together.Rules);
        Assert.True(onlyConcerns is null ? together.OnlyConcerns is null : together.OnlyConcerns!.Order().SequenceEqual(onlyConcerns.Order()), round);
    }
}
