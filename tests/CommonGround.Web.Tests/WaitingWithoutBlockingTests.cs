using System.Net;
using CommonGround.Core.Commitments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// A request that holds its thread while the database answers leaves one thread fewer for every request behind it,
/// which under load is felt as slow answers for everyone. The changes people make most (a concern, a message, a
/// delivery) and the pages they come from and go to wait for the database without holding a thread.
/// </summary>
public sealed class WaitingWithoutBlockingTests : FreshAppTests
{
    [Fact]
    public async Task Raising_a_concern_sending_messages_and_recording_a_delivery_hold_no_thread_while_the_database_answers()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var keyWorker = await SignedInAsync("senco@example.org");
        var (committed, _) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", new Dictionary<string, string>
        {
            ["Input.What"] = "Speech and language therapy in school", ["Input.Area"] = nameof(CommitmentArea.Health),
            ["Input.OwnerId"] = (await MemberIdAsync(sam, "senco@example.org")).ToString(), ["Input.Source"] = nameof(CommitmentSource.Plan),
            ["Input.Kind"] = nameof(CommitmentKind.Recurring), ["Input.Quantity"] = "2", ["Input.Unit"] = nameof(ProvisionUnit.Sessions),
            ["Input.MinutesPerSession"] = "30", ["Input.Period"] = nameof(ProvisionPeriod.Week),
            ["Input.StartDate.Day"] = "9", ["Input.StartDate.Month"] = "11", ["Input.StartDate.Year"] = "2026", ["Input.AlreadyAgreed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);
        var commitment = await App.QueryAsync(db => db.Commitments.Where(c => c.ChildId == sam).OrderByDescending(c => c.CreatedAt).Select(c => c.Id).FirstAsync());
        var sent = App.Services.GetRequiredService<StatementsSent>();
        sent.Start();

        var (concern, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Homework every night", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "Sam cannot sleep for worrying about homework",
            ["Input.Urgency"] = "Standard", ["Input.Owner"] = "key-worker",
        });
        var (started, _) = await parent.SubmitAsync($"/children/{sam}/conversations/new",
            new Dictionary<string, string> { ["Input.Subject"] = "Swimming on Thursdays", ["Input.Text"] = "Sam has an ear infection, so no swimming this week." });
        var (reply, _) = await keyWorker.SubmitAsync(started.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Text"] = "Thank you for letting me know." });
        var (delivered, _) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/{commitment}/deliveries/new", new Dictionary<string, string>
        {
            ["Input.Date.Day"] = "20", ["Input.Date.Month"] = "11", ["Input.Date.Year"] = "2026", ["Input.Delivered"] = "true", ["Input.Quantity"] = "1",
        });
        await parent.OpenAsync(concern.Headers.Location!.OriginalString);
        await parent.OpenAsync($"/children/{sam}");
        await keyWorker.OpenAsync(delivered.Headers.Location!.OriginalString);

        Assert.All(new[] { concern, started, reply, delivered }, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        Assert.Empty(sent.Blocking);
    }
}
