using CommonGround.Core.Accounts;

namespace CommonGround.Core.Tests.Accounts;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData(null, "Enter a password")]
    [InlineData("", "Enter a password")]
    [InlineData("short pass", "Password must be 12 characters or more")]
    [InlineData("elevenchars", "Password must be 12 characters or more")]
    [InlineData("password1234", "Choose a password that is harder to guess. This one is on a list of common passwords")]
    [InlineData("PASSWORD1234", "Choose a password that is harder to guess. This one is on a list of common passwords")]
    [InlineData("qwertyuiop123", "Choose a password that is harder to guess. This one is on a list of common passwords")]
    [InlineData("alex@example.org", "Password must not be your email address")]
    [InlineData("purple badger eats toast", null)]
    [InlineData("twelve chars", null)]
    [InlineData("alllowercaseletters", null)]
    public void Check_gives_the_reason_a_password_is_refused(string? password, string? expected) =>
        Assert.Equal(expected, PasswordRules.Check(password, "alex@example.org"));

    [Fact]
    public void Check_refuses_a_password_longer_than_the_maximum() =>
        Assert.Equal("Password must be 256 characters or fewer", PasswordRules.Check(new string('a', 257), null));

    [Fact]
    public void Common_password_list_holds_at_least_ten_thousand_passwords()
    {
        Assert.True(CommonPasswordList.Count >= 10_000, $"The list holds {CommonPasswordList.Count} passwords");
        Assert.True(CommonPasswordList.Contains("123456"));
        Assert.False(CommonPasswordList.Contains("purple badger eats toast"));
    }
}
