using System.Net;
using CommonGround.Core.Concerns;
using CommonGround.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

public sealed class ConcernTests : FreshAppTests
{
    private static Dictionary<string, string> Concern(string about = "Education", string owner = "key-worker", string urgency = "Standard") => new()
    {
        ["Input.Topic"] = "Homework every night",
        ["Input.About"] = about,
        ["Input.WhatIsHappening"] = "Sam is anxious and cannot sleep because of the homework",
        ["Input.WhatWouldHelp"] = "Less homework, and a call with Ms Nair",
        ["Input.Urgency"] = urgency,
        ["Input.Owner"] = owner,
    };

    private async Task<(HttpClient Parent, Guid Sam, Guid Concern)> ParentRaisesAsync(Dictionary<string, string>? form = null)
    {
        var parent = await SignedInAsync("parent@example.org");
        var sam = await ChildIdAsync("Samuel");
        var (response, page) = await parent.SubmitAsync($"/children/{sam}/concerns/new", form ?? Concern());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        var concern = await App.QueryAsync(db => db.Concerns.OrderByDescending(c => c.RaisedAt).Select(c => c.Id).FirstAsync());
        Assert.Equal($"/children/{sam}/concerns/{concern}", response.Headers.Location!.OriginalString);
        return (parent, sam, concern);
    }

    private async Task<int> EscalateAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConcernEscalation>().EscalateBreachesAsync();
    }

    [Fact]
    public async Task A_parent_raises_a_concern_the_key_worker_is_told_what_changed_and_the_dates_count_working_days()
    {
        var (_, sam, id) = await ParentRaisesAsync();

        var concern = await App.QueryAsync(db => db.Concerns.SingleAsync(c => c.Id == id));
        // Raised on Monday 23 November at 9am: acknowledge by Wednesday, respond in full ten working days on.
        Assert.Equal(new DateOnly(2026, 11, 25), concern.AcknowledgeBy);
        Assert.Equal(new DateOnly(2026, 12, 7), concern.RespondBy);
        Assert.Equal("Priya Nair", concern.OwnerName);
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == "concern.raised" && a.EntityId == sam)));

        var email = (await App.DeliverEmailAsync()).Single(m => m.To.Mailboxes.Any(t => t.Address == "senco@example.org"));
        Assert.Equal("A concern about Sam was raised for you to answer", email.Subject);
        Assert.Contains($"/children/{sam}/concerns/{id}", email.TextBody, StringComparison.Ordinal);
        foreach (var sensitive in new[] { "anxious", "Homework", "homework", "sleep" })
        {
            Assert.DoesNotContain(sensitive, email.TextBody, StringComparison.Ordinal);
        }

        var keyWorker = await SignedInAsync("senco@example.org");
        var (_, list) = await keyWorker.OpenAsync("/notifications");
        Assert.Contains("Notifications (1 unread)", list.QuerySelector(".govuk-service-navigation")!.TextContent, StringComparison.Ordinal);
        var (_, page) = await keyWorker.OpenAsync($"/children/{sam}/concerns/{id}");
        Assert.Equal("Homework every night", page.Heading());
        Assert.Contains("Sam is anxious", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/children/{sam}/concerns/{id}/acknowledge']"));
    }

    [Fact]
    public async Task Raising_a_concern_for_the_key_worker_reads_the_child_once_for_the_family_and_the_key_worker()
    {
        var parent = await SignedInAsync("parent@example.org");
        var sam = await ChildIdAsync("Samuel");
        var url = $"/children/{sam}/concerns/new";
        var (target, fields) = await parent.FillAsync(url, Concern());

        var sent = App.Services.GetRequiredService<StatementsSent>();
        sent.Start();
        var (response, _) = await parent.PostFormAsync(target, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Priya Nair", await App.QueryAsync(db => db.Concerns.Where(c => c.ChildId == sam).OrderByDescending(c => c.RaisedAt).Select(c => c.OwnerName).FirstAsync()));
        // The parent's access reads Sam with the family; the key worker's, asked to check they may see the concern, reads only their place.
        // (PostgreSQL's statements name tables without quotes, SQLite's with them.)
        var statements = sent.For(url).Select(sql => sql.Replace("\"", "", StringComparison.Ordinal)).ToList();
        Assert.Single(statements, sql => sql.Contains("FROM children", StringComparison.Ordinal));
        Assert.Single(statements, sql => sql.Contains("FROM team_members", StringComparison.Ordinal) && sql.Contains("JOIN sharing_consents", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Responding_in_full_shows_what_the_family_said_is_happening_and_what_would_help_beside_the_answer()
    {
        var (_, sam, id) = await ParentRaisesAsync();
        var keyWorker = await SignedInAsync("senco@example.org");
        await keyWorker.SubmitAsync($"/children/{sam}/concerns/{id}/acknowledge", new Dictionary<string, string> { ["Input.Text"] = "Thank you, I will look into it." });

        var (_, page) = await keyWorker.OpenAsync($"/children/{sam}/concerns/{id}/respond");

        Assert.Contains("Sam is anxious and cannot sleep", page.QuerySelector("#what-is-happening")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Less homework, and a call with Ms Nair", page.QuerySelector("#what-would-help")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("textarea[name='Input.Text']"));
    }

    [Fact]
    public async Task A_late_acknowledgement_escalates_to_the_leads_and_the_family_sees_plainly_who_has_it()
    {
        var (_, sam, id) = await ParentRaisesAsync();
        App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        var parent = await SignedInAsync("parent@example.org");

        var (_, overdue) = await parent.OpenAsync($"/children/{sam}/concerns/{id}");
        Assert.Contains("This concern is overdue", overdue.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);

        var keyWorker = await SignedInAsync("senco@example.org");
        var (acknowledged, _) = await keyWorker.SubmitAsync($"/children/{sam}/concerns/{id}/acknowledge", new Dictionary<string, string> { ["Input.Text"] = "Sorry for the wait. I will call you tomorrow." });
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);

        var concern = await App.QueryAsync(db => db.Concerns.SingleAsync(c => c.Id == id));
        Assert.Equal(ConcernStatus.Acknowledged, concern.Status);
        Assert.Equal("Helen Brooks, a lead at Brookside Primary School", concern.EscalatedTo);
        Assert.Equal(0, await EscalateAsync());

        var (_, page) = await parent.OpenAsync($"/children/{sam}/concerns/{id}");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Helen Brooks, a lead at Brookside Primary School, because it is overdue. Priya Nair still owns it", main, StringComparison.Ordinal);
        Assert.Contains("Done late", main, StringComparison.Ordinal);

        var lead = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.Kind == NotificationKind.ConcernOverdue && db.Users.Any(u => u.Id == n.RecipientUserId && u.Email == "orgadmin@example.org")));
        Assert.Equal($"/organisation/concerns/{id}", lead.Link);
        var emails = await App.DeliverEmailAsync();
        Assert.Contains(emails, m => m.To.Mailboxes.Any(t => t.Address == "orgadmin@example.org") && m.Subject == "A concern about Sam was not acknowledged in time and has come to you");
        // The parent hears of the acknowledgement and the escalation together, in one email that lists both.
        var toParent = emails.Single(m => m.To.Mailboxes.Any(t => t.Address == "parent@example.org"));
        Assert.Equal("2 updates on CommonGround", toParent.Subject);
        Assert.Contains("Priya Nair acknowledged your concern about Sam", toParent.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your concern about Sam was not acknowledged in time and has gone to a lead", toParent.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("call you tomorrow", toParent.TextBody, StringComparison.Ordinal);

        var orgAdmin = await SignedInAsync("orgadmin@example.org");
        var (_, inbox) = await orgAdmin.OpenAsync("/organisation/concerns");
        Assert.Contains("Sam Morgan", inbox.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("anxious", inbox.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_escalates_a_breach_nobody_acted_on_and_only_once()
    {
        var (_, _, id) = await ParentRaisesAsync();
        Assert.Equal(0, await EscalateAsync());

        App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await EscalateAsync());
        Assert.Equal(0, await EscalateAsync());

        Assert.Equal(1, await App.QueryAsync(db => db.ConcernUpdates.CountAsync(u => u.ConcernId == id && u.Kind == ConcernUpdateKind.Escalated)));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action == "concern.escalated")));
        Assert.Equal(3, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.ConcernOverdue)));

        // Ten working days on, the full response is late too, and that is escalated once more.
        App.Time.SetUtcNow(new DateTimeOffset(2026, 12, 8, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await EscalateAsync());
        Assert.Equal(2, await App.QueryAsync(db => db.ConcernUpdates.CountAsync(u => u.ConcernId == id && u.Kind == ConcernUpdateKind.Escalated)));
    }

    [Fact]
    public async Task Resolved_with_you_said_we_did_then_the_parent_reopens_it_and_it_needs_a_new_response()
    {
        var (parent, sam, id) = await ParentRaisesAsync();
        await App.DeliverEmailAsync();
        var keyWorker = await SignedInAsync("senco@example.org");
        var resolve = $"/children/{sam}/concerns/{id}/resolve";
        var (_, form) = await keyWorker.OpenAsync(resolve);
        Assert.Equal("Less homework, and a call with Ms Nair", form.QuerySelector("textarea[name='Input.YouSaid']")!.TextContent.Trim());

        var (missing, missingPage) = await keyWorker.SubmitAsync(resolve, new Dictionary<string, string> { ["Input.YouSaid"] = "Less homework", ["Input.WeDid"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["Enter what was done"], missingPage.ErrorSummary());
        Assert.Equal(ConcernStatus.Raised, await App.QueryAsync(db => db.Concerns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));

        var (resolved, _) = await keyWorker.SubmitAsync(resolve, new Dictionary<string, string>
        {
            ["Input.YouSaid"] = "Less homework, and a call with Ms Nair",
            ["Input.WeDid"] = "Homework is now one task a week. I called on Tuesday.",
        });
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);

        var (_, page) = await parent.OpenAsync($"/children/{sam}/concerns/{id}");
        Assert.Contains("Homework is now one task a week", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var decide = $"/children/{sam}/concerns/{id}/resolved";
        var (noReason, noReasonPage) = await parent.SubmitAsync(decide, new Dictionary<string, string> { ["Input.Answer"] = "no" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Say why it is not resolved"], noReasonPage.ErrorSummary());

        App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));
        parent = await SignedInAsync("parent@example.org");
        var (reopened, _) = await parent.SubmitAsync(decide, new Dictionary<string, string> { ["Input.Answer"] = "no", ["Input.Reason"] = "It is still every night." });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);

        var concern = await App.QueryAsync(db => db.Concerns.SingleAsync(c => c.Id == id));
        Assert.Equal(ConcernStatus.Reopened, concern.Status);
        // Reopened after 5pm on Tuesday: the new clock counts from Wednesday.
        Assert.Equal(new DateOnly(2026, 11, 25), concern.ClockStartsOn);
        Assert.Equal(new DateOnly(2026, 12, 9), concern.RespondBy);
        var owner = (await App.DeliverEmailAsync()).Last(m => m.To.Mailboxes.Any(t => t.Address == "senco@example.org"));
        Assert.Equal("Alex Morgan reopened a concern about Sam", owner.Subject);
        Assert.DoesNotContain("every night", owner.TextBody, StringComparison.Ordinal);

        // Only the family decides: the key worker cannot close it for them.
        keyWorker = await SignedInAsync("senco@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await keyWorker.GetAsync(decide)).StatusCode);
    }

    [Fact]
    public async Task A_concern_that_is_not_complete_is_refused_and_nothing_is_written()
    {
        var parent = await SignedInAsync("parent@example.org");
        var sam = await ChildIdAsync("Samuel");
        var (response, page) = await parent.SubmitAsync($"/children/{sam}/concerns/new", new Dictionary<string, string> { ["Input.Topic"] = "", ["Input.Owner"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter what the concern is about", page.ErrorSummary());
        Assert.Contains("Enter what is happening", page.ErrorSummary());
        // The form shown again still offers who can answer: the key worker first, then each organisation on the team.
        var owners = page.QuerySelectorAll("input[name='Input.Owner']").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal("key-worker", owners.First());
        Assert.True(owners.Count > 1, "the organisations on the team are offered too");
        Assert.Equal(0, await App.QueryAsync(db => db.Concerns.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task A_key_worker_who_cannot_see_that_part_of_the_record_cannot_be_given_it()
    {
        var parent = await SignedInAsync("parent@example.org");
        var sam = await ChildIdAsync("Samuel");
        var (response, page) = await parent.SubmitAsync($"/children/{sam}/concerns/new", Concern(about: "Transport"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Priya Nair cannot see concerns about this part of the record. Choose an organisation instead, or share it with them first"], page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("input[name='Input.Owner'][value='key-worker']"));
        Assert.Equal(0, await App.QueryAsync(db => db.Concerns.CountAsync()));
    }

    [Fact]
    public async Task A_concern_for_an_organisation_waits_for_its_lead_who_gives_it_to_someone_on_the_team()
    {
        var brookside = await App.QueryAsync(db => db.Organisations.Where(o => o.Name == "Brookside Primary School").Select(o => o.Id).SingleAsync());
        var (parent, sam, id) = await ParentRaisesAsync(Concern(owner: brookside.ToString()));
        var (_, waiting) = await parent.OpenAsync($"/children/{sam}/concerns/{id}");
        Assert.Contains("Brookside Primary School. Their lead will choose who answers it", waiting.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var orgAdmin = await SignedInAsync("orgadmin@example.org");
        var (_, inbox) = await orgAdmin.OpenAsync("/organisation/concerns");
        Assert.NotNull(inbox.QuerySelector($"a[href='/organisation/concerns/{id}']"));
        var keyWorkerPlace = await MemberIdAsync(sam, "senco@example.org");
        var (given, _) = await orgAdmin.SubmitAsync($"/organisation/concerns/{id}", new Dictionary<string, string> { ["Input.AssigneeId"] = keyWorkerPlace.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal("Priya Nair", await App.QueryAsync(db => db.Concerns.Where(c => c.Id == id).Select(c => c.OwnerName).SingleAsync()));
        Assert.Contains(await App.DeliverEmailAsync(), m => m.To.Mailboxes.Any(t => t.Address == "senco@example.org") && m.Subject == "Helen Brooks passed you a concern about Sam to answer");

        // Another organisation's admin does not find it.
        var otherAdmin = await SignedInAsync("send.lead@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/organisation/concerns/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_disputed_delivery_becomes_a_concern_for_the_commitments_owner()
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        var (added, _) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", new Dictionary<string, string>
        {
            ["Input.What"] = "Reading support", ["Input.Area"] = "Education", ["Input.OwnerId"] = (await MemberIdAsync(sam, "senco@example.org")).ToString(),
            ["Input.Source"] = "Meeting", ["Input.Kind"] = "OneOff", ["Input.DueDate.Day"] = "1", ["Input.DueDate.Month"] = "12", ["Input.DueDate.Year"] = "2026",
            ["Input.AlreadyAgreed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var commitment = await App.QueryAsync(db => db.Commitments.Select(c => c.Id).SingleAsync());
        await keyWorker.SubmitAsync($"/children/{sam}/commitments/{commitment}/deliveries/new", new Dictionary<string, string> { ["Input.Date.Day"] = "23", ["Input.Date.Month"] = "11", ["Input.Date.Year"] = "2026", ["Input.Delivered"] = "true" });
        var delivery = await App.QueryAsync(db => db.DeliveryRecords.Select(d => d.Id).SingleAsync());

        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/commitments/{commitment}/deliveries/{delivery}/respond",
            new Dictionary<string, string> { ["Input.Response"] = "Disputed", ["Input.Comment"] = "It did not happen." });

        var concern = await App.QueryAsync(db => db.Concerns.SingleAsync());
        Assert.Equal(delivery, concern.DeliveryRecordId);
        Assert.Equal("Priya Nair", concern.OwnerName);
        Assert.StartsWith("Disputed delivery record: Reading support", concern.Topic, StringComparison.Ordinal);

        await keyWorker.SubmitAsync($"/children/{sam}/commitments/{commitment}/deliveries/{delivery}/resolve", new Dictionary<string, string> { ["Input.Resolution"] = "You are right; it is set aside.", ["Input.SetAside"] = "true" });
        var answered = await App.QueryAsync(db => db.Concerns.SingleAsync());
        Assert.Equal(ConcernStatus.Resolved, answered.Status);
    }

    [Fact]
    public async Task A_concern_raised_from_a_commitment_goes_to_its_owner_and_links_back()
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", new Dictionary<string, string>
        {
            ["Input.What"] = "Reading support", ["Input.Area"] = "Education", ["Input.OwnerId"] = (await MemberIdAsync(sam, "senco@example.org")).ToString(),
            ["Input.Source"] = "Meeting", ["Input.Kind"] = "OneOff", ["Input.DueDate.Day"] = "1", ["Input.DueDate.Month"] = "12", ["Input.DueDate.Year"] = "2026",
        });
        var commitment = await App.QueryAsync(db => db.Commitments.Select(c => c.Id).SingleAsync());
        var parent = await SignedInAsync("parent@example.org");
        var (_, commitmentPage) = await parent.OpenAsync($"/children/{sam}/commitments/{commitment}");
        Assert.NotNull(commitmentPage.QuerySelector($"a[href='/children/{sam}/concerns/new?commitment={commitment}']"));

        var (_, form) = await parent.OpenAsync($"/children/{sam}/concerns/new?commitment={commitment}");
        Assert.Equal("About \"Reading support\"", form.QuerySelector("input[name='Input.Topic']")!.GetAttribute("value"));
        Assert.Null(form.QuerySelector("input[name='Input.Owner']"));
        var (raised, _) = await parent.SubmitAsync($"/children/{sam}/concerns/new?commitment={commitment}", new Dictionary<string, string>
        {
            ["Input.Topic"] = "Reading support has not started", ["Input.About"] = "Education", ["Input.WhatIsHappening"] = "Nothing has happened yet.", ["Input.Urgency"] = "Standard",
        });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var concern = await App.QueryAsync(db => db.Concerns.SingleAsync());
        Assert.Equal(commitment, concern.CommitmentId);
        Assert.Equal("Priya Nair", concern.OwnerName);
        var (_, page) = await parent.OpenAsync($"/children/{sam}/concerns/{concern.Id}");
        Assert.NotNull(page.QuerySelector($"a[href='/children/{sam}/commitments/{commitment}']"));

        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/children/{sam}/concerns/new?commitment={Guid.NewGuid()}")).StatusCode);
    }
}
