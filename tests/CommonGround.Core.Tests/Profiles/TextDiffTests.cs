using CommonGround.Core.Profiles;

namespace CommonGround.Core.Tests.Profiles;

public sealed class TextDiffTests
{
    private static string Show(IEnumerable<DiffPart> parts) =>
        string.Join(" ", parts.Select(p => p.Kind switch { DiffKind.Added => $"+[{p.Text}]", DiffKind.Removed => $"-[{p.Text}]", _ => p.Text }));

    [Theory]
    [InlineData("", "Sam likes trains", "+[Sam likes trains]")]
    [InlineData("Sam likes trains", "", "-[Sam likes trains]")]
    [InlineData("Sam likes trains", "Sam likes trains", "Sam likes trains")]
    [InlineData("Sam likes trains", "Sam likes steam trains", "Sam likes +[steam] trains")]
    [InlineData("Sam likes red trains", "Sam likes blue trains", "Sam likes +[blue] -[red] trains")]
    [InlineData("one\ntwo", "one two three", "one two +[three]")]
    public void Words_shows_what_was_added_and_removed(string before, string after, string expected) =>
        Assert.Equal(expected, Show(TextDiff.Words(before, after)));

    [Fact]
    public void Section_change_keeps_a_version_only_when_the_words_change()
    {
        var section = new ProfileSection { ChildId = Guid.NewGuid(), Section = ProfileSectionKind.Strengths };
        var now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(1, section.Change("Kind and funny", Guid.NewGuid(), "Alex", now)!.Version);
        Assert.Null(section.Change("  Kind and funny \r\n", Guid.NewGuid(), "Alex", now.AddDays(1)));
        Assert.Equal(now.AddDays(1), section.ConfirmedAt);
        Assert.Equal(now, section.UpdatedAt);
        Assert.Equal(2, section.Change("Kind, funny and brave", Guid.NewGuid(), "Alex", now.AddDays(2))!.Version);
    }
}
