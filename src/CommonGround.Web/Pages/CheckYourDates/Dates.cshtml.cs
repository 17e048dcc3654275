using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.CheckYourDates;

/// <summary>
/// "Check your dates", step two: the facts for what happened, then the dates. A GET form, so the answer can be
/// bookmarked, printed or shared, and it works without JavaScript. The facts are read through the same questions the
/// public API uses.
/// </summary>
[AllowAnonymous]
public sealed class DatesModel(TimeProvider time) : CalculatorPageBase(time)
{
    public Timeline? Timeline { get; private set; }

    public IReadOnlyList<Option> OptionsFor(TimelineFact fact) => fact.Options.Select(o => new Option(o.Value, o.Text)).ToList();

    /// <summary>Open the "what has happened since" part when it has an answer or an error in it, so nothing is hidden.</summary>
    public bool AnyHappenedSinceGiven => Question.Facts.Where(f => f.HappenedSince).Any(f =>
        ModelState.TryGetValue(FieldFor(f), out var entry) && entry.Errors.Count > 0
        || ModelState.Keys.Any(k => k.StartsWith(FieldFor(f) + ".", StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0)
        || f.Kind == FactKind.Date && DateIndex(f) < Dates.Count && !Dates[DateIndex(f)].IsEmpty);

    public static string Label(TimelineFact fact) => fact.CapitalisedLabel + (fact.Required || fact.Kind == FactKind.Flag ? "" : " (optional)");

    /// <summary>The letters that fit the answer: one about each date someone else missed, and those the situation calls for.</summary>
    public IReadOnlyList<(string Text, string Href)> Letters { get; private set; } = [];

    public IActionResult OnGet(string process) => Load(process) ? Page() : NotFound();

    public IActionResult OnGetCheck(string process)
    {
        if (!Load(process))
        {
            return NotFound();
        }

        if (ReadAnswer() is not { Timeline: { } timeline })
        {
            return Invalid();
        }

        Timeline = timeline;
        var facts = Request.QueryString.Value ?? "";
        string Href(LetterKind kind, string? deadline = null) =>
            $"/check-your-dates/{Question.Process}/letter/{kind.Slug()}{facts}{(deadline is null ? "" : $"&deadline={Uri.EscapeDataString(deadline)}")}";
        var letters = (Progress?.Deadlines ?? []).Where(d => d.IsFailureFor(DeadlineActor.Family))
            .Select(d => ($"A letter about: {d.Deadline.Rule.Title.ToLowerInvariant()} ({(d.State == DeadlineState.Late ? "done late" : "missed")})", Href(LetterKind.ChaseMissedDeadline, d.Id)))
            .ToList();
        if (Question.Process == "appeal")
        {
            letters.Add(("A letter asking for a mediation certificate", Href(LetterKind.MediationCertificate)));
        }
        else if (Question.Process == "annual-review")
        {
            letters.Add(("A letter asking for an early review of the plan", Href(LetterKind.EarlyReview)));
        }

        Letters = letters;
        return Page();
    }
}
