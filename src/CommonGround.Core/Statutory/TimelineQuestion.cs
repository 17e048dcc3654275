using System.Globalization;
using CommonGround.Core.Time;

namespace CommonGround.Core.Statutory;

public enum FactKind
{
    Date,
    Flag,
    Choice,
    Year,
}

/// <summary>One fact a timeline is worked out from, named as in the public API ("requestReceived").</summary>
public sealed record TimelineFact(string Name, FactKind Kind, string Label, bool Required, string? Hint = null)
{
    /// <summary>The label to start a sentence or an error message with: "The date the draft plan was sent to you".</summary>
    public string CapitalisedLabel => TimelineQuestions.Capitalise(Label);

    /// <summary>For a choice: each value as sent, with its plain-English text.</summary>
    public IReadOnlyList<(string Value, string Text)> Options { get; init; } = [];

    /// <summary>Something that happened after the start, asked only to tell which dates were met; it moves no date.</summary>
    public bool HappenedSince { get; init; }
}

/// <summary>What was wrong with one fact: <paramref name="Message"/> for the API, naming the parameter; <paramref name="PageMessage"/> for people.</summary>
public sealed record FactError(string Name, string Message, string PageMessage);

/// <summary>
/// One starting event someone can look up ("I got a draft plan"): the facts it needs and how its dates are worked out.
/// The public API and the "Check your dates" page both read facts through these, so they accept and refuse the same things.
/// </summary>
public sealed class TimelineQuestion
{
    public required string Process { get; init; }

    /// <summary>How a family would say it happened: "I got a draft EHC plan".</summary>
    public required string WhatHappened { get; init; }

    public required string Hint { get; init; }

    public required IReadOnlyList<TimelineFact> Facts { get; init; }

    public required Func<TimelineFacts, Timescales, Timeline> Compute { get; init; }

    /// <summary>
    /// For a question about a process the record also follows: the facts as the process's events, so the progress engine
    /// says where each date stands today, as it would on a child's record.
    /// </summary>
    public Func<TimelineFacts, ProgressQuestionFacts>? Progress { get; init; }

    /// <summary>Cross-checks between facts, after each one has been read.</summary>
    public Func<TimelineFacts, IEnumerable<FactError>> Check { get; init; } = _ => [];

    /// <summary>Reads the facts from raw values (ISO dates, "true"), checks them, and works out the timeline.</summary>
    public TimelineAnswer Answer(Func<string, IReadOnlyList<string>> values, Timescales timescales)
    {
        var facts = new TimelineFacts();
        var errors = new List<FactError>();
        foreach (var fact in Facts)
        {
            var given = values(fact.Name);
            if (given.Count > 1)
            {
                errors.Add(new(fact.Name, $"Give {fact.Name} once.", $"Enter {fact.Label} once"));
                continue;
            }

            var value = given.Count == 1 ? given[0].Trim() : "";
            if (value.Length == 0)
            {
                if (fact.Required)
                {
                    errors.Add(Missing(fact));
                }

                continue;
            }

            if (Read(fact, value, facts) is { } error)
            {
                errors.Add(error);
            }
        }

        if (errors.Count == 0)
        {
            errors.AddRange(Check(facts));
        }

        return errors.Count > 0 ? new(null, errors) : new(Compute(facts, timescales), [], Progress?.Invoke(facts));
    }

    private static FactError Missing(TimelineFact fact) => fact.Kind switch
    {
        FactKind.Date => new(fact.Name, $"{fact.Name} is required: give {fact.Label} as YYYY-MM-DD.", $"Enter {fact.Label}"),
        FactKind.Year => new(fact.Name, $"{fact.Name} is required: give {fact.Label} as 4 digits.", $"Enter {fact.Label}"),
        _ => new(fact.Name, $"{fact.Name} is required: give one of {string.Join(", ", fact.Options.Select(o => o.Value))}.", $"Select {fact.Label}"),
    };

    private static FactError? Read(TimelineFact fact, string value, TimelineFacts facts)
    {
        switch (fact.Kind)
        {
            case FactKind.Date:
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return new(fact.Name, $"{fact.Name} must be a real date written as YYYY-MM-DD, for example 2025-09-01; '{value.ShortenTo(41)}' is not.", $"{fact.CapitalisedLabel} must be a real date");
                }

                if (date < TimelineQuestions.EarliestDate || date > TimelineQuestions.LatestDate)
                {
                    return new(fact.Name, $"{fact.Name} must be from {TimelineQuestions.EarliestDate:yyyy-MM-dd} (when these rules began) to {TimelineQuestions.LatestDate:yyyy-MM-dd}.", $"{fact.CapitalisedLabel} must be between {UkDates.Date(TimelineQuestions.EarliestDate)} and {UkDates.Date(TimelineQuestions.LatestDate)}");
                }

                facts.Dates[fact.Name] = date;
                return null;
            case FactKind.Flag:
                if (!bool.TryParse(value, out var flag))
                {
                    return new(fact.Name, $"{fact.Name} must be true or false.", $"Select whether {fact.Label}");
                }

                facts.Flags[fact.Name] = flag;
                return null;
            case FactKind.Year:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < TimelineQuestions.EarliestDate.Year + 1 || year > TimelineQuestions.LatestDate.Year)
                {
                    return new(fact.Name, $"{fact.Name} must be a year from {TimelineQuestions.EarliestDate.Year + 1} to {TimelineQuestions.LatestDate.Year}.", $"{fact.CapitalisedLabel} must be a year from {TimelineQuestions.EarliestDate.Year + 1} to {TimelineQuestions.LatestDate.Year}");
                }

                facts.Numbers[fact.Name] = year;
                return null;
            default:
                if (!fact.Options.Any(o => o.Value == value))
                {
                    return new(fact.Name, $"{fact.Name} must be one of {string.Join(", ", fact.Options.Select(o => o.Value))}; '{value.ShortenTo(41)}' is not.", $"Select {fact.Label}");
                }

                facts.Choices[fact.Name] = value;
                return null;
        }
    }

}

/// <summary>A calculator question's facts as a process's events; <paramref name="UnderFive"/> for an annual review.</summary>
public sealed record ProgressQuestionFacts(StatutoryProcessKind Process, IReadOnlyList<ProgressEvent> Events, bool? UnderFive = null);

/// <summary>A timeline, or what was wrong with the facts given for it.</summary>
public sealed record TimelineAnswer(Timeline? Timeline, IReadOnlyList<FactError> Errors, ProgressQuestionFacts? Progress = null);

/// <summary>The facts read for one question, by API name.</summary>
public sealed class TimelineFacts
{
    internal Dictionary<string, DateOnly> Dates { get; } = [];

    internal Dictionary<string, bool> Flags { get; } = [];

    internal Dictionary<string, int> Numbers { get; } = [];

    internal Dictionary<string, string> Choices { get; } = [];

    public DateOnly Date(string name) => Dates[name];

    public DateOnly? OptionalDate(string name) => Dates.TryGetValue(name, out var date) ? date : null;

    public bool Flag(string name) => Flags.GetValueOrDefault(name);

    public int? Number(string name) => Numbers.TryGetValue(name, out var number) ? number : null;

    public string? Choice(string name) => Choices.GetValueOrDefault(name);
}
