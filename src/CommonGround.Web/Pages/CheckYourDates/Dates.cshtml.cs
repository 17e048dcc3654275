using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
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
public sealed class DatesModel(TimeProvider time) : PageBase
{
    public TimelineQuestion Question { get; private set; } = default!;

    public Timeline? Timeline { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public List<DateParts> Dates { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Flag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Choice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>The form field each fact is asked in: dates in order, then the one choice, year or yes/no a question can have.</summary>
    public string FieldFor(TimelineFact fact) => fact.Kind switch
    {
        FactKind.Date => $"Dates[{DateIndex(fact)}]",
        FactKind.Flag => nameof(Flag),
        FactKind.Choice => nameof(Choice),
        _ => nameof(Year),
    };

    public int DateIndex(TimelineFact fact) => Question.Facts.Where(f => f.Kind == FactKind.Date).ToList().IndexOf(fact);

    public IReadOnlyList<Option> OptionsFor(TimelineFact fact) => fact.Options.Select(o => new Option(o.Value, o.Text)).ToList();

    public static string Label(TimelineFact fact) => fact.CapitalisedLabel + (fact.Required || fact.Kind == FactKind.Flag ? "" : " (optional)");

    public IActionResult OnGet(string process) => Load(process) ? Page() : NotFound();

    public IActionResult OnGetCheck(string process)
    {
        if (!Load(process))
        {
            return NotFound();
        }

        var values = new Dictionary<string, string>();
        foreach (var fact in Question.Facts)
        {
            switch (fact.Kind)
            {
                case FactKind.Date:
                    var index = DateIndex(fact);
                    var parts = index < Dates.Count ? Dates[index] : new DateParts();
                    var (date, error) = parts.Read(fact.CapitalisedLabel);
                    if (error is not null)
                    {
                        ModelState.AddModelError(FieldFor(fact), error);
                    }
                    else if (date is { } given)
                    {
                        values[fact.Name] = given.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    }

                    break;
                case FactKind.Flag:
                    values[fact.Name] = Flag ? "true" : "false";
                    break;
                case FactKind.Choice:
                    values[fact.Name] = Choice ?? "";
                    break;
                default:
                    values[fact.Name] = Year ?? "";
                    break;
            }
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var answer = Question.Answer(name => values.TryGetValue(name, out var value) ? [value] : [], Timescales.England);
        if (answer.Timeline is not { } timeline)
        {
            foreach (var error in answer.Errors)
            {
                ModelState.AddModelError(FieldFor(Question.Facts.Single(f => f.Name == error.Name)), error.PageMessage);
            }

            return Invalid();
        }

        Timeline = timeline;
        return Page();
    }

    private bool Load(string process)
    {
        if (TimelineQuestions.Find(process) is not { } question)
        {
            return false;
        }

        Question = question;
        Today = time.TodayInUk();
        // One set of boxes per date the question asks for, whatever came in the query string.
        var dates = question.Facts.Count(f => f.Kind == FactKind.Date);
        Dates = [.. Dates.Take(dates), .. Enumerable.Range(0, Math.Max(0, dates - Dates.Count)).Select(_ => new DateParts())];
        return true;
    }
}
