using System.Net;
using AngleSharp.Html.Dom;
using CommonGround.Core.Accounts;
using CommonGround.Core.Concerns;
using CommonGround.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests.Security;

/// <summary>An honest double click or two tabs never gives an error page, and never does the work twice.</summary>
public sealed class DoubleSubmissionTests : FreshAppTests
{
    /// <summary>Fills a page's form once, then sends it twice at the same moment, as a double click does.</summary>
    private static async Task<HttpResponseMessage[]> SendTwiceAsync(HttpClient client, string url, IDictionary<string, string> fields, string? action = null, bool keepFormId = true)
    {
        var (_, page) = await client.OpenAsync(url);
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").First(f => action is null || f.GetAttribute("action") == action);
        var values = FormFilling.AsOffered(form).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        if (!keepFormId)
        {
            values.Remove("__FormId");
        }

        var target = form.GetAttribute("action") is { Length: > 0 } formAction ? formAction : url;
        return await Task.WhenAll(
            client.PostAsync(target, new FormUrlEncodedContent(values)),
            client.PostAsync(target, new FormUrlEncodedContent(values)));
    }

    private static void NoErrors(HttpResponseMessage[] responses) =>
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{r.RequestMessage!.RequestUri} gave {(int)r.StatusCode}"));

    [Fact]
    public async Task A_forms_one_time_id_is_kept_for_a_day_then_cleared_by_the_hourly_retention_run()
    {
        var parent = await SignedInAsync("parent@example.org");
        NoErrors(await SendTwiceAsync(parent, "/account/notifications", new Dictionary<string, string> { ["Input.Messages"] = "DailyDigest" }));
        Assert.Equal(1, await App.QueryAsync(db => db.FormSubmissions.CountAsync()));

        async Task RetentionRunAsync(TimeSpan later)
        {
            App.Time.Advance(later);
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Core.DataRights.RetentionJob>().ExecuteAsync(CancellationToken.None);
        }

        await RetentionRunAsync(TimeSpan.FromHours(23));
        Assert.Equal(1, await App.QueryAsync(db => db.FormSubmissions.CountAsync()));
        await RetentionRunAsync(TimeSpan.FromHours(2));
        Assert.Equal(0, await App.QueryAsync(db => db.FormSubmissions.CountAsync()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Email_choices_sent_twice_are_saved_once_without_an_error(bool sameForm)
    {
        var parent = await SignedInAsync("parent@example.org");
        var responses = await SendTwiceAsync(parent, "/account/notifications", new Dictionary<string, string> { ["Input.Messages"] = "DailyDigest" }, keepFormId: sameForm);
        NoErrors(responses);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var userId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "parent@example.org").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.NotificationSettings.CountAsync(s => s.UserAccountId == userId)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_response_standard_sent_twice_is_saved_without_an_error(bool sameForm)
    {
        var admin = await SignedInAsync("orgadmin@example.org");
        var responses = await SendTwiceAsync(admin, "/organisation/response-standard", new Dictionary<string, string>
        {
            ["Input.AcknowledgeWorkingDays"] = "3", ["Input.RespondWorkingDays"] = "12", ["Input.UrgentAcknowledgeWorkingDays"] = "1", ["Input.UrgentRespondWorkingDays"] = "4",
        }, keepFormId: sameForm);
        NoErrors(responses);
        Assert.Equal(12, await App.QueryAsync(db => db.ResponseStandards.Select(s => s.RespondWorkingDays).SingleAsync()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Starting_a_conversation_about_a_concern_twice_makes_one_thread_with_one_message(bool sameForm)
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var (_, raised) = await parent.SubmitAsync($"/children/{sam}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Homework every night", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "Too much homework",
            ["Input.WhatWouldHelp"] = "Less of it", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
        });
        var concern = await App.QueryAsync(db => db.Concerns.Select(c => c.Id).SingleAsync());

        var responses = await SendTwiceAsync(parent, $"/children/{sam}/conversations/new?concern={concern}",
            new Dictionary<string, string> { ["Input.Text"] = "Can we talk about this on Friday?" }, keepFormId: sameForm);
        NoErrors(responses);
        Assert.Equal(1, await App.QueryAsync(db => db.Conversations.CountAsync(c => c.ConcernId == concern)));
        Assert.Equal(1, await App.QueryAsync(db => db.Messages.CountAsync(m => m.Text == "Can we talk about this on Friday?")));
    }

    [Fact]
    public async Task A_concern_raised_with_a_double_click_is_raised_once_and_both_clicks_land_on_it()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var responses = await SendTwiceAsync(parent, $"/children/{sam}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Taxi late", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "The taxi came at ten",
            ["Input.WhatWouldHelp"] = "A call", ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
        });
        NoErrors(responses);
        Assert.Equal(1, await App.QueryAsync(db => db.Concerns.CountAsync(c => c.Topic == "Taxi late")));
        Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
    }

    [Fact]
    public async Task One_code_sent_twice_at_once_signs_in_once_and_the_other_is_told_plainly()
    {
        var client = await SignedInAsync("youngperson@example.org");
        var (key, _) = await client.TurnOnTwoFactorAsync(App.Time);
        App.Time.Advance(TimeSpan.FromSeconds(30));

        var browser = App.NewClient();
        await browser.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = "youngperson@example.org", ["Input.Password"] = TestRecords.Password });
        var responses = await SendTwiceAsync(browser, "/sign-in/two-factor", new Dictionary<string, string> { ["Input.Code"] = TotpAuthenticator.CodeAt(key, App.Time.GetUtcNow().UtcDateTime) });
        NoErrors(responses);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], responses.Select(r => r.StatusCode).Order());
    }
}
