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
    public async Task Words_sent_after_the_session_ran_out_come_back_filled_in_after_signing_in_again_and_nothing_is_saved_until_then()
    {
        var sam = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Children.Where(c => c.FirstName == "Samuel").Select(c => c.Id)));
        var edit = $"/children/{sam}/about-me/what-matters/edit";
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        var (_, form) = await parent.OpenAsync(edit);
        var hidden = form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        hidden["Input.Text"] = "Trains, his dog Biscuit, and knowing what happens next.";

        App.Time.Advance(TimeSpan.FromMinutes(31));
        var (expired, _) = await parent.PostFormAsync(edit, hidden);

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Equal($"/sign-in?ReturnUrl={Uri.EscapeDataString(edit)}&kept=true", expired.Headers.Location!.OriginalString);
        var kept = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.KeptForms));
        Assert.DoesNotContain("Biscuit", kept.ProtectedFields, StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ProfileSections.Where(p => p.ChildId == sam))));
        var (_, signIn) = await parent.OpenAsync(expired.Headers.Location.OriginalString);
        Assert.Contains("what you were writing has been kept", signIn.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var (signedIn, _) = await parent.SubmitAsync(expired.Headers.Location.OriginalString, new Dictionary<string, string> { ["Input.Email"] = "parent@example.org", ["Input.Password"] = TestRecords.Password });
        Assert.Equal(edit, signedIn.Headers.Location!.OriginalString);
        var (_, back) = await parent.OpenAsync(edit);

        Assert.Equal("Trains, his dog Biscuit, and knowing what happens next.", back.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());
        Assert.Contains("What you wrote has not been saved yet", back.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Error:", back.Title, StringComparison.Ordinal);
        // Handed back once: the next visit is the page as it stands, and saving it now saves the words.
        var (_, again) = await parent.OpenAsync(edit);
        Assert.Null(again.QuerySelector(".govuk-notification-banner"));
        Assert.Equal(0, await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.KeptForms)));
    }

    [Fact]
    public async Task A_form_sent_with_the_cookie_of_a_session_that_was_ended_rather_than_run_out_keeps_nothing()
    {
        var parent = App.NewClient();
        await parent.SignInAsync("parent@example.org");
        var (_, form) = await parent.OpenAsync("/account/change-password");
        var hidden = form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        hidden["Input.CurrentPassword"] = "whatever it was";

        // Signing out, or "sign out of other devices", removes the session: its cookie no longer names anyone.
        await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.UserSessions));
        App.Time.Advance(TimeSpan.FromMinutes(31));
        var (response, _) = await parent.PostFormAsync("/account/change-password", hidden);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("kept=true", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.KeptForms)));
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
