using CommonGround.Core.Accounts;

namespace CommonGround.Core.Tests.Accounts;

public sealed class InvitationTests
{
    private static readonly DateTime Sent = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Invitation NewInvitation() => new()
    {
        Kind = InvitationKind.Staff,
        Email = "jo@example.org",
        DisplayName = "Jo",
        OrganisationId = Guid.NewGuid(),
        AreaId = Guid.NewGuid(),
        JobTitle = "Teacher",
        TokenHash = Invitation.HashToken("token"),
        InvitedByUserId = Guid.NewGuid(),
        CreatedAt = Sent,
        ExpiresAt = Sent + Invitation.Lifetime,
    };

    [Fact]
    public void An_invitation_is_pending_until_seven_days_have_passed()
    {
        var invitation = NewInvitation();
        Assert.Equal(InvitationStatus.Pending, invitation.StatusAt(Sent.AddDays(7).AddSeconds(-1)));
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(Sent.AddDays(7)));
    }

    [Fact]
    public void An_accepted_invitation_cannot_be_accepted_again()
    {
        var invitation = NewInvitation();
        invitation.Accept(Guid.NewGuid(), Sent.AddHours(1));
        Assert.Equal(InvitationStatus.Accepted, invitation.StatusAt(Sent.AddHours(2)));
        Assert.Throws<InvalidOperationException>(() => invitation.Accept(Guid.NewGuid(), Sent.AddHours(2)));
    }

    [Fact]
    public void A_withdrawn_invitation_cannot_be_accepted()
    {
        var invitation = NewInvitation();
        invitation.Revoke(Sent.AddHours(1));
        Assert.Equal(InvitationStatus.Revoked, invitation.StatusAt(Sent.AddHours(2)));
        Assert.Throws<InvalidOperationException>(() => invitation.Accept(Guid.NewGuid(), Sent.AddHours(2)));
    }

    [Fact]
    public void Tokens_are_random_and_only_their_hash_is_kept()
    {
        var first = Invitation.NewToken();
        var second = Invitation.NewToken();
        Assert.NotEqual(first, second);
        Assert.Equal(64, first.Length);
        Assert.Equal(Invitation.HashToken(first), Invitation.HashToken(first));
        Assert.NotEqual(first, Invitation.HashToken(first));
    }
}
