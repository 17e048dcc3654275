using System.Globalization;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.CheckYourDates;

/// <summary>
/// What the calculator's pages share: the question for what happened, the facts as the form sends them (GET, so a
/// result can be bookmarked, printed or shared), and reading them through the same questions the public API uses.
/// </summary>
public abstract class CalculatorPageBase(TimeProvider time) : PageBase
{
    public TimelineQuestion Question { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    /// <summary>The date boxes as typed, read by index so a link that leaves some out (as a shared result may) loses none of the rest.</summary>
    public List<DateParts> Dates { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Flag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Choice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>Where each date stands today, for a question about a process a child's record follows too.</summary>
    public ProcessProgress? Progress { get; private set; }

    /// <summary>The facts the answer was worked out from, in words, so a printed answer stands on its own.</summary>
    public IReadOnlyList<(string Label, string Value)> FactsGiven { get; private set; } = [];

    /// <summary>The form field each fact is asked in: dates in order, then the one choice, year or yes/no a question can have.</summary>
    public string FieldFor(TimelineFact fact) => fact.Kind switch
    {
        FactKind.Date => $"Dates[{DateIndex(fact)}]",
        FactKind.Flag => nameof(Flag),
        FactKind.Choice => nameof(Choice),
        _ => nameof(Year),
    };

    public int DateIndex(TimelineFact fact) => Question.Facts.Where(f => f.Kind == FactKind.Date).ToList().IndexOf(fact);

    protected bool Load(string process)
    {
        if (TimelineQuestions.Find(process) is not { } question)
        {
            return false;
        }

        Question = question;
        Today = time.TodayInUk();
        // One set of boxes per date the question asks for, whatever else came in the query string.
        Dates = Enumerable.Range(0, question.Facts.Count(f => f.Kind == FactKind.Date)).Select(i => new DateParts
        {
            Day = Request.Query[$"Dates[{i}].Day"],
            Month = Request.Query[$"Dates[{i}].Month"],
            Year = Request.Query[$"Dates[{i}].Year"],
        }).ToList();
        return true;
    }

    /// <summary>The answer for the facts sent, or null with each problem added to the page's errors.</summary>
    protected TimelineAnswer? ReadAnswer()
    {
        var values = new Dictionary<string, string>();
        var given = new List<(string, string)>();
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
                    else if (date is { } value)
                    {
                        values[fact.Name] = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        given.Add((fact.CapitalisedLabel, UkDates.Date(value)));
                    }

                    break;
                case FactKind.Flag:
                    values[fact.Name] = Flag ? "true" : "false";
                    if (Flag)
                    {
                        given.Add((TimelineQuestions.Capitalise(fact.Label), "Yes"));
                    }

                    break;
                case FactKind.Choice:
                    values[fact.Name] = Choice ?? "";
                    if (fact.Options.FirstOrDefault(o => o.Value == Choice).Text is { } chosen)
                    {
                        given.Add((fact.CapitalisedLabel, chosen));
                    }

                    break;
                default:
                    values[fact.Name] = Year ?? "";
                    if (!string.IsNullOrWhiteSpace(Year))
                    {
                        given.Add((fact.CapitalisedLabel, Year.Trim()));
                    }

                    break;
            }
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var answer = Question.Answer(name => values.TryGetValue(name, out var value) ? [value] : [], Timescales.England);
        if (answer.Timeline is null)
        {
            foreach (var error in answer.Errors)
            {
                ModelState.AddModelError(FieldFor(Question.Facts.Single(f => f.Name == error.Name)), error.PageMessage);
            }

            return null;
        }

        FactsGiven = given;
        Progress = answer.Progress is { } facts
            ? StatutoryProgress.Of(facts.Process, facts.Events, Today, Timescales.England, underFive: facts.UnderFive)
            : null;
        return answer;
    }
}
