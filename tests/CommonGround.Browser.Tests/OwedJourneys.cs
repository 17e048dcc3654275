using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using static CommonGround.Browser.Tests.Steps;

namespace CommonGround.Browser.Tests;

/// <summary>
/// Priya, Sam's SENCO, owes 31 things: three late, one piece of provision not started, the rest to come. On a phone
/// with JavaScript off she follows "3 late" from her first screen, then looks through everything 25 at a time.
/// </summary>
public sealed class OwedJourneys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _errors = [];

    private async Task PriyaOwesThirtyOneThingsAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var priya = await db.Professionals.Include(p => p.Organisation).SingleAsync(p => p.UserAccount!.Email == "senco@example.org");
        var sam = await db.Children.SingleAsync(c => c.FirstName == "Samuel");
        var now = browser.App.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        Commitment Owed(string what, CommitmentKind kind) => new()
        {
            ChildId = sam.Id, AreaId = sam.AreaId, What = what, RecordArea = CommitmentArea.Education, Source = CommitmentSource.Meeting,
            OwnerProfessionalId = priya.Id, OwnerName = "Priya Nair", OwnerOrganisationId = priya.OrganisationId, OwnerOrganisationName = priya.Organisation!.Name,
            Kind = kind, CreatedAt = now, CreatedByUserId = priya.UserAccountId, CreatedByName = "Priya Nair",
        };
        var commitments = Enumerable.Range(1, 30).Select(i =>
        {
            var oneOff = Owed($"Send the reading report, part {i}", CommitmentKind.OneOff);
            oneOff.DueDate = i <= 3 ? today.AddDays(-i) : today.AddDays(20 + i);
            return oneOff;
        }).ToList();
        var weekly = Owed("Small-group phonics", CommitmentKind.Recurring);
        (weekly.QuantityPerPeriod, weekly.Unit, weekly.MinutesPerSession, weekly.Period, weekly.StartDate) = (3, ProvisionUnit.Sessions, 20, ProvisionPeriod.Week, today.AddDays(-14));
        commitments.Add(weekly);
        foreach (var commitment in commitments)
        {
            commitment.ChangeStatus(CommitmentStatus.Agreed, null, priya.UserAccountId, "Priya Nair", now, today);
        }

        db.Commitments.AddRange(commitments);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_SENCO_follows_what_is_late_from_her_first_screen_and_pages_through_the_rest_on_a_phone()
    {
        if (browser.MissingReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await PriyaOwesThirtyOneThingsAsync();
        var phone = await browser.NewPageAsync(_errors, new() { ViewportSize = new() { Width = 390, Height = 844 }, JavaScriptEnabled = false });
        await SignInAsync(phone, "senco@example.org");
        await phone.GotoAsync("/children");
        await Click(phone, AriaRole.Link, "3 late");
        Assert.Equal("What I owe", (await phone.Locator("h1").First.InnerTextAsync()).Trim());
        await Assertions.Expect(phone.Locator(".cg-inline-choices [aria-current=page]")).ToHaveTextAsync("Overdue (3)");
        await Assertions.Expect(phone.Locator("#owed + table tbody tr")).ToHaveCountAsync(3);
        await AssertNoSidewaysScrollAsync(phone, 390);

        await Click(phone, AriaRole.Link, "All (31)");
        await Assertions.Expect(phone.Locator("#owed + table tbody tr")).ToHaveCountAsync(25);
        // Most pressing first: the three late, then the provision not started.
        await Assertions.Expect(phone.Locator("#owed + table tbody tr").Nth(3)).ToContainTextAsync("Small-group phonics");
        await phone.Locator(".govuk-pagination__next a").ClickAsync();
        await Assertions.Expect(phone.Locator("#owed + table tbody tr")).ToHaveCountAsync(6);
        await AssertNoSidewaysScrollAsync(phone, 390);

        // On the smallest phone with JavaScript on, and on a desktop, both pages pass the accessibility scan.
        var small = await browser.NewPageAsync(_errors, new() { ViewportSize = new() { Width = 320, Height = 640 } });
        await SignInAsync(small, "senco@example.org");
        await small.GotoAsync("/children");
        await AssertPageAsync(small, "Your day", _errors);
        await AssertNoSidewaysScrollAsync(small, 320);
        await small.GotoAsync("/what-i-owe?page=2");
        await AssertPageAsync(small, "What I owe", _errors);
        await AssertNoSidewaysScrollAsync(small, 320);

        var desktop = await browser.NewPageAsync(_errors);
        await SignInAsync(desktop, "senco@example.org");
        await desktop.GotoAsync("/what-i-owe?show=behind");
        await AssertPageAsync(desktop, "What I owe", _errors);
        await Assertions.Expect(desktop.Locator("#owed + table")).ToContainTextAsync("Not started");
    }
}
