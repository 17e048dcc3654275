using System.Net;
using CommonGround.Core.Commitments;
using CommonGround.Core.Language;
using CommonGround.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>Today is Monday 23 November 2026; Sam's key worker is the SENCO, whose school has set no term dates.</summary>
public sealed class CommitmentTests : FreshAppTests
{
    private static Dictionary<string, string> Weekly(Guid owner, string what = "Speech and language therapy in school", string start = "2026-11-09", string? end = null, string quantity = "2") => new()
    {
        ["Input.What"] = what,
        ["Input.Area"] = nameof(CommitmentArea.Health),
        ["Input.OwnerId"] = owner.ToString(),
        ["Input.Source"] = nameof(CommitmentSource.Plan),
        ["Input.Kind"] = nameof(CommitmentKind.Recurring),
        ["Input.Quantity"] = quantity,
        ["Input.Unit"] = nameof(ProvisionUnit.Sessions),
        ["Input.MinutesPerSession"] = "30",
        ["Input.Period"] = nameof(ProvisionPeriod.Week),
        ["Input.StartDate.Day"] = start[8..], ["Input.StartDate.Month"] = start[5..7], ["Input.StartDate.Year"] = start[..4],
        ["Input.EndDate.Day"] = end?[8..] ?? "", ["Input.EndDate.Month"] = end?[5..7] ?? "", ["Input.EndDate.Year"] = end?[..4] ?? "",
        ["Input.AlreadyAgreed"] = "true",
    };

    private static Dictionary<string, string> Delivery(string date, string quantity = "1") => new()
    {
        ["Input.Date.Day"] = date[8..], ["Input.Date.Month"] = date[5..7], ["Input.Date.Year"] = date[..4],
        ["Input.Delivered"] = "true",
        ["Input.Quantity"] = quantity,
    };

    private async Task<(HttpClient KeyWorker, Guid Sam, Guid Commitment)> KeyWorkerRecordsWeeklyTherapyAsync()
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        var (saved, page) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", Weekly(await MemberIdAsync(sam, "senco@example.org")));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        return (keyWorker, sam, await App.QueryAsync(db => db.Commitments.Select(c => c.Id).SingleAsync()));
    }

    [Fact]
    public async Task The_commitments_table_names_each_row_and_labels_each_cell_with_its_column_for_a_phone()
    {
        var (keyWorker, sam, _) = await KeyWorkerRecordsWeeklyTherapyAsync();
        var (_, page) = await keyWorker.OpenAsync($"/children/{sam}/commitments");
        var table = page.QuerySelector("table.govuk-table.cg-table-cards")!;
        Assert.Equal(["What", "Owner", "Planned", "Expected so far", "Delivered", "Shortfall", "Status"],
            table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));
        var row = table.QuerySelector("tbody tr.govuk-table__row")!;
        Assert.Equal("Speech and language therapy in school", row.QuerySelector("th.govuk-table__header[scope=row]")!.TextContent.Trim());
        Assert.Equal(["Owner", "Planned", "Expected so far", "Delivered", "Shortfall", "Status"],
            row.QuerySelectorAll("td.govuk-table__cell").Select(td => td.GetAttribute("data-label")));
        Assert.Equal("Health commitments", table.QuerySelector("caption")!.TextContent);
    }

    [Fact]
    public async Task Planned_against_delivered_shows_the_shortfall_to_the_family()
    {
        var (keyWorker, sam, commitment) = await KeyWorkerRecordsWeeklyTherapyAsync();
        foreach (var date in new[] { "2026-11-10", "2026-11-12", "2026-11-17" })
        {
            var (recorded, _) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/{commitment}/deliveries/new", Delivery(date));
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var parent = await SignedInAsync("parent@example.org");
        var (_, list) = await parent.OpenAsync($"/children/{sam}/commitments");
        var row = list.QuerySelectorAll("tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        // Two full weeks and this Monday owe 4.4 sessions, counted as the 4 whole sessions due; 3 were delivered.
        Assert.Equal(["4 sessions", "3 sessions", "1 session"], cells.Skip(2).Take(3));
        Assert.Equal("Behind", row.QuerySelector(".govuk-tag")!.TextContent.Trim());

        var (_, attention) = await parent.OpenAsync($"/children/{sam}/commitments?status=attention");
        var (_, closed) = await parent.OpenAsync($"/children/{sam}/commitments?status=closed");
        Assert.Single(attention.QuerySelectorAll("tbody tr"));
        Assert.Equal("attention", attention.QuerySelector("select#Status option[selected]")!.GetAttribute("value"));
        Assert.Empty(closed.QuerySelectorAll("tbody tr"));
        Assert.Contains("No commitments match", closed.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_family_disputes_a_delivery_the_owner_is_told_and_answers_and_the_record_stops_counting()
    {
        var (keyWorker, sam, commitment) = await KeyWorkerRecordsWeeklyTherapyAsync();
        await keyWorker.SubmitAsync($"/children/{sam}/commitments/{commitment}/deliveries/new", Delivery("2026-11-10"));
        var delivery = await App.QueryAsync(db => db.DeliveryRecords.Select(d => d.Id).SingleAsync());
        await App.DeliverEmailAsync();

        var parent = await SignedInAsync("parent@example.org");
        var respond = $"/children/{sam}/commitments/{commitment}/deliveries/{delivery}/respond";
        var (missingComment, page) = await parent.SubmitAsync(respond, new Dictionary<string, string> { ["Input.Response"] = nameof(FamilyResponse.Disputed) });
        Assert.Equal(HttpStatusCode.BadRequest, missingComment.StatusCode);
        Assert.Equal(["Say what is wrong with this record"], page.ErrorSummary());

        var (disputed, _) = await parent.SubmitAsync(respond, new Dictionary<string, string> { ["Input.Response"] = nameof(FamilyResponse.Disputed), ["Input.Comment"] = "Sam was off sick that day." });
        Assert.Equal(HttpStatusCode.Redirect, disputed.StatusCode);
        Assert.Equal((1m, 1), await TotalsAsync(commitment));
        var email = (await App.DeliverEmailAsync()).Single(m => m.To.Mailboxes.Any(t => t.Address == "senco@example.org"));
        Assert.DoesNotContain("off sick", email.TextBody, StringComparison.Ordinal);

        var (_, ownerView) = await keyWorker.OpenAsync($"/children/{sam}/commitments/{commitment}");
        Assert.Contains("Sam was off sick that day.", ownerView.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, owed) = await keyWorker.OpenAsync("/what-i-owe?show=disputed");
        Assert.Equal("Disputed by the family (1)", owed.QuerySelector(".cg-inline-choices [aria-current=page]")!.TextContent.Trim());
        Assert.Contains("Disputed", owed.QuerySelector("#owed + table")!.TextContent, StringComparison.Ordinal);
        var (answered, _) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/{commitment}/deliveries/{delivery}/resolve",
            new Dictionary<string, string> { ["Input.Resolution"] = "You are right, it was recorded by mistake.", ["Input.SetAside"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var (_, familyView) = await parent.OpenAsync($"/children/{sam}/commitments/{commitment}");
        Assert.Contains("You are right, it was recorded by mistake.", familyView.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No longer counted", familyView.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.DeliveryRecords.CountAsync(d => d.SetAsideAt == null)));
        Assert.Equal((0m, 0), await TotalsAsync(commitment));
    }

    [Fact]
    public async Task Deliveries_recorded_at_the_same_moment_each_count_towards_the_commitment()
    {
        var (keyWorker, sam, commitment) = await KeyWorkerRecordsWeeklyTherapyAsync();
        var url = $"/children/{sam}/commitments/{commitment}/deliveries/new";

        // Each delivery is its own form, fetched first, then all are sent at once, as by several people catching up.
        const int Deliveries = 20;
        var forms = new List<Dictionary<string, string>>();
        for (var i = 0; i < Deliveries; i++)
        {
            var (_, page) = await keyWorker.OpenAsync(url);
            var fields = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[type=hidden]").ToDictionary(f => f.Name!, f => f.Value);
            foreach (var (name, value) in Delivery($"2026-11-{10 + (i % 10):00}", quantity: i % 2 == 0 ? "1" : "0.5"))
            {
                fields[name] = value;
            }

            forms.Add(fields);
        }

        var sent = await Task.WhenAll(forms.Select(fields => keyWorker.PostFormAsync(url, fields)));
        Assert.All(sent, s => Assert.Equal(HttpStatusCode.Redirect, s.Response.StatusCode));
        Assert.Equal(Deliveries, await App.QueryAsync(db => db.DeliveryRecords.CountAsync(d => d.CommitmentId == commitment)));
        Assert.Equal((15m, 0), await TotalsAsync(commitment));

        var (_, list) = await keyWorker.OpenAsync($"/children/{sam}/commitments");
        Assert.Equal("15 sessions", list.QuerySelectorAll("tbody tr td").Select(c => c.TextContent.Trim()).ElementAt(3));
    }

    private async Task<(decimal DeliveredSoFar, int OpenDisputes)> TotalsAsync(Guid commitment)
    {
        var totals = await App.QueryAsync(db => db.Commitments.Where(c => c.Id == commitment).Select(c => new { c.DeliveredSoFar, c.OpenDisputes }).SingleAsync());
        return (totals.DeliveredSoFar, totals.OpenDisputes);
    }

    public static TheoryData<string, Dictionary<string, string>, string> BadCommitments() => new()
    {
        { "end before start", Weekly(Guid.Empty, start: "2026-12-01", end: "2026-11-30"), "The end date must be the same as or after the start date" },
        { "negative quantity", Weekly(Guid.Empty, quantity: "-2"), "How much must be more than 0" },
        { "no what", Weekly(Guid.Empty, what: ""), "Enter what has been promised" },
        { "what too long", Weekly(Guid.Empty, what: new string('a', 501)), "What has been promised must be 500 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(BadCommitments))]
    public async Task A_commitment_with_bad_input_gets_a_clear_error_and_nothing_is_written(string why, Dictionary<string, string> fields, string error)
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        fields["Input.OwnerId"] = (await MemberIdAsync(sam, "senco@example.org")).ToString();

        var (response, page) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(page.ErrorSummary().Contains(error), $"{why}: {string.Join("; ", page.ErrorSummary())}");
        Assert.Equal(0, await App.QueryAsync(db => db.Commitments.CountAsync()));
    }

    [Fact]
    public async Task A_delivery_in_the_future_or_before_the_start_is_refused_and_nothing_is_written()
    {
        var (keyWorker, sam, commitment) = await KeyWorkerRecordsWeeklyTherapyAsync();
        var url = $"/children/{sam}/commitments/{commitment}/deliveries/new";

        var (future, futurePage) = await keyWorker.SubmitAsync(url, Delivery("2026-11-24"));
        var (early, earlyPage) = await keyWorker.SubmitAsync(url, Delivery("2026-11-06"));
        var (negative, negativePage) = await keyWorker.SubmitAsync(url, Delivery("2026-11-10", quantity: "-1"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (future.StatusCode, early.StatusCode, negative.StatusCode));
        Assert.Equal(["The date must be today or in the past"], futurePage.ErrorSummary());
        Assert.Equal(["The date must be within the dates of the commitment, and the commitment must be agreed"], earlyPage.ErrorSummary());
        Assert.Equal(["How much was delivered must be more than 0"], negativePage.ErrorSummary());
        Assert.Equal(0, await App.QueryAsync(db => db.DeliveryRecords.CountAsync()));
    }

    [Fact]
    public async Task Only_the_owner_changes_a_commitment_and_every_change_keeps_its_reason()
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        var fields = Weekly(await MemberIdAsync(sam, "therapist@example.org"));
        var (saved, _) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var commitment = await App.QueryAsync(db => db.Commitments.SingleAsync());
        Assert.Equal("therapist@example.org", await App.QueryAsync(db => db.Professionals.Where(p => p.Id == commitment.OwnerProfessionalId).Select(p => p.UserAccount!.Email).SingleAsync()));

        var (refused, page) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/{commitment.Id}/status", new Dictionary<string, string> { ["Input.Status"] = nameof(CommitmentStatus.Withdrawn), ["Input.Reason"] = "Not needed" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith("Only ", StringComparison.Ordinal));
        Assert.Equal(CommitmentStatus.Agreed, await App.QueryAsync(db => db.Commitments.Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_owner_ends_a_commitment_early_only_with_a_reason_and_the_family_sees_it()
    {
        var (keyWorker, sam, commitment) = await KeyWorkerRecordsWeeklyTherapyAsync();
        var url = $"/children/{sam}/commitments/{commitment}/status";
        await keyWorker.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = nameof(CommitmentStatus.Active) });

        var (noReason, page) = await keyWorker.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = nameof(CommitmentStatus.EndedEarly) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Enter the reason"], page.ErrorSummary());

        var (ended, _) = await keyWorker.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = nameof(CommitmentStatus.EndedEarly), ["Input.Reason"] = "Therapy now happens at the clinic." });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var (_, familyView) = await (await SignedInAsync("parent@example.org")).OpenAsync($"/children/{sam}/commitments/{commitment}");
        Assert.Contains("Therapy now happens at the clinic.", familyView.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.Action.StartsWith("commitment."))));
    }

    [Fact]
    public async Task A_reason_for_a_change_of_status_is_read_for_labels_before_it_is_saved()
    {
        var (keyWorker, sam, commitment) = await KeyWorkerRecordsWeeklyTherapyAsync();
        var url = $"/children/{sam}/commitments/{commitment}/status";
        await keyWorker.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = nameof(CommitmentStatus.Active) });
        var fields = new Dictionary<string, string> { ["Input.Status"] = nameof(CommitmentStatus.EndedEarly), ["Input.Reason"] = "Mum is on the warpath about the clinic, so it stops." };

        var (advised, page) = await keyWorker.SubmitAsync(url, fields);

        Assert.Equal(HttpStatusCode.OK, advised.StatusCode);
        Assert.Contains("on the warpath", page.QuerySelector("#language-advice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CommitmentStatus.Active, await App.QueryAsync(db => db.Commitments.Where(c => c.Id == commitment).Select(c => c.Status).SingleAsync()));

        fields["Input.SaveAnyway"] = "true";
        var (saved, _) = await keyWorker.SubmitAsync(url, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(CommitmentStatus.EndedEarly, await App.QueryAsync(db => db.Commitments.Where(c => c.Id == commitment).Select(c => c.Status).SingleAsync()));
        Assert.Equal(2, await App.QueryAsync(db => db.LanguageAdviceRecords.CountAsync(r => r.Category == CommonGround.Core.Language.LanguageCategory.FamilyBlame)));
    }

    [Fact]
    public async Task The_advisor_flags_a_label_the_writer_may_rewrite_or_save_anyway_and_the_organisation_sees_only_counts()
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        var fields = Weekly(await MemberIdAsync(sam, "senco@example.org"));
        fields["Input.Details"] = "Mum is a difficult parent about the timetable.";

        var (advised, page) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", fields);
        Assert.Equal(HttpStatusCode.OK, advised.StatusCode);
        Assert.Contains("difficult parent", page.QuerySelector("#language-advice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.Commitments.CountAsync()));

        fields["Input.SaveAnyway"] = "true";
        var (saved, _) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([(LanguageCategory.FamilyLabel, false), (LanguageCategory.FamilyLabel, true)],
            (await App.QueryAsync(db => db.LanguageAdviceRecords.OrderBy(r => r.SavedAnyway).ToListAsync())).Select(r => (r.Category, r.SavedAnyway)));

        var admin = await SignedInAsync("orgadmin@example.org");
        var (_, report) = await admin.OpenAsync("/organisation/language");
        var row = report.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Labels a parent or family", StringComparison.Ordinal));
        Assert.Equal(["1", "1"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.DoesNotContain("difficult", report.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_i_owe_lists_the_key_workers_commitment_as_behind_until_it_is_delivered_and_downloads_as_csv()
    {
        var (keyWorker, sam, commitment) = await KeyWorkerRecordsWeeklyTherapyAsync();

        var (_, behind) = await keyWorker.OpenAsync("/what-i-owe?show=behind");
        var csv = await keyWorker.GetAsync("/what-i-owe/export");

        Assert.Contains("Speech and language therapy in school", behind.QuerySelector("#owed + table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Behind or not started (1)", behind.QuerySelector(".cg-inline-choices [aria-current=page]")!.TextContent.Trim());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Not started", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Two weeks at two a week are owed by last Sunday; once four are recorded it is on track.
        foreach (var date in new[] { "2026-11-10", "2026-11-12", "2026-11-16", "2026-11-18" })
        {
            await keyWorker.SubmitAsync($"/children/{sam}/commitments/{commitment}/deliveries/new", Delivery(date));
        }

        var (_, caughtUp) = await keyWorker.OpenAsync("/what-i-owe?show=behind");
        var (_, onTrack) = await keyWorker.OpenAsync("/what-i-owe?show=on-track");
        var (_, children) = await keyWorker.OpenAsync("/children");
        Assert.Equal("No provision you owe is behind.", caughtUp.QuerySelector("#owed + p")!.TextContent.Trim());
        Assert.Contains("Speech and language therapy in school", onTrack.QuerySelector("#owed + table")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Nothing you owe is late, behind or due soon.", children.QuerySelector("#owed")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 28), await App.QueryAsync(db => db.Commitments.Where(c => c.Id == commitment).Select(c => c.FirstDayBehind).SingleAsync()));
    }

    [Fact]
    public async Task What_i_owe_shows_twenty_five_at_a_time_most_pressing_first_with_each_filter_counted()
    {
        var (keyWorker, sam, _) = await KeyWorkerRecordsWeeklyTherapyAsync();
        var member = await MemberIdAsync(sam, "senco@example.org");
        for (var i = 1; i <= 27; i++)
        {
            var (saved, page) = await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", new Dictionary<string, string>
            {
                ["Input.What"] = $"Send report {i:00}",
                ["Input.Area"] = nameof(CommitmentArea.Education),
                ["Input.OwnerId"] = member.ToString(),
                ["Input.Source"] = nameof(CommitmentSource.Meeting),
                ["Input.Kind"] = nameof(CommitmentKind.OneOff),
                // The first three are due within two weeks; the rest later.
                ["Input.DueDate.Day"] = i <= 3 ? "30" : "15", ["Input.DueDate.Month"] = i <= 3 ? "11" : "01", ["Input.DueDate.Year"] = i <= 3 ? "2026" : "2027",
                ["Input.AlreadyAgreed"] = "true",
            });
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        }

        var (_, first) = await keyWorker.OpenAsync("/what-i-owe");
        var (_, second) = await keyWorker.OpenAsync("/what-i-owe?page=2");
        var (_, dueSoon) = await keyWorker.OpenAsync("/what-i-owe?show=due-soon");
        var (_, beyond) = await keyWorker.OpenAsync("/what-i-owe?page=9");

        var firstRows = first.QuerySelectorAll("#owed + table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(25, firstRows.Count);
        Assert.Contains("Speech and language therapy in school", firstRows[0], StringComparison.Ordinal);
        Assert.All(firstRows.Skip(1).Take(3), r => Assert.Contains("Due soon", r, StringComparison.Ordinal));
        Assert.Equal(3, second.QuerySelectorAll("#owed + table tbody tr").Length);
        Assert.Equal(["All (28)", "Overdue (0)", "Behind or not started (1)", "Disputed by the family (0)", "Due in the next 2 weeks (3)", "Proposed (0)", "On track or starting later (24)"],
            first.QuerySelectorAll(".cg-inline-choices li").Select(l => l.TextContent.Trim()));
        Assert.NotNull(first.QuerySelector(".govuk-pagination a[href='/what-i-owe?page=2']"));
        Assert.Equal(["Send report 01", "Send report 02", "Send report 03"], dueSoon.QuerySelectorAll("#owed + table tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()));
        // A page past the end shows the last one.
        Assert.Equal(3, beyond.QuerySelectorAll("#owed + table tbody tr").Length);
    }

    [Fact]
    public async Task What_i_owe_lists_the_same_from_kept_places_as_worked_out_after_a_change_and_as_days_pass()
    {
        var (keyWorker, sam, _) = await KeyWorkerRecordsWeeklyTherapyAsync();
        var member = await MemberIdAsync(sam, "senco@example.org");
        // Due from today to eight weeks ahead, a few only proposed: as days pass, each way a one-off stands moves on.
        for (var i = 0; i < 29; i++)
        {
            var due = App.Time.TodayInUk().AddDays(i * 2);
            await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", new Dictionary<string, string>
            {
                ["Input.What"] = $"Send report {i:00}",
                ["Input.Area"] = nameof(CommitmentArea.Education),
                ["Input.OwnerId"] = member.ToString(),
                ["Input.Source"] = nameof(CommitmentSource.Meeting),
                ["Input.Kind"] = nameof(CommitmentKind.OneOff),
                ["Input.DueDate.Day"] = $"{due.Day}", ["Input.DueDate.Month"] = $"{due.Month}", ["Input.DueDate.Year"] = $"{due.Year}",
                ["Input.AlreadyAgreed"] = i % 7 == 3 ? "false" : "true",
            });
        }

        Assert.Equal(30, await App.QueryAsync(db => db.Commitments.CountAsync()));
        var pages = new[] { "/what-i-owe", "/what-i-owe?page=2" }.Concat(CommonGround.Web.Pages.WhatIOwe.IndexModel.Filters.Skip(1).Select(f => $"/what-i-owe?show={f.Key}")).ToList();
        async Task<List<string>> ListedAsync()
        {
            var listed = new List<string>();
            foreach (var address in pages)
            {
                var (_, page) = await keyWorker.OpenAsync(address);
                listed.Add($"{address}: {string.Join(" | ", page.QuerySelectorAll(".cg-inline-choices li, #owed + table tbody tr").Select(r => r.TextContent.Trim()))}");
            }

            return listed;
        }

        Task<int> UnplacedAsync() => App.QueryAsync(db => db.Commitments.CountAsync(c => c.OwedOrderHoldsUntil < App.Time.TodayInUk()));
        async Task PlaceAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OwedOrderJob>().ExecuteAsync(CancellationToken.None);
        }

        // Just saved, so worked out; then placed, and read from the places.
        var workedOut = await ListedAsync();
        Assert.Equal(30, await UnplacedAsync());
        await PlaceAsync();
        Assert.Equal(0, await UnplacedAsync());
        Assert.Equal(workedOut, await ListedAsync());

        // A delivery the family disputes moves the therapy to the top of its own; until placed, worked out.
        var therapy = await App.QueryAsync(db => db.Commitments.Where(c => c.Kind == CommitmentKind.Recurring).Select(c => c.Id).SingleAsync());
        await keyWorker.SubmitAsync($"/children/{sam}/commitments/{therapy}/deliveries/new", Delivery("2026-11-10"));
        var parent = await SignedInAsync("parent@example.org");
        var delivery = await App.QueryAsync(db => db.DeliveryRecords.Select(d => d.Id).SingleAsync());
        await parent.SubmitAsync($"/children/{sam}/commitments/{therapy}/deliveries/{delivery}/respond", new Dictionary<string, string>
        {
            ["Input.Response"] = nameof(FamilyResponse.Disputed), ["Input.Comment"] = "That session did not happen",
        });
        Assert.Equal(1, await App.QueryAsync(db => db.Commitments.Where(c => c.Id == therapy).Select(c => c.OpenDisputes).SingleAsync()));
        Assert.Equal(1, await UnplacedAsync());
        var afterDispute = await ListedAsync();
        await PlaceAsync();
        Assert.Equal(afterDispute, await ListedAsync());
        Assert.NotEqual(workedOut, afterDispute);

        // Eight days on, reports fall due soon or overdue: the places that no longer hold are worked out until placed again.
        App.Time.Advance(TimeSpan.FromDays(8));
        Assert.InRange(await UnplacedAsync(), 4, 29);
        var later = await ListedAsync();
        await PlaceAsync();
        Assert.Equal(0, await UnplacedAsync());
        Assert.Equal(later, await ListedAsync());
        Assert.NotEqual(afterDispute, later);
    }

    [Fact]
    public async Task Adding_a_term_moves_when_term_time_provision_falls_behind()
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        var fields = Weekly(await MemberIdAsync(sam, "senco@example.org"));
        fields["Input.TermTimeOnly"] = "true";
        await keyWorker.SubmitAsync($"/children/{sam}/commitments/new", fields);
        Task<DateOnly?> FirstDayBehindAsync() => App.QueryAsync(db => db.Commitments.Select(c => c.FirstDayBehind).SingleAsync());
        var withNoTerms = await FirstDayBehindAsync();

        var admin = await SignedInAsync("orgadmin@example.org");
        var (added, _) = await admin.SubmitAsync("/organisation/term-dates", new Dictionary<string, string>
        {
            ["Input.Name"] = "Second half of autumn term",
            ["Input.StartDate.Day"] = "16", ["Input.StartDate.Month"] = "11", ["Input.StartDate.Year"] = "2026",
            ["Input.EndDate.Day"] = "18", ["Input.EndDate.Month"] = "12", ["Input.EndDate.Year"] = "2026",
        }, action: "/organisation/term-dates");
        var (_, behind) = await keyWorker.OpenAsync("/what-i-owe?show=behind");

        // With no terms every week counts, so the first week is late from its Saturday; with a term from 16 November
        // nothing was owed before it.
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 14), withNoTerms);
        Assert.Equal(new DateOnly(2026, 11, 21), await FirstDayBehindAsync());
        Assert.Contains("Speech and language therapy in school", behind.QuerySelector("#owed + table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_admin_sets_term_dates_and_overlapping_or_backwards_terms_are_refused()
    {
        var admin = await SignedInAsync("orgadmin@example.org");
        Dictionary<string, string> Term(string name, string start, string end) => new()
        {
            ["Input.Name"] = name,
            ["Input.StartDate.Day"] = start[8..], ["Input.StartDate.Month"] = start[5..7], ["Input.StartDate.Year"] = start[..4],
            ["Input.EndDate.Day"] = end[8..], ["Input.EndDate.Month"] = end[5..7], ["Input.EndDate.Year"] = end[..4],
        };

        var (added, addedPage) = await admin.SubmitAsync("/organisation/term-dates", Term("Autumn term 2026", "2026-09-02", "2026-12-18"), action: "/organisation/term-dates");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, string.Join("; ", addedPage.ErrorSummary()));
        var (overlap, overlapPage) = await admin.SubmitAsync("/organisation/term-dates", Term("Christmas club", "2026-12-14", "2026-12-23"), action: "/organisation/term-dates");
        var (backwards, backwardsPage) = await admin.SubmitAsync("/organisation/term-dates", Term("Spring term 2027", "2027-03-26", "2027-01-05"), action: "/organisation/term-dates");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        Assert.Contains("overlap Autumn term 2026", overlapPage.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(["The last day of term must be the same as or after the first day"], backwardsPage.ErrorSummary());
        Assert.Equal(1, await App.QueryAsync(db => db.TermDates.CountAsync()));
    }
}
