using CommonGround.Core.Statutory;

namespace CommonGround.Core.Tests.Statutory;

/// <summary>
/// Where each date stands after a sequence of events, worked out by hand from the regulations (TIMESCALES.md §2 and §4),
/// not from the engine's output. Each case names the process, the day it is judged on, the events ("event date [end]
/// [detail]") and every date that should come back as "key state [done on]".
/// </summary>
public sealed class ProgressSequenceTests
{
    public sealed record Sequence(string Name, string Process, string AsOf, string[] Events, string[] Expected, string? BornOn = null)
    {
        public override string ToString() => Name;
    }

    private static Sequence S(string name, string process, string asOf, string[] events, params string[] expected) => new(name, process, asOf, events, expected);

    // A request received on Monday 1 September 2025: decision 13 October (6 weeks), decision not to issue 22 December
    // (16 weeks), latest draft 4 January 2026 (125 days), final plan 19 January 2026 (20 weeks).
    private const string Request = "request-received 2025-09-01";

    public static TheoryData<Sequence> Sequences() => new(
    [
        // EHC needs assessment.
        S("Just asked: every date to come", "needs-assessment", "2025-09-10", [Request],
            "decision-whether-to-assess upcoming", "decision-not-to-issue-plan upcoming", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("No decision after 6 weeks: missed", "needs-assessment", "2025-10-14", [Request],
            "decision-whether-to-assess missed", "decision-not-to-issue-plan upcoming", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("Decision on the last day: met", "needs-assessment", "2025-10-14", [Request, "decision-to-assess 2025-10-13"],
            "decision-whether-to-assess met 2025-10-13", "decision-not-to-issue-plan upcoming", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("Decision a week late: late", "needs-assessment", "2025-10-21", [Request, "decision-to-assess 2025-10-20"],
            "decision-whether-to-assess late 2025-10-20", "decision-not-to-issue-plan upcoming", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("Decided not to assess: the rest no longer applies", "needs-assessment", "2025-11-01", [Request, "decision-not-to-assess 2025-10-01"],
            "decision-whether-to-assess met 2025-10-01", "decision-not-to-issue-plan not-applicable", "latest-draft-plan not-applicable", "final-plan not-applicable"),
        S("Decided not to assess, months later: still nothing missed", "needs-assessment", "2026-03-01", [Request, "decision-not-to-assess 2025-10-01"],
            "decision-whether-to-assess met 2025-10-01", "decision-not-to-issue-plan not-applicable", "latest-draft-plan not-applicable", "final-plan not-applicable"),
        S("Not to assess, late", "needs-assessment", "2025-11-01", [Request, "decision-not-to-assess 2025-10-20"],
            "decision-whether-to-assess late 2025-10-20", "decision-not-to-issue-plan not-applicable", "latest-draft-plan not-applicable", "final-plan not-applicable"),
        S("16 weeks pass with no draft and no refusal: lapsed, not missed", "needs-assessment", "2025-12-23", [Request, "decision-to-assess 2025-10-10"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan lapsed", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("A draft rules out the decision not to issue", "needs-assessment", "2025-12-23", [Request, "decision-to-assess 2025-10-10", "draft-plan-served 2025-12-01"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan not-applicable", "latest-draft-plan met 2025-12-01", "final-plan upcoming",
            "representations-last-day closed"),
        S("The family comments within 15 days", "needs-assessment", "2025-12-23", [Request, "decision-to-assess 2025-10-10", "draft-plan-served 2025-12-01", "representations-made 2025-12-10"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan not-applicable", "latest-draft-plan met 2025-12-01", "final-plan upcoming",
            "representations-last-day met 2025-12-10"),
        S("Comments window open", "needs-assessment", "2025-12-05", [Request, "decision-to-assess 2025-10-10", "draft-plan-served 2025-12-01"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan not-applicable", "latest-draft-plan met 2025-12-01", "final-plan upcoming",
            "representations-last-day upcoming"),
        S("Final plan after the family's unused window: closed, never missed", "needs-assessment", "2026-01-15",
            [Request, "decision-to-assess 2025-10-10", "draft-plan-served 2025-12-01", "final-plan-issued 2026-01-10"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan not-applicable", "latest-draft-plan met 2025-12-01", "final-plan met 2026-01-10",
            "representations-last-day closed"),
        S("Final plan before the family's 15 days ended: their window no longer applies", "needs-assessment", "2025-12-20",
            [Request, "decision-to-assess 2025-10-10", "draft-plan-served 2025-12-01", "final-plan-issued 2025-12-10"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan not-applicable", "latest-draft-plan met 2025-12-01", "final-plan met 2025-12-10",
            "representations-last-day not-applicable"),
        S("Decided not to issue a plan in time", "needs-assessment", "2026-02-01", [Request, "decision-to-assess 2025-10-10", "decision-not-to-issue-plan 2025-12-15"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan met 2025-12-15", "latest-draft-plan not-applicable", "final-plan not-applicable"),
        S("Decided not to issue a plan, late", "needs-assessment", "2026-02-01", [Request, "decision-to-assess 2025-10-10", "decision-not-to-issue-plan 2026-01-05"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan late 2026-01-05", "latest-draft-plan not-applicable", "final-plan not-applicable"),
        S("No draft by 125 days: missed", "needs-assessment", "2026-01-05", [Request, "decision-to-assess 2025-10-10"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan lapsed", "latest-draft-plan missed", "final-plan upcoming"),
        S("No final plan by 20 weeks: missed", "needs-assessment", "2026-01-20", [Request, "decision-to-assess 2025-10-10", "draft-plan-served 2025-12-20"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan not-applicable", "latest-draft-plan met 2025-12-20", "final-plan missed",
            "representations-last-day closed"),
        S("Draft and final both late; the family's unused window closed", "needs-assessment", "2026-02-01",
            [Request, "decision-to-assess 2025-10-10", "draft-plan-served 2026-01-10", "final-plan-issued 2026-01-25"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan not-applicable", "latest-draft-plan late 2026-01-10", "final-plan late 2026-01-25",
            "representations-last-day closed"),
        S("A final plan with no draft recorded meets the draft's date too", "needs-assessment", "2026-01-20", [Request, "decision-to-assess 2025-10-10", "final-plan-issued 2025-12-30"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan not-applicable", "latest-draft-plan met 2025-12-30", "final-plan met 2025-12-30"),
        S("Advice asked for: 6 weeks to come", "needs-assessment", "2025-11-20", [Request, "decision-to-assess 2025-10-10", "advice-requested 2025-10-15 Educational psychologist"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan upcoming", "advice-due upcoming", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("Advice not given in 6 weeks: missed", "needs-assessment", "2025-11-27", [Request, "decision-to-assess 2025-10-10", "advice-requested 2025-10-15 Educational psychologist"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan upcoming", "advice-due missed", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("Advice given in time", "needs-assessment", "2025-11-27",
            [Request, "decision-to-assess 2025-10-10", "advice-requested 2025-10-15 Educational psychologist", "advice-received 2025-11-20 Educational psychologist"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan upcoming", "advice-due met 2025-11-20", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("Advice from someone else does not answer it", "needs-assessment", "2025-11-27",
            [Request, "decision-to-assess 2025-10-10", "advice-requested 2025-10-15 Educational psychologist", "advice-received 2025-11-20 Speech and language therapy"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan upcoming", "advice-due missed", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("Advice asked, then not to assess: advice no longer applies", "needs-assessment", "2025-12-01", [Request, "advice-requested 2025-09-20 Health", "decision-not-to-assess 2025-10-10"],
            "decision-whether-to-assess met 2025-10-10", "decision-not-to-issue-plan not-applicable", "advice-due not-applicable", "latest-draft-plan not-applicable", "final-plan not-applicable"),
        S("Events after the day asked about have not happened yet", "needs-assessment", "2025-10-15", [Request, "decision-to-assess 2025-10-20"],
            "decision-whether-to-assess missed", "decision-not-to-issue-plan upcoming", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("A later request starts the dates again", "needs-assessment", "2025-09-10", ["request-received 2025-01-06", Request],
            "decision-whether-to-assess upcoming", "decision-not-to-issue-plan upcoming", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("Over Christmas: the family's last day is New Year's Day, with no roll-forward", "needs-assessment", "2026-01-02",
            ["request-received 2025-11-10", "decision-to-assess 2025-12-19", "draft-plan-served 2025-12-18"],
            "decision-whether-to-assess met 2025-12-19", "decision-not-to-issue-plan not-applicable", "latest-draft-plan met 2025-12-18", "final-plan upcoming",
            "representations-last-day closed"),
        S("Over Christmas: the window still open on New Year's Day", "needs-assessment", "2026-01-01",
            ["request-received 2025-11-10", "decision-to-assess 2025-12-19", "draft-plan-served 2025-12-18"],
            "decision-whether-to-assess met 2025-12-19", "decision-not-to-issue-plan not-applicable", "latest-draft-plan met 2025-12-18", "final-plan upcoming",
            "representations-last-day upcoming"),
        S("Leap year: the decision date is 26 February 2024, missed on the 27th", "needs-assessment", "2024-02-27", ["request-received 2024-01-15"],
            "decision-whether-to-assess missed", "decision-not-to-issue-plan upcoming", "latest-draft-plan upcoming", "final-plan upcoming"),
        S("Leap year: decided on 26 February 2024, on time", "needs-assessment", "2024-06-04", ["request-received 2024-01-15", "decision-to-assess 2024-02-26"],
            "decision-whether-to-assess met 2024-02-26", "decision-not-to-issue-plan lapsed", "latest-draft-plan missed", "final-plan missed"),

        // Annual review: made or reviewed on 15 January 2025, so reviewed by 14 January 2026, meeting by 17 December 2025.
        S("Review year under way", "annual-review", "2025-06-01", ["plan-made-or-reviewed 2025-01-15"],
            "review-period-ends upcoming", "latest-review-meeting upcoming"),
        S("No meeting by 4 weeks before the year ends: missed", "annual-review", "2025-12-18", ["plan-made-or-reviewed 2025-01-15"],
            "review-period-ends upcoming", "latest-review-meeting missed"),
        S("No review in the year: both missed", "annual-review", "2026-01-15", ["plan-made-or-reviewed 2025-01-15"],
            "review-period-ends missed", "latest-review-meeting missed"),
        S("A meeting arranged: invitations and advice due 2 weeks before", "annual-review", "2025-11-01", ["plan-made-or-reviewed 2025-01-15", "review-meeting-arranged 2025-11-20 m1"],
            "review-period-ends upcoming", "latest-review-meeting upcoming", "invitations-by upcoming", "advice-circulated-by upcoming"),
        S("A meeting arranged then cancelled: no dates before it", "annual-review", "2025-11-01",
            ["plan-made-or-reviewed 2025-01-15", "review-meeting-arranged 2025-11-20 m1", "review-meeting-cancelled 2025-10-30 m1"],
            "review-period-ends upcoming", "latest-review-meeting upcoming"),
        S("Meeting held, nothing else recorded", "annual-review", "2025-11-25", ["plan-made-or-reviewed 2025-01-15", "review-meeting-held 2025-11-20"],
            "review-period-ends upcoming", "latest-review-meeting met 2025-11-20", "invitations-by missed", "advice-circulated-by missed",
            "report-by upcoming", "decision-by upcoming", "final-amended-plan-by upcoming"),
        S("Invitations and advice sent in time", "annual-review", "2025-11-25",
            ["plan-made-or-reviewed 2025-01-15", "review-invitations-sent 2025-11-01", "review-advice-circulated 2025-11-05", "review-meeting-held 2025-11-20"],
            "review-period-ends upcoming", "latest-review-meeting met 2025-11-20", "invitations-by met 2025-11-01", "advice-circulated-by met 2025-11-05",
            "report-by upcoming", "decision-by upcoming", "final-amended-plan-by upcoming"),
        S("Keep the plan: no amended plan is owed", "annual-review", "2026-03-01",
            ["plan-made-or-reviewed 2025-01-15", "review-invitations-sent 2025-11-01", "review-advice-circulated 2025-11-05", "review-meeting-held 2025-11-20",
                "review-report-sent 2025-12-01", "review-decision-notified 2025-12-10 keep"],
            "review-period-ends met 2025-12-10", "latest-review-meeting met 2025-11-20", "invitations-by met 2025-11-01", "advice-circulated-by met 2025-11-05",
            "report-by met 2025-12-01", "decision-by met 2025-12-10", "final-amended-plan-by not-applicable"),
        S("Stop the plan: no amended plan is owed", "annual-review", "2026-03-01",
            ["plan-made-or-reviewed 2025-01-15", "review-invitations-sent 2025-11-01", "review-advice-circulated 2025-11-05", "review-meeting-held 2025-11-20",
                "review-report-sent 2025-12-01", "review-decision-notified 2025-12-10 cease"],
            "review-period-ends met 2025-12-10", "latest-review-meeting met 2025-11-20", "invitations-by met 2025-11-01", "advice-circulated-by met 2025-11-05",
            "report-by met 2025-12-01", "decision-by met 2025-12-10", "final-amended-plan-by not-applicable"),
        S("Amend the plan, and no amended plan in 12 weeks: missed", "annual-review", "2026-02-20",
            ["plan-made-or-reviewed 2025-01-15", "review-invitations-sent 2025-11-01", "review-advice-circulated 2025-11-05", "review-meeting-held 2025-11-20",
                "review-report-sent 2025-12-08", "review-decision-notified 2025-12-22 amend"],
            "review-period-ends met 2025-12-22", "latest-review-meeting met 2025-11-20", "invitations-by met 2025-11-01", "advice-circulated-by met 2025-11-05",
            "report-by late 2025-12-08", "decision-by late 2025-12-22", "final-amended-plan-by missed"),
        S("No decision after the meeting: the amended plan's date lapses", "annual-review", "2026-02-13",
            ["plan-made-or-reviewed 2025-01-15", "review-invitations-sent 2025-11-01", "review-advice-circulated 2025-11-05", "review-meeting-held 2025-11-20", "review-report-sent 2025-12-01"],
            "review-period-ends missed", "latest-review-meeting met 2025-11-20", "invitations-by met 2025-11-01", "advice-circulated-by met 2025-11-05",
            "report-by met 2025-12-01", "decision-by missed", "final-amended-plan-by lapsed"),
        S("Proposed changes: the family's 15 days pass unused", "annual-review", "2026-01-10",
            ["plan-made-or-reviewed 2025-01-15", "review-invitations-sent 2025-11-01", "review-advice-circulated 2025-11-05", "review-meeting-held 2025-11-20",
                "review-report-sent 2025-12-01", "review-decision-notified 2025-12-10 amend", "amendment-notice-sent 2025-12-10"],
            "review-period-ends met 2025-12-10", "latest-review-meeting met 2025-11-20", "invitations-by met 2025-11-01", "advice-circulated-by met 2025-11-05",
            "report-by met 2025-12-01", "decision-by met 2025-12-10", "final-amended-plan-by upcoming",
            "representations-last-day closed", "final-amended-plan-by upcoming"),
        S("Amended plan issued before the family's 15 days ended: their window no longer applies", "annual-review", "2026-01-10",
            ["plan-made-or-reviewed 2025-01-15", "review-invitations-sent 2025-11-01", "review-advice-circulated 2025-11-05", "review-meeting-held 2025-11-20",
                "review-report-sent 2025-12-01", "review-decision-notified 2025-12-10 amend", "amendment-notice-sent 2025-12-10", "final-amended-plan-issued 2025-12-20"],
            "review-period-ends met 2025-12-10", "latest-review-meeting met 2025-11-20", "invitations-by met 2025-11-01", "advice-circulated-by met 2025-11-05",
            "report-by met 2025-12-01", "decision-by met 2025-12-10", "final-amended-plan-by met 2025-12-20",
            "representations-last-day not-applicable", "final-amended-plan-by met 2025-12-20"),
        S("The family comments on proposed changes", "annual-review", "2026-01-10",
            ["plan-made-or-reviewed 2025-01-15", "review-invitations-sent 2025-11-01", "review-advice-circulated 2025-11-05", "review-meeting-held 2025-11-20",
                "review-report-sent 2025-12-01", "review-decision-notified 2025-12-10 amend", "amendment-notice-sent 2025-12-10", "representations-made 2025-12-20"],
            "review-period-ends met 2025-12-10", "latest-review-meeting met 2025-11-20", "invitations-by met 2025-11-01", "advice-circulated-by met 2025-11-05",
            "report-by met 2025-12-01", "decision-by met 2025-12-10", "final-amended-plan-by upcoming",
            "representations-last-day met 2025-12-20", "final-amended-plan-by upcoming"),
        new("An under-five's early review, not held by 6 months: missed", "annual-review", "2025-07-16", ["plan-made-or-reviewed 2025-01-15"],
            ["review-period-ends upcoming", "latest-review-meeting upcoming", "early-review-by missed"], BornOn: "2022-03-01"),
        new("An under-five's early review held after 3 months: met", "annual-review", "2025-07-16", ["plan-made-or-reviewed 2025-01-15", "review-meeting-held 2025-05-01"],
            ["review-period-ends upcoming", "latest-review-meeting met 2025-05-01", "early-review-by met 2025-05-01", "invitations-by missed", "advice-circulated-by missed",
                "report-by missed", "decision-by missed", "final-amended-plan-by upcoming"], BornOn: "2022-03-01"),
        new("Five or older: no early review", "annual-review", "2025-07-16", ["plan-made-or-reviewed 2025-01-15"],
            ["review-period-ends upcoming", "latest-review-meeting upcoming"], BornOn: "2019-06-01"),
        S("Leap year: made on 29 February 2024, the year ends 28 February 2025", "annual-review", "2025-02-01", ["plan-made-or-reviewed 2024-02-29"],
            "review-period-ends upcoming", "latest-review-meeting missed"),
        S("Leap year: the last day itself is still to come", "annual-review", "2025-02-28", ["plan-made-or-reviewed 2024-02-29"],
            "review-period-ends upcoming", "latest-review-meeting missed"),
        S("Leap year: the day after the year", "annual-review", "2025-03-01", ["plan-made-or-reviewed 2024-02-29"],
            "review-period-ends missed", "latest-review-meeting missed"),

        // Moving school: for September 2027, the plan must be amended by 14 February 2027; meeting by 22 November 2026,
        // proposed changes by 20 December 2026.
        S("A move between school phases, well ahead", "phase-transfer", "2026-10-01", ["transfer-planned 2027-09-01 school"],
            "amended-plan-by upcoming", "latest-review-meeting upcoming", "latest-amendment-notice upcoming"),
        S("No review meeting by 12 weeks before: missed", "phase-transfer", "2026-11-30", ["transfer-planned 2027-09-01 school"],
            "amended-plan-by upcoming", "latest-review-meeting missed", "latest-amendment-notice upcoming"),
        S("Amended plan by 14 February: met", "phase-transfer", "2027-02-20",
            ["transfer-planned 2027-09-01 school", "review-meeting-held 2026-11-10", "amendment-notice-sent 2026-12-01", "final-amended-plan-issued 2027-02-01"],
            "amended-plan-by met 2027-02-01", "latest-review-meeting met 2026-11-10", "latest-amendment-notice met 2026-12-01",
            "invitations-by missed", "advice-circulated-by missed", "report-by missed", "decision-by missed", "final-amended-plan-by met 2027-02-01",
            "representations-last-day closed", "final-amended-plan-by late 2027-02-01"),
        S("No amended plan by 14 February: missed", "phase-transfer", "2027-02-15", ["transfer-planned 2027-09-01 school"],
            "amended-plan-by missed", "latest-review-meeting missed", "latest-amendment-notice missed"),
        S("Secondary to post-16: by 30 March", "phase-transfer", "2027-01-06", ["transfer-planned 2027-09-01 post-16"],
            "amended-plan-by upcoming", "latest-review-meeting missed", "latest-amendment-notice upcoming"),
        S("Between post-16 settings: 5 months before the move", "phase-transfer", "2026-08-11", ["transfer-planned 2027-01-10 post-16-other"],
            "amended-plan-by missed"),

        // Mediation and appeal: a decision sent on 2 June 2025: contact a mediation adviser by 2 August; the appeal date
        // falls in August, so moves to Monday 1 September.
        S("Decision sent: both the family's dates to come", "mediation-and-appeal", "2025-07-01", ["decision-sent 2025-06-02"],
            "mediation-adviser-contact-by upcoming", "appeal-by upcoming"),
        S("The family's dates pass unused: closed, never missed", "mediation-and-appeal", "2025-09-02", ["decision-sent 2025-06-02"],
            "mediation-adviser-contact-by closed", "appeal-by closed"),
        S("Mediation adviser contacted", "mediation-and-appeal", "2025-07-02", ["decision-sent 2025-06-02", "mediation-adviser-contacted 2025-07-01"],
            "mediation-adviser-contact-by met 2025-07-01", "appeal-by upcoming"),
        S("An appeal without contacting the adviser: the contact no longer applies", "mediation-and-appeal", "2025-08-25", ["decision-sent 2025-06-02", "appeal-lodged 2025-08-20"],
            "mediation-adviser-contact-by not-applicable", "appeal-by met 2025-08-20"),
        S("An appeal after the last day: closed, for the Tribunal to decide", "mediation-and-appeal", "2025-09-10",
            ["decision-sent 2025-06-02", "mediation-adviser-contacted 2025-07-01", "appeal-lodged 2025-09-05"],
            "mediation-adviser-contact-by met 2025-07-01", "appeal-by closed 2025-09-05"),
        S("Mediation not held within 30 days: the local authority missed it", "mediation-and-appeal", "2025-07-21", ["decision-sent 2025-06-02", "mediation-requested 2025-06-20"],
            "mediation-adviser-contact-by met 2025-06-20", "appeal-by upcoming", "mediation-by missed"),
        S("Mediation held in time", "mediation-and-appeal", "2025-07-21", ["decision-sent 2025-06-02", "mediation-requested 2025-06-20", "mediation-held 2025-07-15"],
            "mediation-adviser-contact-by met 2025-06-20", "appeal-by upcoming", "mediation-by met 2025-07-15"),
        S("Certificate 3 working days after a Sunday, issued late", "mediation-and-appeal", "2025-07-28",
            ["decision-sent 2025-06-02", "certificate-needed 2025-07-20", "certificate-issued 2025-07-25"],
            "mediation-adviser-contact-by met 2025-07-20", "appeal-by upcoming", "certificate-by late 2025-07-25"),
        S("A later certificate moves the appeal date: a month after it; Easter is not a working day", "mediation-and-appeal", "2025-05-10",
            ["decision-sent 2025-03-03", "certificate-needed 2025-04-15", "certificate-issued 2025-04-23"],
            "mediation-adviser-contact-by met 2025-04-15", "appeal-by upcoming", "certificate-by late 2025-04-23"),
        S("Appeal date on a Saturday before the early May bank holiday moves to Tuesday", "mediation-and-appeal", "2025-05-06", ["decision-sent 2025-03-03"],
            "mediation-adviser-contact-by closed", "appeal-by upcoming"),
        S("Appeal date over Christmas moves to 2 January", "mediation-and-appeal", "2025-12-30", ["decision-sent 2025-10-27"],
            "mediation-adviser-contact-by closed", "appeal-by upcoming"),
        S("Leap year: 2 months from 29 December is 29 February", "mediation-and-appeal", "2024-02-29", ["decision-sent 2023-12-29"],
            "mediation-adviser-contact-by upcoming", "appeal-by upcoming"),
        S("Certificate over Christmas: 3 working days skip Christmas and Boxing Day", "mediation-and-appeal", "2025-12-31",
            ["decision-sent 2025-12-01", "certificate-needed 2025-12-23"],
            "mediation-adviser-contact-by met 2025-12-23", "appeal-by upcoming", "certificate-by missed"),

        // Reassessment: told on 1 September 2025, so the final plan by 8 December 2025 (14 weeks).
        S("Reassessment: no plan in 14 weeks", "reassessment", "2025-12-09", ["reassessment-decision-notified 2025-09-01"], "final-plan missed"),
        S("Reassessment: plan in time", "reassessment", "2025-12-09", ["reassessment-decision-notified 2025-09-01", "final-plan-issued 2025-12-01"], "final-plan met 2025-12-01"),

        // Tribunal orders of 1 September 2025: to assess (notify by 15 September, not to issue by 10 November, plan by
        // 8 December); to make and maintain (draft by 6 October, plan by 17 November).
        S("Order to assess: family not told in 2 weeks", "tribunal-order", "2025-09-16", ["tribunal-order-made 2025-09-01 assess"],
            "notify-by missed", "decision-not-to-issue-plan upcoming", "final-plan upcoming"),
        S("Order to assess: a draft rules out not issuing", "tribunal-order", "2025-11-15", ["tribunal-order-made 2025-09-01 assess", "decision-to-assess 2025-09-10", "draft-plan-served 2025-11-01"],
            "notify-by met 2025-09-10", "decision-not-to-issue-plan not-applicable", "final-plan upcoming"),
        S("Order to assess: 10 weeks pass with neither", "tribunal-order", "2025-11-11", ["tribunal-order-made 2025-09-01 assess", "decision-to-assess 2025-09-10"],
            "notify-by met 2025-09-10", "decision-not-to-issue-plan lapsed", "final-plan upcoming"),
        S("Order to make a plan: draft late", "tribunal-order", "2025-10-15", ["tribunal-order-made 2025-09-01 make-and-maintain", "draft-plan-served 2025-10-10"],
            "draft-plan late 2025-10-10", "final-plan upcoming"),
        S("Order to make a plan: final on the day", "tribunal-order", "2025-11-20", ["tribunal-order-made 2025-09-01 make-and-maintain", "draft-plan-served 2025-10-06", "final-plan-issued 2025-11-17"],
            "draft-plan met 2025-10-06", "final-plan met 2025-11-17"),
    ]);

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Each_date_stands_as_the_regulations_say(Sequence sequence)
    {
        var progress = Progress(sequence);
        var actual = progress.Deadlines
            .Select(d => $"{d.Deadline.Key} {d.State.Slug()}{(d.DoneOn is { } done ? $" {done:yyyy-MM-dd}" : "")}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(sequence.Expected.Order(StringComparer.Ordinal).ToList(), actual);
    }

    [Fact]
    public void There_are_at_least_60_sequences_and_every_state_is_reached()
    {
        var sequences = Sequences().Select(row => row.Data).ToList();
        Assert.True(sequences.Count >= 60, $"{sequences.Count} sequences");
        var states = sequences.SelectMany(s => Progress(s).Deadlines.Select(d => d.State)).ToHashSet();
        Assert.Equal(Enum.GetValues<DeadlineState>().ToHashSet(), states);
    }

    [Fact]
    public void A_family_right_is_never_missed_or_late_and_never_next_once_passed()
    {
        foreach (var sequence in Sequences().Select(row => row.Data))
        {
            var progress = Progress(sequence);
            foreach (var right in progress.Deadlines.Where(d => d.Actor == DeadlineActor.Family))
            {
                Assert.DoesNotContain(right.State, new[] { DeadlineState.Missed, DeadlineState.Late, DeadlineState.Lapsed });
                Assert.False(right.IsFailure);
            }

            Assert.All(progress.Next, next => Assert.True(next.State == DeadlineState.Upcoming || (next.State == DeadlineState.Missed && !next.IsRight)));
        }
    }

    [Theory]
    [InlineData("2025-10-14", new[] { "decision-whether-to-assess", "decision-not-to-issue-plan", "latest-draft-plan", "final-plan" })]
    [InlineData("2025-12-23", new[] { "decision-whether-to-assess", "latest-draft-plan", "final-plan" })]
    public void Next_lists_duties_missed_and_dates_to_come_earliest_first(string asOf, string[] expected)
    {
        var progress = StatutoryProgress.Of(StatutoryProcessKind.NeedsAssessment, [new(StatutoryEventKind.RequestReceived, new(2025, 9, 1))], DateOnly.Parse(asOf), Timescales.England);
        Assert.Equal(expected, progress.Next.Select(d => d.Deadline.Key));
    }

    [Theory]
    [InlineData("2025-03-03", null, "2025-05-06")]
    [InlineData("2025-03-03", "2025-04-23", "2025-05-23")]
    [InlineData("2025-06-02", null, "2025-09-01")]
    [InlineData("2025-10-27", null, "2026-01-02")]
    [InlineData("2023-12-29", null, "2024-02-29")]
    public void The_appeal_date_follows_the_Tribunal_rules(string sent, string? certificate, string expected)
    {
        var events = new List<ProgressEvent> { new(StatutoryEventKind.DecisionSent, DateOnly.Parse(sent)) };
        if (certificate is not null)
        {
            events.Add(new(StatutoryEventKind.CertificateIssued, DateOnly.Parse(certificate)));
        }

        var progress = StatutoryProgress.Of(StatutoryProcessKind.MediationAndAppeal, events, DateOnly.Parse(certificate ?? sent), Timescales.England);
        Assert.Equal(DateOnly.Parse(expected), progress.Deadlines.Single(d => d.Deadline.Key == "appeal-by").Deadline.Date);
    }

    [Fact]
    public void Dates_under_the_same_rule_are_named_apart_in_the_order_asked_for()
    {
        var progress = StatutoryProgress.Of(StatutoryProcessKind.NeedsAssessment,
        [
            new(StatutoryEventKind.RequestReceived, new(2025, 9, 1)), new(StatutoryEventKind.AdviceRequested, new(2025, 9, 15), Detail: "Health"),
            new(StatutoryEventKind.AdviceRequested, new(2025, 9, 16), Detail: "Social care"),
        ], new(2025, 11, 27), Timescales.England);

        var advice = progress.Deadlines.Where(d => d.Deadline.Key == "advice-due").ToList();
        Assert.Equal(["advice-due", "advice-due-2"], advice.Select(d => d.Id));
        Assert.Equal(["Advice provided (Health)", "Advice provided (Social care)"], advice.Select(d => d.Title));
        Assert.Equal(progress.Deadlines.Count, progress.Deadlines.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void A_missed_appointment_says_an_exception_may_apply_to_that_advice()
    {
        var progress = StatutoryProgress.Of(StatutoryProcessKind.NeedsAssessment,
        [
            new(StatutoryEventKind.RequestReceived, new(2025, 9, 1)), new(StatutoryEventKind.AdviceRequested, new(2025, 10, 15), Detail: "Educational psychologist"),
            new(StatutoryEventKind.AppointmentMissed, new(2025, 10, 30), Detail: "Educational psychologist"),
        ], new(2025, 11, 27), Timescales.England);
        var advice = progress.Deadlines.Single(d => d.Deadline.Key == "advice-due");
        Assert.Equal(DeadlineState.Missed, advice.State);
        Assert.True(advice.ExceptionMayApply);
        Assert.Contains(progress.Exceptions, e => e.Key == "missed-appointment" && e.Applies);
    }

    private static ProcessProgress Progress(Sequence sequence)
    {
        var kind = StatutoryTerms.ProcessFromSlug(sequence.Process)!.Value;
        var events = sequence.Events.Select(Parse).ToList();
        return StatutoryProgress.Of(kind, events, DateOnly.Parse(sequence.AsOf), Timescales.England, sequence.BornOn is null ? null : DateOnly.Parse(sequence.BornOn));
    }

    /// <summary>"event date", "event date end" (an absence or closure) or "event date detail words".</summary>
    private static ProgressEvent Parse(string text)
    {
        var parts = text.Split(' ', 3);
        var kind = StatutoryTerms.EventFromSlug(parts[0]) ?? throw new ArgumentException($"No event {parts[0]}");
        var date = DateOnly.Parse(parts[1]);
        if (parts.Length == 3 && DateOnly.TryParse(parts[2], out var end))
        {
            return new(kind, date, end);
        }

        return new(kind, date, Detail: parts.Length == 3 ? parts[2] : null);
    }
}
