using CommonGround.Core.Time;

namespace CommonGround.Core.Statutory;

/// <summary>A letter ready to send: who it is to, its subject, and its paragraphs. A paragraph in square brackets is for the sender to fill in.</summary>
public sealed record Letter(string FileName, string To, string Subject, IReadOnlyList<string> Paragraphs, string SignOff);

public enum LetterKind
{
    AskForAssessment,
    ChaseMissedDeadline,
    EarlyReview,
    MediationCertificate,
}

/// <summary>
/// The facts a letter is filled from. Without a record behind it (the public calculator) the names are left as gaps in
/// square brackets for the sender to fill in.
/// </summary>
public sealed record LetterFacts(string? ChildName, DateOnly? DateOfBirth, string? SenderName, string? AreaName, DateOnly Today)
{
    /// <summary>For a chasing letter: the duty someone missed, or did late.</summary>
    public ProgressDeadline? Missed { get; init; }

    /// <summary>For a chasing letter: what has happened so far, so the letter states the dates the sender relies on.</summary>
    public IReadOnlyList<ProgressEvent> Happened { get; init; } = [];

    /// <summary>For a mediation certificate: the date the decision was sent, if recorded.</summary>
    public DateOnly? DecisionSent { get; init; }
}

/// <summary>The letters a family can send, in plain words, filled from the record.</summary>
public static class StatutoryLetters
{
    public static string Slug(this LetterKind kind) => kind switch
    {
        LetterKind.AskForAssessment => "ask-for-assessment",
        LetterKind.ChaseMissedDeadline => "chase",
        LetterKind.EarlyReview => "early-review",
        _ => "mediation-certificate",
    };

    public static LetterKind? FromSlug(string? slug) => Enum.GetValues<LetterKind>().Cast<LetterKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);

    public static Letter Write(LetterKind kind, LetterFacts facts, Timescales timescales)
    {
        var childName = facts.ChildName ?? "[your child's name]";
        facts = facts with { ChildName = childName, SenderName = facts.SenderName ?? "[your name]", AreaName = facts.AreaName ?? "[your local authority]" };
        var child = $"{childName} (date of birth {(facts.DateOfBirth is { } born ? UkDates.Date(born) : "[their date of birth]")})";
        var to = $"The SEND team, {facts.AreaName}";
        var fileDate = facts.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        switch (kind)
        {
            case LetterKind.AskForAssessment:
                var decisionBy = TimescaleRules.DecisionWhetherToAssess.From(facts.Today, timescales.Calendar);
                return new($"ask-for-an-ehc-needs-assessment-{fileDate}.docx", to, $"Request for an EHC needs assessment for {child}", [
                    $"I am writing to ask you to carry out an education, health and care (EHC) needs assessment for {facts.ChildName}, under section 36 of the Children and Families Act 2014.",
                    $"I believe {facts.ChildName} has, or may have, special educational needs, and that it may be necessary for special educational provision to be made through an EHC plan. These are the two things the law asks you to consider.",
                    "[Write here about your child's needs: what they find hard, what support they have now, and why it is not enough. Include any reports you have.]",
                    $"Please confirm the date you received this request. The law says you must tell me whether you will carry out an assessment within 6 weeks of receiving it (SEND Regulations 2014, regulations 4 and 5). If you receive this letter today, that is by {UkDates.Date(decisionBy)}.",
                    "Please write to me at the address or email below.",
                ], $"Yours sincerely,\n{facts.SenderName}");
            case LetterKind.ChaseMissedDeadline when facts.Missed is { State: DeadlineState.Late, DoneOn: { } doneOn } late:
                var lateRule = late.Deadline.Rule;
                return new($"about-a-late-{lateRule.Key}-{fileDate}.docx", to, $"{late.Title}: it happened after the legal date for {child}", [
                    $"I am writing about {facts.ChildName}. {lateRule.Explanation}",
                    .. SoFar(facts),
                    $"The date for this was {UkDates.Date(late.Deadline.Date)}, but it happened on {UkDates.Date(doneOn)}. The legal basis is: {lateRule.Source}.",
                    $"Please tell me by {UkDates.Date(timescales.Calendar.AddWorkingDays(facts.Today, 10))}, in writing, why it was late, and what you will do so that the next steps for {facts.ChildName} happen on time.",
                    "If I do not hear from you, I will make a formal complaint under your complaints procedure, and I may then contact the Local Government and Social Care Ombudsman.",
                ], $"Yours sincerely,\n{facts.SenderName}");
            case LetterKind.ChaseMissedDeadline when facts.Missed is { } missed:
                var replyBy = timescales.Calendar.AddWorkingDays(facts.Today, 10);
                var rule = missed.Deadline.Rule;
                return new($"chasing-{rule.Key}-{fileDate}.docx", to, $"{missed.Title}: the legal date has passed for {child}", [
                    $"I am writing about {facts.ChildName}. {rule.Explanation}",
                    .. SoFar(facts),
                    $"The date for this was {UkDates.Date(missed.Deadline.Date)}. It has now passed, and as far as I know it has not happened. The legal basis is: {rule.Source}.",
                    $"Please tell me by {UkDates.Date(replyBy)}, in writing: whether it has happened, and if not, why not, and the date by which it will happen.",
                    "If I do not hear from you, I will make a formal complaint under your complaints procedure, and I may then contact the Local Government and Social Care Ombudsman.",
                ], $"Yours sincerely,\n{facts.SenderName}");
            case LetterKind.EarlyReview:
                return new($"ask-for-an-early-review-{fileDate}.docx", to, $"Request for an early review of the EHC plan for {child}", [
                    $"I am writing to ask you to review {facts.ChildName}'s EHC plan now, before the annual review is due. The law requires a review at least every 12 months, and you can review a plan at any time (Children and Families Act 2014, section 44).",
                    "[Write here what has changed: for example, new needs, a new diagnosis, a change of school, or support in the plan that no longer fits or is not being given.]",
                    "Please tell me, within 2 weeks, whether you will hold an early review, and if so when the review meeting will be.",
                ], $"Yours sincerely,\n{facts.SenderName}");
            default:
                var decision = facts.DecisionSent is { } sent ? $"the decision sent to me on {UkDates.Date(sent)}" : "[the decision, and the date it was sent to you]";
                return new($"ask-for-a-mediation-certificate-{fileDate}.docx", "The mediation adviser named in the decision letter", $"Request for a mediation certificate for {child}", [
                    $"I am writing about {decision} by {facts.AreaName} about {facts.ChildName}, which I wish to appeal to the SEND Tribunal.",
                    "[Choose one: I do not wish to go to mediation. / Mediation has ended. / The local authority could not arrange mediation within 30 days.]",
                    $"Please issue a mediation certificate. The law says it must be issued within 3 working days (SEND Regulations 2014, Part 2). If you receive this letter today, that is by {UkDates.Date(timescales.Calendar.AddWorkingDays(facts.Today, 3))}.",
                ], $"Yours sincerely,\n{facts.SenderName}");
        }
    }

    /// <summary>"These are the dates as I have them: ...", one sentence per event up to today, earliest first.</summary>
    private static IEnumerable<string> SoFar(LetterFacts facts)
    {
        var happened = facts.Happened.Where(e => e.Date <= facts.Today).OrderBy(e => e.Date).ToList();
        if (happened.Count > 0)
        {
            yield return "These are the dates as I have them. " + string.Join(" ", happened.Select(e => $"{e.Kind.Term().Text} on {UkDates.Date(e.Date)}."));
        }
    }
}
