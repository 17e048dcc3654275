using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Statutory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// Advice asked of the people around a child, on a clock. Today is Monday 23 November 2026. Priya (Sam's SENCO) writes
/// his plans; Grace (the therapist) is shared Health; Tom (the council) writes Jordan's EHC plan.
/// </summary>
public sealed class AdviceTests : FreshAppTests
{
    private async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> AskAsync(HttpClient asker, Guid child, Guid adviser, string part, DateOnly? due)
    {
        var fields = new Dictionary<string, string> { ["Input.AdviserId"] = adviser.ToString(), ["Input.Part"] = part, ["Input.About"] = "Following instructions in class, and what would help" };
        if (due is { } on)
        {
            foreach (var (key, value) in Browse.DateFields("Input.DueOn", on))
            {
                fields[key] = value;
            }
        }

        return await asker.SubmitAsync($"/children/{child}/advice/new", fields);
    }

    [Fact]
    public async Task A_setting_asks_the_therapist_who_is_told_gives_advice_with_a_report_and_recommendations_and_the_family_reads_it()
    {
        var sam = await ChildIdAsync("Samuel");
        var senco = await SignedInAsync("senco@example.org");
        var therapistOnSam = await MemberIdAsync(sam, "therapist@example.org");

        // Bad input changes nothing.
        var (noDate, noDatePage) = await AskAsync(senco, sam, therapistOnSam, "Health", null);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Equal("Enter the date you need the advice by", noDatePage.ErrorSummary().Single());
        var (past, pastPage) = await AskAsync(senco, sam, therapistOnSam, "Health", new DateOnly(2026, 11, 20));
        Assert.Equal("The date you need the advice by must be after today and within 6 months", pastPage.ErrorSummary().Single());
        var (notShared, notSharedPage) = await AskAsync(senco, sam, await MemberIdAsync(sam, "transport@example.org"), "Health", new DateOnly(2026, 12, 18));
        Assert.StartsWith("Dan Whitfield is not shared the Health part of the record", notSharedPage.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.AdviceRequests.CountAsync()));

        var (asked, askedPage) = await AskAsync(senco, sam, therapistOnSam, "Health", new DateOnly(2026, 12, 18));
        Assert.True(asked.StatusCode == HttpStatusCode.Redirect, string.Join("; ", askedPage.ErrorSummary()));
        var request = await App.QueryAsync(db => db.AdviceRequests.SingleAsync());
        Assert.Equal((new DateOnly(2026, 12, 18), (Guid?)null), (request.DueOn, request.ProcessId));

        // Grace is told, and sees it in the advice asked of her.
        var therapist = await SignedInAsync("therapist@example.org");
        var therapistId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "therapist@example.org").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == therapistId && n.Title.Contains("asked you for advice about Sam"))));
        var (_, mine) = await therapist.OpenAsync("/advice-asked");
        Assert.Contains("due by 18 December 2026", mine.QuerySelector("main .cg-advice")!.TextContent, StringComparison.Ordinal);

        // Only Grace gives it; she attaches her report from Sam's documents and lists three recommendations.
        var token = (await senco.OpenAsync($"/children/{sam}/advice/new")).Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var (refused, refusedPage) = await senco.PostFormAsync($"/children/{sam}/advice/{request.Id}",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Advice"] = "My advice", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Only the person asked can give this advice", refusedPage.ErrorSummary().Single());
        var report = await App.QueryAsync(async db =>
        {
            var document = new Core.Documents.Document
            {
                ChildId = sam, AreaId = request.AreaId, Part = RecordArea.Health, Title = "Therapy assessment", FileName = "assessment.pdf", Type = Core.Documents.DocumentType.Pdf,
                SizeBytes = 9, Sha256 = new string('0', 64), AddedByUserId = therapistId, AddedByName = "Grace Okafor", AddedByFamily = false, AddedAt = App.Time.GetUtcNow().UtcDateTime,
            };
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });
        var (given, givenPage) = await therapist.SubmitAsync($"/children/{sam}/advice/{request.Id}", new Dictionary<string, string>
        {
            ["Input.Advice"] = "Sam follows one step well; two steps to the whole class are hard.",
            ["Input.DocumentId"] = report.ToString(),
            ["Input.Recommendations"] = "Speech and language therapy in school, 30 minutes a week\r\n\r\nA visual timetable on his desk\nInstructions given one at a time, with a gesture",
        });
        Assert.True(given.StatusCode == HttpStatusCode.Redirect, string.Join("; ", givenPage.ErrorSummary()));
        var senco2 = await App.QueryAsync(db => db.Users.Where(u => u.Email == "senco@example.org").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == senco2 && n.Title.Contains("gave the advice"))));

        var parent = await SignedInAsync("parent@example.org");
        var (_, page) = await parent.OpenAsync($"/children/{sam}/advice/{request.Id}");
        Assert.Equal(["Speech and language therapy in school, 30 minutes a week", "A visual timetable on his desk", "Instructions given one at a time, with a gesture"],
            page.QuerySelectorAll("main ol li > p:first-child").Select(p => p.TextContent.Trim()));
        Assert.Equal(3, page.QuerySelectorAll("main ol li").Count(li => li.TextContent.Contains("Not answered in a plan yet")));
        Assert.Equal("Therapy assessment", page.QuerySelector($"main a[href='/children/{sam}/documents/{report}']")!.TextContent.Trim());
        var (_, givenView) = await therapist.OpenAsync($"/children/{sam}/advice/{request.Id}");
        Assert.Empty(givenView.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task The_family_gives_their_own_advice_seen_as_anyone_elses_by_those_shared_its_part()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = await SignedInAsync("parent@example.org");
        var (blank, blankPage) = await parent.SubmitAsync($"/children/{sam}/advice/family", new Dictionary<string, string> { ["Input.Part"] = "Education" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal("Write your advice, or attach your report and summarise it here", blankPage.ErrorSummary().Single());
        Assert.Equal(0, await App.QueryAsync(db => db.AdviceRequests.CountAsync()));

        var (given, givenPage) = await parent.SubmitAsync($"/children/{sam}/advice/family", new Dictionary<string, string>
        {
            ["Input.Part"] = "Education", ["Input.About"] = "What helps Sam at home",
            ["Input.Advice"] = "Sam copes when he knows what is coming. A picture timetable on the fridge works.", ["Input.Recommendations"] = "A visual timetable in class\nWarning before any change",
        });
        Assert.True(given.StatusCode == HttpStatusCode.Redirect, string.Join("; ", givenPage.ErrorSummary()));
        var advice = await App.QueryAsync(db => db.AdviceRequests.Include(r => r.Recommendations).SingleAsync());
        Assert.Equal((true, AdviceStatus.Given, 2), (advice.ByFamily, advice.Status, advice.Recommendations.Count));

        var (_, senco) = await (await SignedInAsync("senco@example.org")).OpenAsync($"/children/{sam}/advice");
        Assert.Contains("The family's own advice", senco.QuerySelector("main .cg-advice")!.TextContent, StringComparison.Ordinal);
        var (_, therapist) = await (await SignedInAsync("therapist@example.org")).OpenAsync($"/children/{sam}/advice");
        Assert.Null(therapist.QuerySelector("main .cg-advice"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync("senco@example.org")).GetAsync($"/children/{sam}/advice/family")).StatusCode);
        var (_, mine) = await (await SignedInAsync("senco@example.org")).OpenAsync("/advice-asked");
        Assert.Null(mine.QuerySelector("main .cg-advice"));
    }

    [Fact]
    public async Task Advice_asked_leaves_the_advisers_list_while_the_family_does_not_share_its_part_with_them()
    {
        var sam = await ChildIdAsync("Samuel");
        var therapistOnSam = await MemberIdAsync(sam, "therapist@example.org");
        var (asked, askedPage) = await AskAsync(await SignedInAsync("senco@example.org"), sam, therapistOnSam, "Health", new DateOnly(2026, 12, 18));
        Assert.True(asked.StatusCode == HttpStatusCode.Redirect, string.Join("; ", askedPage.ErrorSummary()));
        var parent = await SignedInAsync("parent@example.org");
        var sharing = $"/children/{sam}/team/{therapistOnSam}/sharing";

        async Task ShareAsync(DateOnly? until, params RecordArea[] parts)
        {
            var (_, form) = await parent.OpenAsync(sharing);
            var fields = parts.Select(p => new KeyValuePair<string, string>("Input.Areas", p.ToString()))
                .Concat(until is { } last ? Browse.DateFields("Input.Until", last).Select(f => new KeyValuePair<string, string>(f.Key, f.Value)) : [])
                .Append(new("__RequestVerificationToken", form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
            using var saved = await parent.PostAsync(sharing, new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        async Task<string> AskedOfTherapistAsync() =>
            (await (await SignedInAsync("therapist@example.org")).OpenAsync("/advice-asked")).Page.QuerySelector("main")!.TextContent;

        Assert.Contains("due by 18 December 2026", await AskedOfTherapistAsync(), StringComparison.Ordinal);

        await ShareAsync(null, RecordArea.AboutMe);
        var withoutHealth = await AskedOfTherapistAsync();
        Assert.DoesNotContain("due by 18 December 2026", withoutHealth, StringComparison.Ordinal);
        Assert.Contains("Nobody has asked you for advice yet", withoutHealth, StringComparison.Ordinal);

        // Shared again until the end of the month: on the list until then, and not after.
        await ShareAsync(new DateOnly(2026, 11, 30), RecordArea.AboutMe, RecordArea.Health);
        Assert.Contains("To give (1)", await AskedOfTherapistAsync(), StringComparison.Ordinal);
        App.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.Contains("Nobody has asked you for advice yet", await AskedOfTherapistAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advice_not_given_by_its_date_shows_as_late_to_the_family_and_the_adviser()
    {
        var sam = await ChildIdAsync("Samuel");
        var senco = await SignedInAsync("senco@example.org");
        await AskAsync(senco, sam, await MemberIdAsync(sam, "therapist@example.org"), "Health", new DateOnly(2026, 11, 30));
        App.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        var (_, family) = await (await SignedInAsync("parent@example.org")).OpenAsync($"/children/{sam}/advice");
        Assert.Contains("Late was due by 30 November 2026", family.QuerySelector("main .cg-advice")!.TextContent.Split('\n').Select(l => l.Trim()).Aggregate((a, b) => $"{a} {b}").Replace("  ", " "), StringComparison.Ordinal);
        var (_, adviser) = await (await SignedInAsync("therapist@example.org")).OpenAsync("/advice-asked");
        Assert.Equal("Late", adviser.QuerySelector("main .cg-advice .govuk-tag")!.TextContent.Trim());
        var (_, transport) = await (await SignedInAsync("transport@example.org")).OpenAsync($"/children/{sam}/advice");
        Assert.Null(transport.QuerySelector("main .cg-advice"));

        // The attention run makes it an early warning for those shared Health, and "late" in What's happening.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Core.Attention.AttentionJob>().ExecuteAsync(CancellationToken.None);
        }

        var (_, attention) = await (await SignedInAsync("senco@example.org")).OpenAsync("/attention");
        Assert.Contains("Advice from Grace Okafor (Northvale Community NHS Trust) was due by 30 November 2026, 1 day ago", attention.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, happening) = await (await SignedInAsync("parent@example.org")).OpenAsync($"/children/{sam}/whats-happening");
        Assert.Contains("Advice from Grace Okafor", happening.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, transportAttention) = await (await SignedInAsync("transport@example.org")).OpenAsync("/attention");
        Assert.DoesNotContain("Advice from Grace Okafor", transportAttention.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advice_for_an_ehc_needs_assessment_runs_on_the_legal_six_weeks_and_is_recorded_on_the_assessment()
    {
        var jordan = await ChildIdAsync("Jordan");
        var caseworker = await SignedInAsync("caseworker@example.org");
        var (started, _) = await caseworker.SubmitAsync($"/children/{jordan}/statutory/new", new Dictionary<string, string>(Browse.DateFields("Input.Date", new(2026, 10, 1)))
        {
            ["Input.Kind"] = nameof(StatutoryProcessKind.NeedsAssessment),
        });
        var process = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);

        // An educational psychologist joins Jordan's team, shared Education.
        var psychologist = await App.QueryAsync(async db =>
        {
            var therapist = await db.Professionals.SingleAsync(p => p.UserAccount!.Email == "therapist@example.org");
            var member = new Core.Team.TeamMember
            {
                ChildId = jordan, ProfessionalId = therapist.Id, AreaId = (await db.Children.SingleAsync(c => c.Id == jordan)).AreaId, Role = "Educational psychologist",
                IsKeyWorker = false, JoinedAt = App.Time.GetUtcNow().UtcDateTime, AddedByUserId = await db.Users.Where(u => u.Email == "youngperson@example.org").Select(u => u.Id).SingleAsync(),
            };
            db.TeamMembers.Add(member);
            db.SharingConsents.Add(new Core.Team.SharingConsent
            {
                TeamMemberId = member.Id, ChildId = jordan, Area = RecordArea.Education, From = new DateOnly(2026, 11, 23), GrantedByUserId = member.AddedByUserId, GrantedAt = member.JoinedAt,
            });
            await db.SaveChangesAsync();
            return member.Id;
        });

        var (_, form) = await caseworker.OpenAsync($"/children/{jordan}/advice/new");
        Assert.Empty(form.QuerySelectorAll("input[name='Input.DueOn.Day']"));
        Assert.Contains("due by 4 January 2027", form.QuerySelector("main .govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        var (asked, askedPage) = await AskAsync(caseworker, jordan, psychologist, "Education", null);
        Assert.True(asked.StatusCode == HttpStatusCode.Redirect, string.Join("; ", askedPage.ErrorSummary()));
        var request = await App.QueryAsync(db => db.AdviceRequests.SingleAsync());
        Assert.Equal((new DateOnly(2027, 1, 4), (Guid?)process), (request.DueOn, request.ProcessId));

        // An appointment for the assessment was missed: the date stays, flagged, and the assessment notes it for this adviser.
        var therapist = await SignedInAsync("therapist@example.org");
        var missedPage = $"/children/{jordan}/advice/{request.Id}/missed-appointment";
        var (_, requestPage) = await therapist.OpenAsync($"/children/{jordan}/advice/{request.Id}");
        Assert.NotNull(requestPage.QuerySelector($"main a[href='{missedPage}']"));
        var (noDate, noDatePage) = await therapist.SubmitAsync(missedPage, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Equal("Enter the date of the missed appointment", noDatePage.ErrorSummary().Single());
        var (future, futurePage) = await therapist.SubmitAsync(missedPage, Browse.DateFields("Input.MissedOn", new(2026, 11, 30)));
        Assert.Equal("The date of the missed appointment must be between the day the advice was asked for and today", futurePage.ErrorSummary().Single());
        var (family, familyPage) = await (await SignedInAsync("youngperson@example.org")).SubmitAsync(missedPage, Browse.DateFields("Input.MissedOn", new(2026, 11, 23)));
        Assert.Equal(HttpStatusCode.BadRequest, family.StatusCode);
        Assert.Equal("Only the person asked for the advice, or the local authority running the assessment, can record a missed appointment", familyPage.ErrorSummary().Single());
        Assert.Null(await App.QueryAsync(db => db.AdviceRequests.Select(r => r.AppointmentMissedOn).SingleAsync()));
        var (missed, missedResult) = await therapist.SubmitAsync(missedPage, Browse.DateFields("Input.MissedOn", new(2026, 11, 23)));
        Assert.True(missed.StatusCode == HttpStatusCode.Redirect, string.Join("; ", missedResult.ErrorSummary()));
        Assert.Equal(new DateOnly(2026, 11, 23), await App.QueryAsync(db => db.AdviceRequests.Select(r => r.AppointmentMissedOn).SingleAsync()));
        var flagged = await App.QueryAsync(db => db.StatutoryProcesses.Include(p => p.Events).SingleAsync(p => p.Id == process));
        var deadline = flagged.Progress(new DateOnly(2026, 11, 23), Timescales.England).Deadlines.Single(d => d.About == request.StatutoryName);
        Assert.Equal((new DateOnly(2027, 1, 4), true), (deadline.Deadline.Date, deadline.ExceptionMayApply));
        var (_, caseworkerView) = await caseworker.OpenAsync($"/children/{jordan}/advice/{request.Id}");
        Assert.Contains("An exception may apply", caseworkerView.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(caseworkerView.QuerySelector($"main a[href='{missedPage}']"));

        var (given, givenPage) = await therapist.SubmitAsync($"/children/{jordan}/advice/{request.Id}", new Dictionary<string, string> { ["Input.Advice"] = "Jordan plans best with a written checklist." });
        Assert.True(given.StatusCode == HttpStatusCode.Redirect, string.Join("; ", givenPage.ErrorSummary()));
        var events = await App.QueryAsync(db => db.StatutoryEvents.Where(e => e.ProcessId == process && e.Detail == request.StatutoryName).Select(e => e.Kind).ToListAsync());
        Assert.Equal([StatutoryEventKind.AdviceRequested, StatutoryEventKind.AdviceReceived, StatutoryEventKind.AppointmentMissed], events.Order());
        var assessment = await App.QueryAsync(db => db.StatutoryProcesses.Include(p => p.Events).SingleAsync(p => p.Id == process));
        Assert.Equal(DeadlineState.Met, assessment.Progress(new DateOnly(2026, 11, 23), Timescales.England).Deadlines.Single(d => d.About == request.StatutoryName).State);
    }
    [Fact]
    public async Task The_advice_asked_of_a_person_comes_a_page_at_a_time_soonest_due_first_with_what_they_gave_apart()
    {
        var sam = await ChildIdAsync("Samuel");
        var therapistOnSam = await MemberIdAsync(sam, "therapist@example.org");
        await App.QueryAsync(async db =>
        {
            var therapist = await db.Users.SingleAsync(u => u.Email == "therapist@example.org");
            var senco = await db.Users.SingleAsync(u => u.Email == "senco@example.org");
            var areaId = await db.Children.Where(c => c.Id == sam).Select(c => c.AreaId).SingleAsync();
            var now = App.Time.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 29; i++)
            {
                var request = new AdviceRequest
                {
                    ChildId = sam, AreaId = areaId, Part = RecordArea.Health, About = $"Question {i + 1}", AdviserTeamMemberId = therapistOnSam,
                    AdviserUserId = therapist.Id, AdviserName = therapist.DisplayName, AdviserOrganisationName = "Northvale Community NHS Trust",
                    AskedByUserId = senco.Id, AskedByName = senco.DisplayName, AskedByOrganisationName = "Brookside Primary School", AskedAt = now,
                    DueOn = new DateOnly(2026, 11, 24).AddDays(28 - i),
                };
                if (i >= 27)
                {
                    request.Give("Given", null, [], now.AddMinutes(i));
                }

                db.AdviceRequests.Add(request);
            }

            return await db.SaveChangesAsync();
        });

        var therapistClient = await SignedInAsync("therapist@example.org");
        var (_, first) = await therapistClient.OpenAsync("/advice-asked");
        var items = first.QuerySelectorAll("main .cg-advice > li");
        Assert.Equal(25, items.Length);
        Assert.Contains("Question 27", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("due by 26 November 2026", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("To give (27)", first.QuerySelector("main .cg-inline-choices")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("main a[href='/advice-asked?page=2']"));
        var (_, second) = await therapistClient.OpenAsync("/advice-asked?page=2");
        Assert.Equal(["Question 2", "Question 1"], second.QuerySelectorAll("main .cg-advice > li .govuk-body-s:first-of-type").Select(s => s.TextContent.Trim()).Take(2));
        var (_, given) = await therapistClient.OpenAsync("/advice-asked?show=given");
        Assert.Equal(2, given.QuerySelectorAll("main .cg-advice > li").Length);
        Assert.Contains("Question 29", given.QuerySelectorAll("main .cg-advice > li")[0].TextContent, StringComparison.Ordinal);

        // Their first screen counts the same advice still to give, and links to it.
        var (_, day) = await therapistClient.OpenAsync("/children");
        Assert.Equal("27 pieces of advice to give", day.QuerySelector("main a[href='/advice-asked']")!.TextContent.Trim());
    }
    [Fact]
    public async Task Advice_asked_of_an_organisation_is_given_by_whoever_from_it_is_on_the_team()
    {
        var sam = await ChildIdAsync("Samuel");
        var trust = await App.QueryAsync(db => db.Professionals.Where(p => p.UserAccount!.Email == "therapist@example.org").Select(p => p.OrganisationId).SingleAsync());
        var senco = await SignedInAsync("senco@example.org");
        var (_, form) = await senco.OpenAsync($"/children/{sam}/advice/new");
        Assert.Equal("Anyone from Northvale Community NHS Trust", form.QuerySelector($"select[name='Input.AdviserId'] option[value='{trust}']")!.TextContent.Trim());
        var (asked, askedPage) = await AskAsync(senco, sam, trust, "Health", new DateOnly(2026, 12, 18));
        Assert.True(asked.StatusCode == HttpStatusCode.Redirect, string.Join("; ", askedPage.ErrorSummary()));
        var request = await App.QueryAsync(db => db.AdviceRequests.SingleAsync());
        Assert.Equal((true, (Guid?)null, "Northvale Community NHS Trust", (Guid?)trust), (request.OfOrganisation, request.AdviserUserId, request.AdviserName, request.AdviserOrganisationId));
        var grace = await App.QueryAsync(db => db.Users.Where(u => u.Email == "therapist@example.org").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == grace && n.Title.Contains("asked Northvale Community NHS Trust for advice about Sam"))));

        // Only someone from the trust gives it; Grace does, and it names her.
        var token = (await senco.OpenAsync($"/children/{sam}/advice/new")).Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var (refused, refusedPage) = await senco.PostFormAsync($"/children/{sam}/advice/{request.Id}",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Advice"] = "My advice", ["Input.Version"] = "0" });
        Assert.Equal("Only someone from Northvale Community NHS Trust on the child's team can give this advice", refusedPage.ErrorSummary().Single());
        var therapist = await SignedInAsync("therapist@example.org");
        var (_, mine) = await therapist.OpenAsync("/advice-asked");
        Assert.NotNull(mine.QuerySelector($"main .cg-advice a[href='/children/{sam}/advice/{request.Id}']"));
        var (given, givenPage) = await therapist.SubmitAsync($"/children/{sam}/advice/{request.Id}", new Dictionary<string, string> { ["Input.Advice"] = "Sam follows one step well." });
        Assert.True(given.StatusCode == HttpStatusCode.Redirect, string.Join("; ", givenPage.ErrorSummary()));
        var givenBy = await App.QueryAsync(db => db.AdviceRequests.SingleAsync());
        Assert.Equal(((Guid?)grace, "Grace Okafor"), (givenBy.GivenByUserId, givenBy.GivenByName));
        var (_, page) = await senco.OpenAsync($"/children/{sam}/advice/{request.Id}");
        var givenRow = page.QuerySelectorAll("main dl .govuk-summary-list__row").Single(r => r.QuerySelector("dt")!.TextContent.Trim() == "Given by");
        Assert.Equal("Grace Okafor, Northvale Community NHS Trust", givenRow.QuerySelector("dd")!.TextContent.Trim());
        var (_, gave) = await therapist.OpenAsync("/advice-asked?show=given");
        Assert.Single(gave.QuerySelectorAll("main .cg-advice > li"));
    }
}
