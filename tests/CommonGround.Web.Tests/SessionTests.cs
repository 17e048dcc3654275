using CommonGround.Testing;
using System.Net;

namespace CommonGround.Web.Tests;

/// <summary>Each test moves the clock, so each has an app of its own.</summary>
public sealed class SessionTests : FreshAppTests
{
    [Fact]
    public async Task A_session_ends_after_30_minutes_without_activity()
    {
        var client = App.NewClient();
        await client.SignInAsync("parent@example.org");
        App.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);

        App.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_12_hours_after_signing_in_however_active()
    {
        var client = App.NewClient();
        await client.SignInAsync("parent@example.org");
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            App.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        }

        App.Time.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Deactivated_staff_are_signed_out_within_60_seconds_and_cannot_sign_in_again()
    {
        var senco = App.NewClient();
        await senco.SignInAsync("senco@example.org");

        var admin = App.NewClient();
        await admin.SignInAsync("orgadmin@example.org");
        var professionalId = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Professionals.Where(p => p.UserAccount!.Email == "senco@example.org").Select(p => p.Id)));
        // Being Sam's key worker is all she looks after: a team lead is left to choose the next one.
        var keyWorkerPlace = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.TeamMembers.Where(t => t.ProfessionalId == professionalId && t.IsKeyWorker).Select(t => t.Id)));
        var (deactivate, _) = await admin.SubmitAsync($"/organisation/staff/{professionalId}/deactivate", new Dictionary<string, string> { [$"Input.Choices[{keyWorkerPlace}]"] = "organisation" });
        Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);

        App.Time.Advance(TimeSpan.FromSeconds(61));
        var after = await senco.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var (again, page) = await App.NewClient().SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = "senco@example.org", ["Input.Password"] = TestRecords.Password });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("If you are staff, ask your organisation's admin", page.ErrorSummary().Single(), StringComparison.Ordinal);

        var (reactivate, _) = await admin.SubmitAsync("/organisation", new Dictionary<string, string>(), action: $"/organisation/staff/{professionalId}/reactivate");
        Assert.Equal(HttpStatusCode.Redirect, reactivate.StatusCode);
        await App.NewClient().SignInAsync("senco@example.org");
    }
}
