using System.Net;
using CommonGround.Core.Commitments;
using CommonGround.Core.Meetings;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CommonGround.Web.Tests;

/// <summary>Today is Monday 23 November 2026, 9am; Sam's key worker (the SENCO) is the one team member the family shares meetings with.</summary>
public sealed class MeetingTests : FreshAppTests
{
    private static Dictionary<string, string> Review(Guid invitee, Guid noteTaker, string date = "2026-11-25", string time = "10:30", string place = "Brookside Primary, room 2", string link = "") => new()
    {
        ["Input.Kind"] = nameof(MeetingKind.Review),
        ["Input.Date.Day"] = date[8..], ["Input.Date.Month"] = date[5..7], ["Input.Date.Year"] = date[..4],
        ["Input.Time"] = time,
        ["Input.DurationMinutes"] = "60",
        ["Input.Place"] = place,
        ["Input.OnlineLink"] = link,
        ["Input.Invitees[0]"] = invitee.ToString(),
        ["Input.NoteTakerId"] = noteTaker.ToString(),
    };

    private async Task<(HttpClient KeyWorker, Guid Sam, Guid Meeting)> KeyWorkerArrangesAReviewAsync()
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        var (saved, page) = await keyWorker.SubmitAsync($"/children/{sam}/meetings/new", Review(await UserIdAsync("parent@example.org"), await UserIdAsync("senco@example.org")));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        return (keyWorker, sam, await App.QueryAsync(db => db.Meetings.Select(m => m.Id).SingleAsync()));
    }

    /// <summary>Moves the clock past the start of the meeting; sessions have run out by then, so people sign in again.</summary>
    private void MeetingHasStarted() => App.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 11, 45, 0, TimeSpan.Zero));

    [Fact]
    public async Task Arranging_a_meeting_emails_the_family_a_calendar_invitation_for_the_right_time()
    {
        var (_, sam, meeting) = await KeyWorkerArrangesAReviewAsync();

        var email = (await App.DeliverEmailAsync()).Single(m => m.To.Mailboxes.Any(t => t.Address == "parent@example.org"));
        Assert.Contains("Review for Sam", email.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://localhost/children/{sam}/meetings/{meeting}", email.TextBody, StringComparison.Ordinal);
        // Dates read as words with their spaces, and names keep their capitals.
        Assert.DoesNotMatch(@"\b(by|on)\d", email.TextBody);
        Assert.DoesNotContain("ehc", email.TextBody, StringComparison.Ordinal);
        var attachment = email.Attachments.OfType<TextPart>().Single();
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("REQUEST", attachment.ContentType.Parameters["method"]);
        var invitation = Calendar.Load(attachment.Text)!.Events.Single();
        Assert.Equal(new DateTime(2026, 11, 25, 10, 30, 0, DateTimeKind.Utc), invitation.Start!.AsUtc);
        Assert.Equal(new DateTime(2026, 11, 25, 11, 30, 0, DateTimeKind.Utc), invitation.End!.AsUtc);
        Assert.Equal($"{meeting:N}@commonground", invitation.Uid);
        Assert.Equal("Brookside Primary, room 2", invitation.Location);
        Assert.Contains(invitation.Attendees, a => a.Value!.ToString() == "mailto:parent@example.org");
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.EntityId == sam && a.Action == "meeting.scheduled")));

        var parent = await SignedInAsync("parent@example.org");
        var (_, list) = await parent.OpenAsync($"/children/{sam}/meetings");
        Assert.Contains("Review", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var download = await parent.GetAsync($"/children/{sam}/meetings/{meeting}/calendar");
        Assert.Equal("text/calendar", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Moving_a_meeting_sends_an_update_that_replaces_the_invitation_and_cancelling_removes_it()
    {
        var (keyWorker, sam, meeting) = await KeyWorkerArrangesAReviewAsync();
        await App.DeliverEmailAsync();

        var (moved, _) = await keyWorker.SubmitAsync($"/children/{sam}/meetings/{meeting}/change", new Dictionary<string, string>
        {
            ["Input.Date.Day"] = "26", ["Input.Date.Month"] = "11", ["Input.Date.Year"] = "2026", ["Input.Time"] = "2pm", ["Input.DurationMinutes"] = "60", ["Input.Place"] = "Brookside Primary, hall",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var update = Calendar.Load((await App.DeliverEmailAsync()).Single(m => m.Subject!.StartsWith("Changed:", StringComparison.Ordinal)).Attachments.OfType<TextPart>().Single().Text)!.Events.Single();
        Assert.Equal(1, update.Sequence);
        Assert.Equal(new DateTime(2026, 11, 26, 14, 0, 0, DateTimeKind.Utc), update.Start!.AsUtc);

        var (cancelled, _) = await keyWorker.SubmitAsync($"/children/{sam}/meetings/{meeting}/cancel", new Dictionary<string, string> { ["Input.Reason"] = "The therapist is unwell" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var cancellation = (await App.DeliverEmailAsync()).Single(m => m.Subject!.StartsWith("Cancelled:", StringComparison.Ordinal)).Attachments.OfType<TextPart>().Single();
        Assert.Equal("CANCEL", cancellation.ContentType.Parameters["method"]);
        Assert.Equal("CANCELLED", Calendar.Load(cancellation.Text)!.Events.Single().Status);
    }

    [Theory]
    [InlineData("2025-10-20", "10:30", "Brookside", "", "A meeting that has already happened must be from the last 12 months")]
    [InlineData("2026-11-25", "25:00", "Brookside", "", "Enter the start time as hours and minutes, for example 10:30 or 2pm")]
    [InlineData("2026-11-25", "10:30", "", "", "Enter where the meeting is, or a link to join it online")]
    [InlineData("2026-11-25", "10:30", "", "http://meet.example.org/abc", "Enter a link that starts with https://, for example https://meet.example.org/abc")]
    public async Task Arranging_with_bad_details_says_what_is_wrong_and_writes_nothing(string date, string time, string place, string link, string message)
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");
        var (response, page) = await keyWorker.SubmitAsync($"/children/{sam}/meetings/new",
            Review(await UserIdAsync("parent@example.org"), await UserIdAsync("senco@example.org"), date, time, place, link));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.ErrorSummary());
        Assert.Equal(0, await App.QueryAsync(db => db.Meetings.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.Contains("Review"))));
    }

    [Fact]
    public async Task A_meeting_that_has_already_happened_is_recorded_with_its_real_date_invites_nobody_and_its_record_can_be_written()
    {
        var sam = await ChildIdAsync("Samuel");
        var keyWorker = await SignedInAsync("senco@example.org");

        // Held last Friday; recorded on Monday.
        var (saved, page) = await keyWorker.SubmitAsync($"/children/{sam}/meetings/new",
            Review(await UserIdAsync("parent@example.org"), await UserIdAsync("senco@example.org"), date: "2026-11-20"));

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join("; ", page.ErrorSummary()));
        var meeting = await App.QueryAsync(db => db.Meetings.SingleAsync());
        Assert.Equal(new DateTime(2026, 11, 20, 10, 30, 0, DateTimeKind.Utc), meeting.StartsAt);
        Assert.Equal(0, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("Invitation"))));
        var (edit, _) = await keyWorker.OpenAsync($"/children/{sam}/meetings/{meeting.Id}/record/edit");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        // A meeting that has happened is not moved; one recorded by mistake is cancelled with a reason instead.
        var (moved, movedPage) = await keyWorker.SubmitAsync($"/children/{sam}/meetings/{meeting.Id}/change",
            new Dictionary<string, string> { ["Input.Date.Day"] = "19", ["Input.Date.Month"] = "11", ["Input.Date.Year"] = "2026", ["Input.Time"] = "10:30", ["Input.DurationMinutes"] = "60", ["Input.Place"] = "Brookside" });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("This meeting has already started, so it can no longer be changed", movedPage.ErrorSummary());
    }

    [Fact]
    public async Task The_family_s_agenda_items_come_first_and_the_agenda_closes_when_the_meeting_starts()
    {
        var (keyWorker, sam, meeting) = await KeyWorkerArrangesAReviewAsync();
        var parent = await SignedInAsync("parent@example.org");
        await keyWorker.SubmitAsync($"/children/{sam}/meetings/{meeting}/agenda/new", new Dictionary<string, string> { ["Input.Title"] = "Reading progress" });
        await parent.SubmitAsync($"/children/{sam}/meetings/{meeting}/agenda/new", new Dictionary<string, string> { ["Input.Title"] = "Lunchtimes in the hall" });

        var (_, page) = await parent.OpenAsync($"/children/{sam}/meetings/{meeting}");
        var items = page.QuerySelectorAll("main ol li strong").Select(s => s.TextContent).ToList();
        Assert.Equal(["Lunchtimes in the hall", "Reading progress"], items);

        MeetingHasStarted();
        parent = await SignedInAsync("parent@example.org");
        var (late, latePage) = await parent.SubmitAsync($"/children/{sam}/meetings/{meeting}/agenda/new", new Dictionary<string, string> { ["Input.Title"] = "Too late" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("The meeting has started, so the agenda is closed. Ask the note-taker to add your point to the notes", latePage.ErrorSummary());
        Assert.Equal(2, await App.QueryAsync(db => db.AgendaItems.CountAsync()));
    }

    [Fact]
    public async Task The_record_is_shared_corrected_agreed_and_locked_and_its_actions_are_commitments()
    {
        var (keyWorker, sam, meeting) = await KeyWorkerArrangesAReviewAsync();
        var parent = await SignedInAsync("parent@example.org");
        await parent.SubmitAsync($"/children/{sam}/meetings/{meeting}/agenda/new", new Dictionary<string, string> { ["Input.Title"] = "Lunchtimes" });
        var item = await App.QueryAsync(db => db.AgendaItems.Select(a => a.Id).SingleAsync());
        var record = $"/children/{sam}/meetings/{meeting}/record";

        var (tooEarly, earlyPage) = await keyWorker.SubmitAsync($"{record}/edit", new Dictionary<string, string> { ["Input.Decisions"] = "Early" });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("The record can be written once the meeting has started", earlyPage.ErrorSummary());

        MeetingHasStarted();
        keyWorker = await SignedInAsync("senco@example.org");
        parent = await SignedInAsync("parent@example.org");
        var parentInvitee = await App.QueryAsync(db => db.MeetingInvitees.Where(i => i.IsFamily).Select(i => i.Id).SingleAsync());
        var (written, writtenPage) = await keyWorker.SubmitAsync($"{record}/edit", new Dictionary<string, string>
        {
            ["Input.FamilyViews"] = "Sam's mum said lunchtimes are too loud.",
            ["Input.ChildViews"] = "Sam drew the hall and a sad face.",
            ["Input.Attended[0]"] = parentInvitee.ToString(),
            [$"Input.AgendaNotes[{item}]"] = "Sam finds the hall loud at lunch.",
            ["Input.Decisions"] = "Sam will eat in the library for a trial month.",
        });
        Assert.True(written.StatusCode == HttpStatusCode.Redirect, string.Join("; ", writtenPage.ErrorSummary()));

        var owner = (await MemberIdAsync(sam, "senco@example.org")).ToString();
        foreach (var what in new[] { "Set up lunch in the library", "Send the family the lunchtime plan" })
        {
            var (added, addedPage) = await keyWorker.SubmitAsync($"{record}/actions/new", new Dictionary<string, string>
            {
                ["Input.What"] = what, ["Input.Area"] = nameof(CommitmentArea.Education), ["Input.OwnerId"] = owner,
                ["Input.DueDate.Day"] = "4", ["Input.DueDate.Month"] = "12", ["Input.DueDate.Year"] = "2026",
            });
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, string.Join("; ", addedPage.ErrorSummary()));
        }

        var actions = await App.QueryAsync(db => db.Commitments.Where(c => c.MeetingId == meeting).ToListAsync());
        Assert.Equal(2, actions.Count);
        Assert.All(actions, c => Assert.Equal((CommitmentSource.Meeting, CommitmentStatus.Agreed, new DateOnly(2026, 12, 4)), (c.Source, c.Status, c.DueDate)));

        // Before it is shared the family sees only that it is being written.
        var (_, draft) = await parent.OpenAsync(record);
        Assert.DoesNotContain("trial month", draft.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await keyWorker.SubmitAsync($"{record}/share", new Dictionary<string, string>())).Response.StatusCode);
        var (_, shared) = await parent.OpenAsync(record);
        Assert.Contains("trial month", shared.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var (corrected, _) = await parent.SubmitAsync($"{record}/corrections/new", new Dictionary<string, string>
        {
            ["Input.Part"] = "decisions", ["Input.WhatShouldChange"] = "We agreed half a term, not a month.",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var (_, agreeNow) = await parent.OpenAsync($"{record}/agree");
        Assert.Empty(agreeNow.QuerySelectorAll("main form"));

        var (revised, _) = await keyWorker.SubmitAsync($"{record}/edit", new Dictionary<string, string>
        {
            ["Input.FamilyViews"] = "Sam's mum said lunchtimes are too loud.",
            ["Input.Attended[0]"] = parentInvitee.ToString(),
            [$"Input.AgendaNotes[{item}]"] = "Sam finds the hall loud at lunch.",
            ["Input.Decisions"] = "Sam will eat in the library until half term.",
        });
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        await keyWorker.SubmitAsync($"{record}/share", new Dictionary<string, string> { ["Input.WhatChanged"] = "Changed a month to half term." });
        var (agreed, _) = await parent.SubmitAsync($"{record}/agree", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);

        var saved = await App.QueryAsync(db => db.Meetings.SingleAsync());
        Assert.Equal((MeetingRecordStatus.Agreed, 3), (saved.RecordStatus, saved.RecordVersionNumber));
        Assert.True(saved.FamilyViewsByFamily);
        var correction = await App.QueryAsync(db => db.RecordCorrections.SingleAsync());
        Assert.Equal((2, "Changed a month to half term."), (correction.AnsweredInVersion!.Value, correction.Answer!));

        // Locked: an edit without a reason is refused and changes nothing; with a reason it is a new version.
        var before = await App.QueryAsync(db => db.AuditEvents.CountAsync());
        var (refused, refusedPage) = await keyWorker.SubmitAsync($"{record}/edit", new Dictionary<string, string> { ["Input.Decisions"] = "Something else" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The family has agreed this record, so it is locked. To change it, make an amendment and give the reason", refusedPage.ErrorSummary());
        Assert.Equal(before, await App.QueryAsync(db => db.AuditEvents.CountAsync()));
        Assert.Equal("Sam will eat in the library until half term.", await App.QueryAsync(db => db.Meetings.Select(m => m.Decisions).SingleAsync()));

        var (amended, _) = await keyWorker.SubmitAsync($"{record}/edit", new Dictionary<string, string>
        {
            ["Input.Attended[0]"] = parentInvitee.ToString(),
            [$"Input.AgendaNotes[{item}]"] = "Sam finds the hall loud at lunch.",
            ["Input.Decisions"] = "Sam will eat in the library until the February half term.",
            ["Input.AmendmentReason"] = "Named which half term, as agreed by phone.",
        });
        Assert.Equal(HttpStatusCode.Redirect, amended.StatusCode);
        var versions = await App.QueryAsync(db => db.MeetingRecordVersions.OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([RecordVersionKind.Shared, RecordVersionKind.Revised, RecordVersionKind.Agreed, RecordVersionKind.Amended], versions.Select(v => v.Kind));
        Assert.Equal("Sam will eat in the library until half term.", MeetingRecordContent.FromJson(versions[2].Content).Decisions);
        Assert.Equal(2, MeetingRecordContent.FromJson(versions[2].Content).Actions.Count);
        var (_, agreedVersion) = await parent.OpenAsync($"{record}/versions/3");
        Assert.Contains("until half term", agreedVersion.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await App.DeliverEmailAsync(), m => (m.TextBody ?? "").Contains("The record of Sam's meeting was amended", StringComparison.Ordinal) && m.To.Mailboxes.Any(t => t.Address == "parent@example.org"));
    }

    [Fact]
    public async Task Professionals_cannot_agree_a_record_and_the_family_cannot_agree_a_version_that_changed_under_them()
    {
        var (keyWorker, sam, meeting) = await KeyWorkerArrangesAReviewAsync();
        MeetingHasStarted();
        keyWorker = await SignedInAsync("senco@example.org");
        var record = $"/children/{sam}/meetings/{meeting}/record";
        await keyWorker.SubmitAsync($"{record}/edit", new Dictionary<string, string> { ["Input.Decisions"] = "First words" });
        await keyWorker.SubmitAsync($"{record}/share", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await keyWorker.GetAsync($"{record}/agree")).StatusCode);

        var parent = await SignedInAsync("parent@example.org");
        var (_, agreePage) = await parent.OpenAsync($"{record}/agree");
        var staleVersion = agreePage.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        await keyWorker.SubmitAsync($"{record}/edit", new Dictionary<string, string> { ["Input.Decisions"] = "Different words" });
        await keyWorker.SubmitAsync($"{record}/share", new Dictionary<string, string>());

        var (stale, stalePage) = await parent.SubmitAsync($"{record}/agree", new Dictionary<string, string> { ["Version"] = staleVersion });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("Someone else changed this meeting record while you were looking at it. Check the latest version and try again", stalePage.ErrorSummary());
        Assert.Equal(MeetingRecordStatus.Shared, await App.QueryAsync(db => db.Meetings.Select(m => m.RecordStatus).SingleAsync()));
    }

    [Fact]
    public async Task The_advisor_flags_a_label_in_the_notes_and_the_rewrite_saves()
    {
        var (keyWorker, sam, meeting) = await KeyWorkerArrangesAReviewAsync();
        MeetingHasStarted();
        keyWorker = await SignedInAsync("senco@example.org");
        var edit = $"/children/{sam}/meetings/{meeting}/record/edit";
        var (advised, page) = await keyWorker.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Decisions"] = "Mum was a difficult parent about lunch." });

        Assert.Equal(HttpStatusCode.OK, advised.StatusCode);
        Assert.NotNull(page.QuerySelector("#language-advice"));
        Assert.Null(await App.QueryAsync(db => db.Meetings.Select(m => m.Decisions).SingleAsync()));

        var (saved, _) = await keyWorker.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Decisions"] = "Mum asked for a quieter place for Sam at lunch." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Mum asked for a quieter place for Sam at lunch.", await App.QueryAsync(db => db.Meetings.Select(m => m.Decisions).SingleAsync()));
    }

    [Fact]
    public async Task Each_family_sees_its_own_answer_and_the_organisation_sees_totals_only_from_five_answers()
    {
        var (_, sam, meeting) = await KeyWorkerArrangesAReviewAsync();
        var parent = await SignedInAsync("parent@example.org");
        var (_, notYet) = await parent.OpenAsync($"/children/{sam}/meetings/{meeting}/feedback");
        Assert.Contains("You can answer once the meeting has taken place.", notYet.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, account) = await parent.OpenAsync("/account");
        var token = account.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (early, earlyPage) = await parent.PostFormAsync($"/children/{sam}/meetings/{meeting}/feedback",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Score"] = "4" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("You can answer once the meeting has taken place", earlyPage.ErrorSummary());

        MeetingHasStarted();
        parent = await SignedInAsync("parent@example.org");
        var (answered, _) = await parent.SubmitAsync($"/children/{sam}/meetings/{meeting}/feedback", new Dictionary<string, string>
        {
            ["Input.Score"] = "2", ["Input.WhatWouldHaveHelped"] = "Seeing the reports before the meeting",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var (_, meetingPage) = await parent.OpenAsync($"/children/{sam}/meetings/{meeting}");
        Assert.Contains("Seeing the reports before the meeting", meetingPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var admin = await SignedInAsync("orgadmin@example.org");
        var (_, fewer) = await admin.OpenAsync("/organisation/listening");
        Assert.Contains("Fewer than 5 families have answered", fewer.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Four more answers about the school's meetings, from other families.
        var organisation = await App.QueryAsync(db => db.Meetings.Select(m => m.OrganiserOrganisationId).SingleAsync());
        await App.QueryAsync(async db =>
        {
            foreach (var score in new[] { 5, 4, 4, 3 })
            {
                db.MeetingFeedback.Add(new MeetingFeedback
                {
                    MeetingId = meeting, ChildId = sam, UserAccountId = Guid.NewGuid(), OrganisationId = organisation, MeetingKind = MeetingKind.Review,
                    Score = score, WhatWouldHaveHelped = "A private comment", AnsweredAt = App.Time.GetUtcNow().UtcDateTime,
                });
            }

            return await db.SaveChangesAsync();
        });
        var (_, five) = await admin.OpenAsync("/organisation/listening");
        var text = five.QuerySelector("main")!.TextContent;
        Assert.Contains("3.6 out of 5", text, StringComparison.Ordinal);
        Assert.DoesNotContain("A private comment", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Seeing the reports", text, StringComparison.Ordinal);
    }
}
