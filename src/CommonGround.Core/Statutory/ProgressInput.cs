using System.Globalization;

namespace CommonGround.Core.Statutory;

/// <summary>One event as someone outside the service sends it: the event's name, its dates as YYYY-MM-DD, and any detail.</summary>
public sealed record ProgressInputEvent(string? Event, string? Date, string? EndDate = null, string? Detail = null);

/// <summary>A question for the progress engine as sent: the day to judge on, what happened, and (for an under-five's review) a date of birth.</summary>
public sealed record ProgressInput(string? AsOf, IReadOnlyList<ProgressInputEvent>? Events, string? BornOn = null);

/// <summary>What was wrong with one part of the input, named as it was sent ("events[2].date").</summary>
public sealed record ProgressInputError(string Name, string Message);

/// <summary>A question the engine can answer: the process, its events in order, the day, and a date of birth if given.</summary>
public sealed record ProgressQuestion(StatutoryProcessKind Process, IReadOnlyList<ProgressEvent> Events, DateOnly AsOf, DateOnly? BornOn);

/// <summary>
/// Reads and checks input for the progress engine, so every wrong part is named in one answer: an unknown process or
/// event, an impossible date, an event that does not belong to the process, a missing starting event.
/// </summary>
public static class ProgressInputReader
{
    public const int MaxEvents = 200;

    public static (ProgressQuestion? Question, IReadOnlyList<ProgressInputError> Errors) Read(string? process, ProgressInput? input)
    {
        var errors = new List<ProgressInputError>();
        if (StatutoryTerms.ProcessFromSlug(process) is not { } kind)
        {
            errors.Add(new("process", $"'{(process ?? "").ShortenTo(41)}' is not a process. Use one of: {string.Join(", ", Enum.GetValues<StatutoryProcessKind>().Select(k => k.Slug()))}."));
            return (null, errors);
        }

        if (input is null)
        {
            errors.Add(new("body", "Send JSON like {\"asOf\": \"2026-11-30\", \"events\": [{\"event\": \"request-received\", \"date\": \"2026-09-01\"}]}."));
            return (null, errors);
        }

        var asOf = ReadDate("asOf", input.AsOf, required: true, errors);
        var bornOn = ReadDate("bornOn", input.BornOn, required: false, errors);
        var events = new List<ProgressEvent>();
        if (input.Events is not { Count: > 0 } given)
        {
            errors.Add(new("events", $"Give at least the event that starts the process: {kind.FirstEvent().Slug()}."));
            return (null, errors);
        }

        if (given.Count > MaxEvents)
        {
            errors.Add(new("events", $"Give at most {MaxEvents} events."));
            return (null, errors);
        }

        for (var i = 0; i < given.Count; i++)
        {
            var name = $"events[{i}]";
            var sent = given[i];
            if (sent is null)
            {
                errors.Add(new(name, "Each event must be an object like {\"event\": \"request-received\", \"date\": \"2026-09-01\"}."));
                continue;
            }

            if (StatutoryTerms.EventFromSlug(sent.Event?.Trim()) is not { } eventKind)
            {
                errors.Add(new($"{name}.event", $"'{(sent.Event ?? "").ShortenTo(41)}' is not an event. For {kind.Slug()} use one of: {string.Join(", ", kind.Events().Select(e => e.Slug()))}."));
                continue;
            }

            if (!kind.Events().Contains(eventKind))
            {
                errors.Add(new($"{name}.event", $"'{eventKind.Slug()}' is not part of {kind.Slug()}. Use one of: {string.Join(", ", kind.Events().Select(e => e.Slug()))}."));
                continue;
            }

            var date = ReadDate($"{name}.date", sent.Date, required: true, errors);
            var term = eventKind.Term();
            var endDate = ReadDate($"{name}.endDate", sent.EndDate, required: term.EndLabel is not null, errors);
            if (date is { } start && endDate is { } end && end < start)
            {
                errors.Add(new($"{name}.endDate", $"{name}.endDate must be the same as or after its date."));
            }

            var detail = string.IsNullOrWhiteSpace(sent.Detail) ? null : sent.Detail.Trim();
            if (term.DetailOptions.Count > 0 && !term.DetailOptions.Any(o => o.Value == detail))
            {
                errors.Add(new($"{name}.detail", $"{eventKind.Slug()} needs detail, one of: {string.Join(", ", term.DetailOptions.Select(o => o.Value))}."));
            }
            else if (detail?.Length > StatutoryEvent.MaxDetailLength)
            {
                errors.Add(new($"{name}.detail", $"{name}.detail must be {StatutoryEvent.MaxDetailLength} characters or fewer."));
            }

            if (date is { } occurred)
            {
                events.Add(new(eventKind, occurred, endDate, detail));
            }
        }

        if (errors.Count == 0 && !events.Any(e => e.Kind == kind.FirstEvent()))
        {
            errors.Add(new("events", $"Give the event that starts {kind.Slug()}: {kind.FirstEvent().Slug()}."));
        }

        return errors.Count > 0 ? (null, errors) : (new ProgressQuestion(kind, events, asOf!.Value, bornOn), errors);
    }

    private static DateOnly? ReadDate(string name, string? value, bool required, List<ProgressInputError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(name, $"{name} is missing. Give a date as YYYY-MM-DD."));
            }

            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(name, $"{name} must be a real date as YYYY-MM-DD ('{value.ShortenTo(41)}' is not)."));
            return null;
        }

        if (date < TimelineQuestions.EarliestDate.AddYears(-26) || date > TimelineQuestions.LatestDate)
        {
            errors.Add(new(name, $"{name} must be from {TimelineQuestions.EarliestDate.AddYears(-26):yyyy-MM-dd} to {TimelineQuestions.LatestDate:yyyy-MM-dd}."));
            return null;
        }

        return date;
    }
}
