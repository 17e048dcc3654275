using System.Net;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

public sealed class FamilyInvitationTests : FreshAppTests
{
    private static Dictionary<string, string> Invitation(string email, FamilyRelationship relationship, string name = "Jamie Morgan") =>
        new() { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Relationship"] = relationship.ToString() };

    [Fact]
    public async Task A_parent_invites_a_second_parent_who_creates_an_account_and_sees_the_child()
    {
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        var ellie = await ChildIdAsync("Ellie");
        var (sent, _) = await parent.SubmitAsync($"/children/{ellie}/family/invite", Invitation("jamie@example.org", FamilyRelationship.ParentCarer));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var link = await App.LinkInLatestEmailToAsync("jamie@example.org");
        var jamie = App.NewClient();
        var (_, page) = await jamie.OpenAsync(link);
        Assert.Equal("Join Ellie's record on CommonGround", page.Heading());
        var (accepted, _) = await jamie.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "second parent here" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var (_, children) = await jamie.OpenAsync("/children");
        Assert.Contains("Ellie Morgan", children.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Samuel Morgan", children.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.FamilyInvitationAccepted && a.EntityId == ellie)));
    }

    [Fact]
    public async Task A_parent_sees_an_invitation_not_yet_accepted_and_withdraws_it_so_its_link_stops_working()
    {
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        var ellie = await ChildIdAsync("Ellie");
        await parent.SubmitAsync($"/children/{ellie}/family/invite", Invitation("jamie@example.org", FamilyRelationship.ParentCarer));
        var link = await App.LinkInLatestEmailToAsync("jamie@example.org");
        var invitation = await App.QueryAsync(db => db.Invitations.Where(i => i.Email == "jamie@example.org").Select(i => i.Id).SingleAsync());

        var (_, page) = await parent.OpenAsync($"/children/{ellie}/family/invite");
        Assert.Contains("Jamie Morgan", page.QuerySelector("#waiting + .govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        // Nobody else can withdraw it: not a professional, not another family.
        var sunita = App.NewClient();
        await sunita.SignInAsync("sunita.shah@example.org");
        var arjun = await ChildIdAsync("Arjun");
        var (_, hers) = await sunita.OpenAsync($"/children/{arjun}/family/invite");
        var token = hers.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (refused, _) = await sunita.PostFormAsync($"/children/{ellie}/family/invitations/{invitation}/withdraw", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var (withdrawn, _) = await parent.SubmitAsync($"/children/{ellie}/family/invite", new Dictionary<string, string>(), action: $"/children/{ellie}/family/invitations/{invitation}/withdraw");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.NotNull(await App.QueryAsync(db => db.Invitations.Where(i => i.Id == invitation).Select(i => i.RevokedAt).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.FamilyInvitationWithdrawn && a.EntityId == ellie)));
        var (_, after) = await parent.OpenAsync($"/children/{ellie}/family/invite");
        Assert.Null(after.QuerySelector("#waiting"));
        var jamie = App.NewClient();
        var (_, dead) = await jamie.OpenAsync(link);
        Assert.NotEqual("Join Ellie's record on CommonGround", dead.Heading());
    }

    [Fact]
    public async Task Someone_who_already_has_an_account_signs_in_to_accept()
    {
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        var sam = await ChildIdAsync("Samuel");
        await parent.SubmitAsync($"/children/{sam}/family/invite", Invitation("sunita.shah@example.org", FamilyRelationship.OtherCarer, "Sunita Shah"));
        var link = await App.LinkInLatestEmailToAsync("sunita.shah@example.org");

        var sunita = App.NewClient();
        var (_, signedOut) = await sunita.OpenAsync(link);
        Assert.Contains("Sign in as sunita.shah@example.org to accept", signedOut.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(signedOut.QuerySelector("#Input_Password"));

        await sunita.SignInAsync("sunita.shah@example.org");
        var (accepted, _) = await sunita.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (_, children) = await sunita.OpenAsync("/children");
        Assert.Contains("Samuel Morgan", children.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Arjun Shah", children.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("senco@example.org", nameof(FamilyRelationship.ParentCarer), "This email address belongs to a staff account. Use their personal email address")]
    [InlineData("parent@example.org", nameof(FamilyRelationship.ParentCarer), "This person is already part of the family on this record")]
    [InlineData("ellie@example.org", nameof(FamilyRelationship.YoungPerson), "A young person can join their own record from age 16")]
    [InlineData("", "", "Enter their full name|Enter their email address|Choose who they are")]
    public async Task An_invitation_that_cannot_be_sent_says_why_and_sends_nothing(string email, string relationship, string expected)
    {
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        var ellie = await ChildIdAsync("Ellie");
        var (response, page) = await parent.SubmitAsync($"/children/{ellie}/family/invite", new Dictionary<string, string>
        {
            ["Input.Name"] = email.Length == 0 ? "" : "Someone",
            ["Input.Email"] = email,
            ["Input.Relationship"] = relationship,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected.Split('|'), page.ErrorSummary());
        Assert.False(await App.QueryAsync(db => db.Invitations.AnyAsync(i => i.ChildId == ellie)));
    }

    [Fact]
    public async Task The_young_person_already_has_their_own_place_on_their_record()
    {
        var dee = App.NewClient();
        await dee.SignInAsync("dee.reid@example.org");
        var jordan = await ChildIdAsync("Jordan");
        var (response, page) = await dee.SubmitAsync($"/children/{jordan}/family/invite", Invitation("jordan.second@example.org", FamilyRelationship.YoungPerson, "Jordan Reid"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["The young person already has their own place on this record"], page.ErrorSummary());
    }

    [Fact]
    public async Task Nobody_outside_the_family_can_invite_to_a_childs_record()
    {
        var sunita = App.NewClient();
        await sunita.SignInAsync("sunita.shah@example.org");
        var ellie = await ChildIdAsync("Ellie");
        Assert.Equal(HttpStatusCode.NotFound, (await sunita.GetAsync($"/children/{ellie}/family/invite")).StatusCode);

        var senco = App.NewClient();
        await senco.SignInAsync("senco@example.org");
        var forbidden = await senco.GetAsync($"/children/{ellie}/family/invite");
        Assert.StartsWith("/error/403", forbidden.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
