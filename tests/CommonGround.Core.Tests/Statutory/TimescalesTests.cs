using CommonGround.Core.Statutory;

namespace CommonGround.Core.Tests.Statutory;

/// <summary>Dates worked out by hand from the regulations and the counting conventions, one rule at a time.</summary>
public class TimescalesTests
{
    private static readonly Timescales England = Timescales.England;

    private static DateOnly D(string date) => DateOnly.Parse(date);

    private static string? DateOf(Timeline timeline, string key) => timeline.Find(key)?.Date.ToString("yyyy-MM-dd");

    [Theory]
    // C1: weeks are calendar weeks, the deadline on the request's weekday; 125 days leaves the 15-day period before week 20.
    [InlineData("2025-09-01", "2025-10-13", "2025-12-22", "2026-01-04", "2026-01-19")]
    // Over Christmas and New Year: no roll-forward, no pause.
    [InlineData("2025-12-19", "2026-01-30", "2026-04-10", "2026-04-23", "2026-05-08")]
    // Across 29 February in a leap year.
    [InlineData("2028-01-31", "2028-03-13", "2028-05-22", "2028-06-04", "2028-06-19")]
    public void Needs_assessment_dates_count_calendar_weeks_from_the_request(string received, string decision, string noPlan, string latestDraft, string finalPlan)
    {
        var timeline = England.NeedsAssessment(new(D(received)));

        Assert.Equal(["decision-whether-to-assess", "decision-not-to-issue-plan", "latest-draft-plan", "final-plan"], timeline.Deadlines.Select(d => d.Key));
        Assert.Equal(decision, DateOf(timeline, "decision-whether-to-assess"));
        Assert.Equal(noPlan, DateOf(timeline, "decision-not-to-issue-plan"));
        Assert.Equal(latestDraft, DateOf(timeline, "latest-draft-plan"));
        Assert.Equal(finalPlan, DateOf(timeline, "final-plan"));
        Assert.All(timeline.Deadlines, d => Assert.Equal(D(received).DayOfWeek, d.Key == "latest-draft-plan" ? d.Date.AddDays(15).DayOfWeek : d.Date.DayOfWeek));
    }

    [Fact]
    public void A_deadline_at_a_weekend_does_not_move_but_the_last_working_day_before_is_noted()
    {
        // Requested on a Saturday: the 20-week date is a Saturday too.
        var timeline = England.NeedsAssessment(new(D("2025-09-06")));

        Assert.Equal("2026-01-24", DateOf(timeline, "final-plan"));
        Assert.Contains(timeline.Notes, n => n.StartsWith("Final EHC plan issued: 24 January 2026 is not a working day", StringComparison.Ordinal) && n.Contains("23 January 2026", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-07-14", false)] // 8 days before the closure: outside the window
    [InlineData("2026-07-15", true)]  // 7 days before the closure began
    [InlineData("2026-08-27", true)]  // 7 days before the school reopened
    [InlineData("2026-08-28", false)] // 6 days before the school reopened
    public void School_closure_applies_from_7_days_before_the_closure_to_7_days_before_reopening(string adviceRequested, bool applies)
    {
        var timeline = England.NeedsAssessment(new(D("2026-06-15")) { AdviceRequested = D(adviceRequested), SchoolClosedFrom = D("2026-07-22"), SchoolReopens = D("2026-09-03") });

        var closure = Assert.Single(timeline.Exceptions, e => e.Key == "school-closure");
        Assert.Equal(applies, closure.Applies);
        Assert.Equal("2026-11-02", DateOf(timeline, "final-plan")); // an exception never moves the date
    }

    [Theory]
    [InlineData("2026-10-29", true)]  // 28 days
    [InlineData("2026-10-28", false)] // 27 days: too short
    public void School_closure_needs_at_least_28_days(string reopens, bool applies)
    {
        var timeline = England.NeedsAssessment(new(D("2026-09-14")) { AdviceRequested = D("2026-10-05"), SchoolClosedFrom = D("2026-10-01"), SchoolReopens = D(reopens) });

        Assert.Equal(applies, timeline.Exceptions.Single(e => e.Key == "school-closure").Applies);
    }

    [Fact]
    public void School_closure_cannot_apply_without_the_date_advice_was_asked_for()
    {
        var timeline = England.NeedsAssessment(new(D("2026-06-15")) { SchoolClosedFrom = D("2026-07-22"), SchoolReopens = D("2026-09-03") });

        var closure = timeline.Exceptions.Single(e => e.Key == "school-closure");
        Assert.False(closure.Applies);
        Assert.Contains("date advice was asked for", closure.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-01", "2026-02-28", true)]  // 28 days counting both ends
    [InlineData("2026-02-01", "2026-02-27", false)] // 27 days
    [InlineData("2025-12-10", "2026-01-31", false)] // only 5 January to 31 January (27 days) is during the assessment
    [InlineData("2025-12-10", "2026-02-01", true)]  // 28 days during the assessment
    [InlineData("2026-05-01", "2026-06-30", false)] // 25 days before the 20-week date (25 May)
    public void Absence_from_the_area_needs_28_days_in_a_row_during_the_assessment(string from, string to, bool applies)
    {
        var timeline = England.NeedsAssessment(new(D("2026-01-05")) { AbsentFrom = D(from), AbsentTo = D(to) });

        Assert.Equal(applies, timeline.Exceptions.Single(e => e.Key == "absence-from-area").Applies);
    }

    [Fact]
    public void Every_needs_assessment_exception_is_reported_with_its_facts_and_none_gives_a_date()
    {
        var plain = England.NeedsAssessment(new(D("2026-01-05")));
        var exceptional = England.NeedsAssessment(new(D("2026-01-05")) { ExceptionalCircumstances = true });

        Assert.Equal(["school-closure", "absence-from-area", "exceptional-personal-circumstances"], plain.Exceptions.Select(e => e.Key));
        Assert.False(plain.AnyExceptionApplies);
        Assert.True(exceptional.Exceptions.Single(e => e.Key == "exceptional-personal-circumstances").Applies);
        Assert.Equal(plain.Deadlines.Select(d => d.Date), exceptional.Deadlines.Select(d => d.Date));
    }

    [Fact]
    public void Advice_is_due_6_weeks_after_the_request_with_a_missed_appointment_as_an_exception()
    {
        var timeline = England.AdviceRequest(D("2026-01-12"), missedAppointment: true);

        Assert.Equal("2026-02-23", DateOf(timeline, "advice-due"));
        Assert.True(timeline.Exceptions.Single(e => e.Key == "missed-appointment").Applies);
        Assert.False(England.AdviceRequest(D("2026-01-12"), missedAppointment: false).AnyExceptionApplies);
    }

    [Theory]
    [InlineData("2025-06-02", "2025-06-16", "2025-06-17")]
    [InlineData("2028-02-15", "2028-02-29", "2028-03-01")] // 15 days beginning with the day served, through 29 February
    [InlineData("2027-02-15", "2027-03-01", "2027-03-02")]
    public void Draft_plan_gives_15_days_beginning_with_the_day_it_was_served(string served, string lastDay, string earliestFinal)
    {
        var timeline = England.DraftPlan(D(served));

        Assert.Equal(lastDay, DateOf(timeline, "representations-last-day"));
        Assert.Equal(earliestFinal, DateOf(timeline, "earliest-final-plan"));
    }

    [Fact]
    public void School_consultation_reply_is_guidance_15_days_on()
    {
        var deadline = England.SchoolConsultation(D("2026-03-02")).Deadlines.Single();

        Assert.Equal(new DateOnly(2026, 3, 17), deadline.Date);
        Assert.Equal(RuleStatus.Guidance, deadline.Rule.Status);
    }

    [Fact]
    public void Reassessment_final_plan_is_14_weeks_after_the_decision() =>
        Assert.Equal("2026-04-13", DateOf(England.Reassessment(D("2026-01-05")), "final-plan"));

    [Theory]
    [InlineData("2025-01-15", "2026-01-14", "2025-12-17")] // the period of 12 months starting with 15 January ends on 14 January
    [InlineData("2028-02-29", "2029-02-28", "2029-01-31")] // from 29 February: the last day of February a year on
    [InlineData("2027-02-28", "2028-02-27", "2028-01-30")] // into a leap year: not 28 February
    [InlineData("2023-03-01", "2024-02-29", "2024-02-01")] // the period ends on 29 February
    [InlineData("2025-03-31", "2026-03-30", "2026-03-02")]
    public void Annual_review_period_is_12_months_starting_with_the_last_review(string lastReviewed, string periodEnds, string latestMeeting)
    {
        var timeline = England.AnnualReview(D(lastReviewed), underFive: false);

        Assert.Equal(["review-period-ends", "latest-review-meeting"], timeline.Deadlines.Select(d => d.Key));
        Assert.Equal(periodEnds, DateOf(timeline, "review-period-ends"));
        Assert.Equal(latestMeeting, DateOf(timeline, "latest-review-meeting"));
    }

    [Theory]
    [InlineData("2025-01-15", "2025-04-15", "2025-07-15")]
    [InlineData("2025-08-31", "2025-11-30", "2026-02-28")] // month ends: no 31 November, no 31 February
    [InlineData("2027-08-31", "2027-11-30", "2028-02-29")]
    public void Under_fives_get_the_3_to_6_month_review_window(string lastReviewed, string from, string by)
    {
        var timeline = England.AnnualReview(D(lastReviewed), underFive: true);

        Assert.Equal(from, DateOf(timeline, "early-review-from"));
        Assert.Equal(by, DateOf(timeline, "early-review-by"));
        Assert.All(timeline.Deadlines.Where(d => d.Key.StartsWith("early", StringComparison.Ordinal)), d => Assert.Equal(RuleStatus.Guidance, d.Rule.Status));
    }

    [Fact]
    public void Review_meeting_dates_fall_either_side_of_the_meeting()
    {
        var timeline = England.ReviewMeeting(D("2026-03-10"));

        Assert.Equal("2026-02-24", DateOf(timeline, "invitations-by"));
        Assert.Equal("2026-02-24", DateOf(timeline, "advice-circulated-by"));
        Assert.Equal("2026-03-24", DateOf(timeline, "report-by"));
        Assert.Equal("2026-04-07", DateOf(timeline, "decision-by"));
        Assert.Equal("2026-06-02", DateOf(timeline, "final-amended-plan-by"));
        Assert.Equal(RuleStatus.CaseLaw, timeline.Find("final-amended-plan-by")!.Rule.Status);
    }

    [Fact]
    public void Amendment_notice_gives_15_days_to_comment_and_8_weeks_to_the_final_plan()
    {
        var timeline = England.AmendmentNotice(D("2026-03-02"));

        Assert.Equal("2026-03-16", DateOf(timeline, "representations-last-day"));
        Assert.Equal("2026-04-27", DateOf(timeline, "final-amended-plan-by"));
    }

    [Theory]
    [InlineData(PhaseTransferKind.School, 2027, "2027-02-14", "2026-11-22", "2026-12-20")]
    [InlineData(PhaseTransferKind.PostSixteen, 2027, "2027-03-30", "2027-01-05", "2027-02-02")]
    [InlineData(PhaseTransferKind.School, 2028, "2028-02-14", "2027-11-22", "2027-12-20")]
    public void Phase_transfer_plan_must_be_amended_before_15_February_or_31_March(PhaseTransferKind kind, int year, string amendedBy, string latestMeeting, string latestNotice)
    {
        var timeline = England.PhaseTransfer(kind, year);

        Assert.Equal(amendedBy, DateOf(timeline, "amended-plan-by"));
        Assert.Equal(latestMeeting, DateOf(timeline, "latest-review-meeting"));
        Assert.Equal(latestNotice, DateOf(timeline, "latest-amendment-notice"));
    }

    [Theory]
    [InlineData("2028-07-31", "2028-02-29")] // 5 months before 31 July: the last day of February, in a leap year
    [InlineData("2027-07-31", "2027-02-28")]
    [InlineData("2027-09-06", "2027-04-06")]
    public void Post_16_to_post_16_transfer_is_5_months_before_the_move(string transfer, string amendedBy)
    {
        var timeline = England.PhaseTransfer(PhaseTransferKind.PostSixteenOther, 0, D(transfer));

        Assert.Equal(["amended-plan-by"], timeline.Deadlines.Select(d => d.Key));
        Assert.Equal(amendedBy, DateOf(timeline, "amended-plan-by"));
    }

    [Theory]
    // 2 months on; a Saturday moves to the next working day (Monday).
    [InlineData("2025-12-31", null, "2026-02-28", "2026-03-02")]
    // Into a leap February: 31 December + 2 months is 29 February, a Tuesday.
    [InlineData("2027-12-31", null, "2028-02-29", "2028-02-29")]
    // Christmas: the period ends between 25 December and 1 January, so the first working day after 1 January.
    [InlineData("2025-10-24", null, "2025-12-24", "2025-12-24")]
    [InlineData("2025-10-25", null, "2025-12-25", "2026-01-02")]
    [InlineData("2025-10-31", null, "2025-12-31", "2026-01-02")]
    [InlineData("2025-11-01", null, "2026-01-01", "2026-01-02")]
    [InlineData("2025-11-02", null, "2026-01-02", "2026-01-02")]
    // 2 January 2027 is a Saturday: the first working day after 1 January is Monday 4 January.
    [InlineData("2026-10-28", null, "2026-12-28", "2027-01-04")]
    // August: the first working day after 31 August (in 2026 that Monday is a bank holiday, so Tuesday 1 September).
    [InlineData("2026-05-31", null, "2026-07-31", "2026-07-31")]
    [InlineData("2026-06-01", null, "2026-08-01", "2026-09-01")]
    [InlineData("2026-06-30", null, "2026-08-30", "2026-09-01")]
    [InlineData("2025-06-30", null, "2025-08-30", "2025-09-01")]
    [InlineData("2026-07-01", null, "2026-09-01", "2026-09-01")]
    // Good Friday: the next working day is after Easter Monday.
    [InlineData("2026-02-03", null, "2026-04-03", "2026-04-07")]
    // A later certificate gives 1 month from the certificate.
    [InlineData("2026-01-10", "2026-03-20", "2026-03-10", "2026-04-20")]
    // An earlier certificate changes nothing.
    [InlineData("2026-01-10", "2026-01-20", "2026-03-10", "2026-03-10")]
    // The certificate month lands in August.
    [InlineData("2026-05-10", "2026-07-15", "2026-07-10", "2026-09-01")]
    public void Appeal_deadline_follows_the_Tribunal_rules_but_mediation_contact_does_not_move(string decisionSent, string? certificate, string mediationContact, string appealBy)
    {
        var timeline = England.Appeal(D(decisionSent), certificate is null ? null : D(certificate));

        Assert.Equal(["mediation-adviser-contact-by", "appeal-by"], timeline.Deadlines.Select(d => d.Key));
        Assert.Equal(mediationContact, DateOf(timeline, "mediation-adviser-contact-by"));
        Assert.Equal(appealBy, DateOf(timeline, "appeal-by"));
    }

    [Fact]
    public void A_moved_appeal_date_says_why()
    {
        var appeal = England.Appeal(D("2025-10-25"), null).Find("appeal-by")!;

        Assert.Contains("25 December 2025", appeal.Note, StringComparison.Ordinal);
        Assert.Contains("first working day after 1 January", appeal.Note, StringComparison.Ordinal);
        Assert.Null(England.Appeal(D("2026-05-31"), null).Find("appeal-by")!.Note);
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-25")]
    [InlineData("2026-12-23", "2026-12-30")]
    [InlineData("2026-04-02", "2026-04-09")]
    public void Mediation_certificate_is_due_3_working_days_after_the_event(string from, string by) =>
        Assert.Equal(by, DateOf(England.MediationCertificate(D(from)), "certificate-by"));

    [Theory]
    [InlineData("2026-01-15", "2026-02-14")]
    [InlineData("2028-01-31", "2028-03-01")] // 30 calendar days, not a month
    public void Mediation_is_held_within_30_days(string requested, string by) =>
        Assert.Equal(by, DateOf(England.Mediation(D(requested)), "mediation-by"));

    [Fact]
    public void Tribunal_orders_set_their_own_dates()
    {
        var assess = England.TribunalOrder(TribunalOrderKind.Assess, D("2026-03-02"));
        var make = England.TribunalOrder(TribunalOrderKind.MakeAndMaintain, D("2026-03-02"));

        Assert.Equal(["notify-by", "decision-not-to-issue-plan", "final-plan"], assess.Deadlines.Select(d => d.Key));
        Assert.Equal(["2026-03-16", "2026-05-11", "2026-06-08"], assess.Deadlines.Select(d => d.Date.ToString("yyyy-MM-dd")));
        Assert.Equal(["draft-plan", "final-plan"], make.Deadlines.Select(d => d.Key));
        Assert.Equal(["2026-04-06", "2026-05-18"], make.Deadlines.Select(d => d.Date.ToString("yyyy-MM-dd")));
    }

    [Fact]
    public void Rules_apply_only_to_cases_that_start_once_they_are_in_force()
    {
        var before = England.NeedsAssessment(new(D("2014-08-31")));
        var from = England.NeedsAssessment(new(D("2014-09-01")));

        Assert.Empty(before.Deadlines);
        Assert.Contains(before.Notes, n => n.Contains("1 September 2014", StringComparison.Ordinal));
        Assert.Equal(4, from.Deadlines.Count);
    }

    [Fact]
    public void Every_rule_carries_its_source_status_jurisdiction_and_start_date()
    {
        Assert.All(TimescaleRules.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Source));
            Assert.False(string.IsNullOrWhiteSpace(rule.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(rule.IfMissed));
            Assert.Equal(Jurisdiction.England, rule.Jurisdiction);
            Assert.True(rule.EffectiveFrom >= TimescaleRules.SendRegulationsInForce);
        });
        Assert.Equal(TimescaleRules.All.Count, TimescaleRules.All.Select(r => (r.Timeline, r.Key, r.Title)).Distinct().Count());
    }
}

public class DueSoonTests
{
    private static readonly Core.Time.WorkingDayCalendar Calendar = Core.Time.WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2026-12-01", "2026-11-23", "Due soon")]   // 6 working days away
    [InlineData("2026-12-07", "2026-11-23", "Due soon")]   // exactly 10 working days away
    [InlineData("2026-12-08", "2026-11-23", "Coming up")]  // 11 working days away
    [InlineData("2027-01-11", "2026-12-23", "Due soon")]   // 10 working days over Christmas and New Year
    [InlineData("2026-11-23", "2026-11-23", "Due soon")]   // due today
    public void An_upcoming_date_is_due_soon_from_10_working_days_before(string date, string today, string expected)
    {
        var upcoming = new ProgressDeadline(new Deadline(TimescaleRules.FinalPlan, DateOnly.Parse(date)), DeadlineState.Upcoming, null);
        Assert.Equal(expected, upcoming.TagText(DateOnly.Parse(today), Calendar));
    }
}
