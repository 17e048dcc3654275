using CommonGround.Core.Demo;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Tests;

/// <summary>The demo as a newcomer first sees it, with what has already happened on its records.</summary>
public sealed class DemoHistoryApp : AppFactory
{
    protected override bool StartsWithDemo => true;
}

public sealed class DemoHistoryTests(DemoHistoryApp app) : IClassFixture<DemoHistoryApp>
{
    private Task<Guid> ChildIdAsync(string firstName) => app.QueryAsync(db => db.Children.Where(c => c.FirstName == firstName).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task Sams_parent_sees_the_overdue_advice_as_missed_by_someone_else_and_can_chase_it()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = app.NewClient();
        await parent.SignInAsync("parent@example.org", DemoData.Password);

        var (_, list) = await parent.OpenAsync($"/children/{sam}/statutory");
        var process = list.QuerySelectorAll("main a").First(a => a.TextContent.Contains("EHC needs assessment", StringComparison.Ordinal)).GetAttribute("href")!;
        var (response, page) = await parent.OpenAsync(process);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var missed = page.QuerySelectorAll(".cg-deadline[data-state=missed]").Single();
        Assert.Contains("Speech and language therapy", missed.TextContent, StringComparison.Ordinal);
        Assert.NotNull(missed.QuerySelector(".govuk-tag--red"));
        Assert.Single(page.QuerySelectorAll("a[href*='letters/chase']"));
        Assert.Equal("met", page.QuerySelector(".cg-deadline[data-deadline=decision-whether-to-assess]")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task Sams_chronology_already_holds_what_was_recorded_each_linked_to_the_process()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = app.NewClient();
        await parent.SignInAsync("parent@example.org", DemoData.Password);

        var (_, page) = await parent.OpenAsync($"/children/{sam}/chronology?area=StatutoryProcess");
        var changes = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.Contains("change", StringComparison.Ordinal));
        var rows = changes.QuerySelectorAll("tbody .govuk-table__row").ToList();
        // The process was started and five dates recorded in it; the request was recorded by the family.
        Assert.Equal(6, rows.Count(r => r.QuerySelector("a") is not null));
        Assert.Contains(rows, r => r.TextContent.Contains("recorded by the family", StringComparison.Ordinal) && r.TextContent.Contains("Alex Morgan", StringComparison.Ordinal));
        var process = Assert.Single(rows.Select(r => r.QuerySelector("a")?.GetAttribute("href")).OfType<string>().Distinct());
        Assert.StartsWith($"/children/{sam}/statutory/", process, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync(process)).StatusCode);
    }

    [Fact]
    public async Task Jordan_sees_the_comments_window_passed_calmly_and_the_annual_review_coming()
    {
        var jordan = await ChildIdAsync("Jordan");
        var youngPerson = app.NewClient();
        await youngPerson.SignInAsync("youngperson@example.org", DemoData.Password);

        var (_, list) = await youngPerson.OpenAsync($"/children/{jordan}/statutory");
        var links = list.QuerySelectorAll("main a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList();
        var (_, assessment) = await youngPerson.OpenAsync(links.First(l => l.Item1.Contains("EHC needs assessment", StringComparison.Ordinal)).Item2);
        var (_, review) = await youngPerson.OpenAsync(links.First(l => l.Item1.Contains("Annual review", StringComparison.Ordinal)).Item2);

        Assert.Equal("closed", assessment.QuerySelector(".cg-deadline[data-deadline=representations-last-day]")!.GetAttribute("data-state"));
        Assert.Empty(assessment.QuerySelectorAll("main .govuk-tag--red"));
        Assert.All(review.QuerySelectorAll(".cg-deadline"), d => Assert.Equal("upcoming", d.GetAttribute("data-state")));
    }

    [Fact]
    public async Task The_lead_sees_last_years_plan_in_the_timeliness_report()
    {
        var lead = app.NewClient();
        await lead.SignInAsync("send.lead@example.org", DemoData.Password);

        var (_, report) = await lead.OpenAsync("/organisation/timeliness?year=2026");

        Assert.Contains("1 of 1 (100%)", report.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schools_admin_sees_how_often_the_writing_advisor_spoke_up_by_kind_and_nothing_else()
    {
        var helen = app.NewClient();
        await helen.SignInAsync("orgadmin@example.org", DemoData.Password);

        var (_, page) = await helen.OpenAsync("/organisation/language");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "Blames a parent or family" && r[1] == "5" && r[2] == "1");
        Assert.Contains(rows, r => r[0] == "Labels a person" && r[1] == "2" && r[2] == "0");
        Assert.DoesNotContain("has not found anything", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sams_family_sees_who_covers_for_the_key_worker_and_what_was_handed_on_when_someone_left()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = app.NewClient();
        await parent.SignInAsync("parent@example.org", DemoData.Password);

        var (_, overview) = await parent.OpenAsync($"/children/{sam}");
        Assert.Contains("Omar Shah covers for Priya Nair until", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, team) = await parent.OpenAsync($"/children/{sam}/team");
        Assert.Contains("Sarah Jones left Brookside Primary School and handed Sam's \"Lunchtime club in the library\" to Omar Shah", team.QuerySelector("#handovers + ul")!.TextContent, StringComparison.Ordinal);

        // Omar owes the club now, and the concern form says he will see what is raised for Priya.
        var omar = app.NewClient();
        await omar.SignInAsync("omar.shah@example.org", DemoData.Password);
        var (_, owes) = await omar.OpenAsync("/what-i-owe");
        Assert.Contains("Lunchtime club in the library", owes.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, concern) = await parent.OpenAsync($"/children/{sam}/concerns/new");
        Assert.Contains("Omar Shah covers until", concern.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static string Words(AngleSharp.Dom.IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ");

    [Fact]
    public async Task The_parents_first_screen_leads_with_what_needs_them_across_their_children_then_the_children()
    {
        var parent = app.NewClient();
        await parent.SignInAsync("parent@example.org", DemoData.Password);

        var (_, home) = await parent.OpenAsync("/children");

        Assert.Equal("What needs you", home.Heading());
        var headings = home.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Waiting for you", "Late, and who has it", "Coming up this week", "Your children"], headings);
        var waiting = Words(home.QuerySelector("#waiting + ul"));
        Assert.Contains("Sam: Agree or correct the record of the check-in", waiting, StringComparison.Ordinal);
        Assert.Contains("Sam: Decide on 1 suggested change to the About me profile", waiting, StringComparison.Ordinal);
        // Late things say who has them: the family is never the one who is late.
        Assert.Contains("Who has it:", Words(home.QuerySelector("#late + ul")), StringComparison.Ordinal);
        Assert.Contains("Your concern \"Homework diary not coming home\" should be acknowledged", Words(home.QuerySelector("#this-week + ul")), StringComparison.Ordinal);
        Assert.Contains("Open Ellie's record", Words(home.QuerySelector("main")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_professionals_first_screen_leads_with_their_own_day_then_the_children_they_work_with()
    {
        var priya = app.NewClient();
        await priya.SignInAsync("senco@example.org", DemoData.Password);
        var dan = app.NewClient();
        await dan.SignInAsync("transport@example.org", DemoData.Password);

        var (_, priyasDay) = await priya.OpenAsync("/children");
        var (_, dansDay) = await dan.OpenAsync("/children");

        Assert.Equal("Your day", priyasDay.Heading());
        var headings = priyasDay.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal("What you owe", headings[0]);
        Assert.Equal("Children I work with", headings[^1]);
        Assert.Contains("Sam Morgan: Homework diary not coming home, acknowledge by", Words(priyasDay.QuerySelector("#concerns-to-answer + ul")), StringComparison.Ordinal);
        // Dan answers the taxi concern he acknowledged; he is not shared the school's concern.
        var dansConcerns = Words(dansDay.QuerySelector("#concerns-to-answer + ul"));
        Assert.Contains("Sam Morgan: Taxi arriving after the bell, answer in full by", dansConcerns, StringComparison.Ordinal);
        Assert.DoesNotContain("Homework", dansConcerns, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_young_person_with_their_own_account_is_addressed_as_themself()
    {
        var jordan = app.NewClient();
        await jordan.SignInAsync("youngperson@example.org", DemoData.Password);

        var (_, home) = await jordan.OpenAsync("/children");

        var text = Words(home.QuerySelector("body"));
        Assert.Contains("Your record", text, StringComparison.Ordinal);
        Assert.Contains("Open your record", text, StringComparison.Ordinal);
        Assert.DoesNotContain("My children", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a child", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Your children", text, StringComparison.Ordinal);
        Assert.Equal("Home", home.QuerySelector(".govuk-service-navigation__item--active")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_new_concern_waiting_to_be_acknowledged_is_on_needs_attention_below_anything_late()
    {
        var priya = app.NewClient();
        await priya.SignInAsync("senco@example.org", DemoData.Password);

        var (_, attention) = await priya.OpenAsync("/attention");

        var sams = Words(attention.QuerySelector("main"));
        Assert.Contains("New concern to acknowledge by", sams, StringComparison.Ordinal);
        Assert.Contains("New concern", attention.QuerySelectorAll("main .govuk-tag").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task Each_part_of_the_record_lists_the_promises_and_concerns_that_belong_to_it()
    {
        var sam = await ChildIdAsync("Samuel");
        var parent = app.NewClient();
        await parent.SignInAsync("parent@example.org", DemoData.Password);

        var (_, education) = await parent.OpenAsync($"/children/{sam}/record/education");
        var (_, transport) = await parent.OpenAsync($"/children/{sam}/record/transport");

        Assert.Contains("Lunchtime club in the library", Words(education.QuerySelector("#promises + ul")), StringComparison.Ordinal);
        Assert.Contains("Homework diary not coming home", Words(education.QuerySelector("#concerns + ul")), StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing has been recorded", Words(education.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Contains("Taxi arriving after the bell", Words(transport.QuerySelector("#concerns + ul")), StringComparison.Ordinal);
        Assert.DoesNotContain("Homework", Words(transport.QuerySelector("main")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alex_sees_who_opened_Ellies_record_in_an_emergency_and_why_and_Ruths_council_sees_it_too()
    {
        var ellie = await ChildIdAsync("Ellie");
        var parent = app.NewClient();
        await parent.SignInAsync("parent@example.org", DemoData.Password);
        var (_, seen) = await parent.OpenAsync($"/children/{ellie}/who-has-seen");
        var emergency = Words(seen.QuerySelectorAll("main table").First());
        Assert.Contains("Ruth Adeyemi, Northvale Council SEND Team", emergency, StringComparison.Ordinal);
        Assert.Contains("The ward asked the council who holds parental responsibility", emergency, StringComparison.Ordinal);
        Assert.Contains("(ended early)", emergency, StringComparison.Ordinal);

        var ruth = app.NewClient();
        await ruth.SignInAsync("send.lead@example.org", DemoData.Password);
        var (_, council) = await ruth.OpenAsync("/organisation/emergency-access");
        Assert.Contains("The ward asked the council", Words(council.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ruth.GetAsync($"/children/{ellie}")).StatusCode);
    }

    [Fact]
    public async Task Dans_words_in_the_taxi_conversation_show_as_corrected_at_Alexs_request_with_the_earlier_words_kept()
    {
        var sam = await ChildIdAsync("Samuel");
        var conversation = await app.QueryAsync(db => db.Conversations.Where(c => c.ChildId == sam && c.Subject == "Taxi arriving after the bell").Select(c => c.Id).SingleAsync());
        var parent = app.NewClient();
        await parent.SignInAsync("parent@example.org", DemoData.Password);

        var (_, thread) = await parent.OpenAsync($"/children/{sam}/conversations/{conversation}");
        var words = Words(thread.QuerySelector("main"));
        Assert.Contains("The company says the route changed at the start of September.", words, StringComparison.Ordinal);
        Assert.DoesNotContain("changed at half term", words, StringComparison.Ordinal);
        Assert.Contains("Corrected at the family's request", words, StringComparison.Ordinal);

        var (_, corrections) = await parent.OpenAsync($"/children/{sam}/corrections");
        var link = corrections.QuerySelectorAll("main ul a").Single().GetAttribute("href")!;
        var (_, request) = await parent.OpenAsync(link);
        Assert.Contains("changed at half term", Words(request.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Contains("Corrected", Words(request.QuerySelector("main .govuk-tag")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sams_week_at_school_is_a_long_conversation_that_opens_at_its_latest_messages_with_earlier_ones_a_page_back()
    {
        var sam = await ChildIdAsync("Samuel");
        var priya = app.NewClient();
        await priya.SignInAsync("senco@example.org", DemoData.Password);

        var (_, list) = await priya.OpenAsync($"/children/{sam}/conversations");
        var link = list.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Sam's week at school").GetAttribute("href")!;
        Assert.Contains("27 messages", Words(list.QuerySelector("main")), StringComparison.Ordinal);
        var (_, latest) = await priya.OpenAsync(link);
        Assert.Equal(25, latest.QuerySelectorAll(".cg-message").Length);
        Assert.Contains("Lego club sounds perfect.", Words(latest.QuerySelectorAll(".cg-message").Last()), StringComparison.Ordinal);

        var (_, earlier) = await priya.OpenAsync(latest.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Show earlier messages").GetAttribute("href")!);
        Assert.Equal(2, earlier.QuerySelectorAll(".cg-message").Length);
        Assert.Contains("I will write here each Friday", Words(earlier.QuerySelectorAll(".cg-message").First()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arjuns_record_shows_it_closed_why_and_the_day_it_will_be_erased_and_Tom_can_reopen_it()
    {
        var arjun = await ChildIdAsync("Arjun");
        var parent = app.NewClient();
        await parent.SignInAsync("sunita.shah@example.org", DemoData.Password);
        var (_, page) = await parent.OpenAsync($"/children/{arjun}");
        var main = Words(page.QuerySelector("main"));
        var eraseOn = await app.QueryAsync(db => db.Children.Where(c => c.Id == arjun).Select(c => c.EraseOn).SingleAsync());
        Assert.Contains("by Tom Hughes. Nothing new can be added to it.", main, StringComparison.Ordinal);
        Assert.Contains($"It will be erased on {Core.Time.UkDates.Date(eraseOn!.Value)}", main, StringComparison.Ordinal);
        Assert.Contains("Westshire Council now holds his EHC plan", main, StringComparison.Ordinal);

        // Her list of children marks it closed, and offers to invite family only to Maya's record, which is open.
        var (_, list) = await parent.OpenAsync("/children");
        var maya = await ChildIdAsync("Maya");
        Assert.Contains("Record closed", Words(list.QuerySelector("main")), StringComparison.Ordinal);
        Assert.Null(list.QuerySelector($"main a[href='/children/{arjun}/family/invite']"));
        Assert.NotNull(list.QuerySelector($"main a[href='/children/{maya}/family/invite']"));

        var tom = app.NewClient();
        await tom.SignInAsync("caseworker@example.org", DemoData.Password);
        var (_, his) = await tom.OpenAsync($"/children/{arjun}/close");
        Assert.Equal("Reopen the record", Words(his.QuerySelector("h1")));
    }
}
