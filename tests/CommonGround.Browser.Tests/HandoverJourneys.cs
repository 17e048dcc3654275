using CommonGround.Core.Accounts;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Priya, Sam's SENCO and key worker, leaves Brookside. Helen, the school's admin, hands everything Priya looked after
/// to Omar, the deputy SENCO, in one screen; Alex, on a phone, sees Omar as Sam's key worker and who took what.
/// </summary>
public sealed class HandoverJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 } };

    private readonly List<string> _errors = [];

    private Task AssertPageAsync(IPage page, string heading) => Steps.AssertPageAsync(page, heading, _errors);

    private async Task<IPage> SignedInAsync(string email, BrowserNewContextOptions? options = null)
    {
        var page = await browser.NewPageAsync(_errors, options);
        await SignInAsync(page, email);
        return page;
    }

    /// <summary>Omar works at Brookside but is not on Sam's team; Priya owns Sam's lunchtime social stories.</summary>
    private async Task<(Guid Sam, Guid Priya)> PriyaLooksAfterSamAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var build = TestRecords.Create(db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>(), browser.App.Time);
        var priya = await db.Professionals.Include(p => p.Organisation).SingleAsync(p => p.UserAccount!.Email == "senco@example.org");
        build.Professional(priya.Organisation!, "omar.shah@example.org", "Omar Shah", "Deputy SENCO");
        var sam = await db.Children.SingleAsync(c => c.FirstName == "Samuel");
        var commitment = new Commitment
        {
            ChildId = sam.Id, AreaId = sam.AreaId, What = "Social stories before lunchtime", RecordArea = CommitmentArea.Education, Source = CommitmentSource.Meeting,
            OwnerProfessionalId = priya.Id, OwnerName = "Priya Nair", OwnerOrganisationId = priya.OrganisationId, OwnerOrganisationName = priya.Organisation!.Name,
            Kind = CommitmentKind.OneOff, DueDate = build.Today.AddDays(10), CreatedAt = build.Now, CreatedByUserId = priya.UserAccountId, CreatedByName = "Priya Nair",
        };
        commitment.ChangeStatus(CommitmentStatus.Agreed, null, priya.UserAccountId, "Priya Nair", build.Now, build.Today);
        db.Commitments.Add(commitment);
        await db.SaveChangesAsync();
        return (sam.Id, priya.Id);
    }

    [Fact]
    public async Task A_SENCO_leaves_and_the_admin_hands_everything_to_a_colleague_in_one_screen()
    {
        if (browser.MissingReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var (sam, _) = await PriyaLooksAfterSamAsync();
        var admin = await SignedInAsync("orgadmin@example.org");
        await admin.GotoAsync("/organisation");
        await AssertPageAsync(admin, "Brookside Primary School");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Deactivate Priya Nair" }).ClickAsync();
        await AssertPageAsync(admin, "Deactivate Priya Nair");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Social stories before lunchtime");

        // Pressing the button without choosing says what is missing and changes nothing.
        await Click(admin, AriaRole.Button, "Hand over and deactivate Priya Nair");
        await AssertPageAsync(admin, "Deactivate Priya Nair");
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Choose who will be Sam's key worker, or leave it to a team lead to stand in");

        await admin.GetByLabel("Hand everything to").SelectOptionAsync(new SelectOptionValue { Label = "Omar Shah, Deputy SENCO" });
        await Click(admin, AriaRole.Button, "Hand over and deactivate Priya Nair");
        await AssertPageAsync(admin, "Brookside Primary School");
        await Assertions.Expect(admin.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Priya Nair has been deactivated");

        // Alex, on a phone, sees the new key worker and who took what; the scan needs scripts, the pages do not.
        var withoutScripts = await SignedInAsync("parent@example.org", new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        await withoutScripts.GotoAsync($"/children/{sam}/team");
        await Assertions.Expect(withoutScripts.Locator("table").First).ToContainTextAsync("Omar Shah (key worker)");
        var parent = await SignedInAsync("parent@example.org", Phone);
        await parent.GotoAsync($"/children/{sam}");
        await AssertPageAsync(parent, "Sam Morgan");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Omar Shah");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Manage the team and what each person can see" }).ClickAsync();
        await AssertPageAsync(parent, "Sam's team");
        await Assertions.Expect(parent.Locator("table").First).ToContainTextAsync("Omar Shah (key worker)");
        await Assertions.Expect(parent.Locator("#handovers + ul")).ToContainTextAsync("Priya Nair left Brookside Primary School and handed Sam's \"Social stories before lunchtime\" to Omar Shah");

        // Omar owes the social stories now.
        var omar = await SignedInAsync("omar.shah@example.org");
        await omar.GotoAsync("/what-i-owe");
        await Assertions.Expect(omar.Locator("main")).ToContainTextAsync("Social stories before lunchtime");
        await omar.AssertAccessibleAsync();
    }
}
