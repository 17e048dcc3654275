using CommonGround.Core;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommonGround.Web.Api;

public sealed record TimescaleDeadline(string Key, DateOnly Date, string Rule, string Status, string Explanation);

public sealed record TimescaleException(string Key, bool Applies, string Explanation);

public sealed record TimescaleResponse(string Jurisdiction, IReadOnlyList<TimescaleDeadline> Deadlines, IReadOnlyList<TimescaleException> Exceptions, IReadOnlyList<string> Notes);

/// <summary>
/// Statutory dates for anyone, signed in or not: the caller gives the facts in the query string, and the answer keeps
/// nothing. The facts each process takes are the same the "Check your dates" page asks for.
/// </summary>
public static class TimescaleEndpoints
{
    public static void MapTimescaleEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/timescales/{process}", Get)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Api)
            .WithName("GetTimescales")
            .WithSummary("Works out the statutory dates that follow an event in an EHC needs assessment, review, transfer, mediation or appeal")
            .WithDescription(Description())
            .Produces<TimescaleResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static Results<Ok<TimescaleResponse>, ValidationProblem, ProblemHttpResult> Get(string process, HttpRequest request)
    {
        if (TimelineQuestions.Find(process) is not { } question)
        {
            return TypedResults.Problem(
                title: "There is no such process",
                detail: $"'{process.ShortenTo(41)}' is not a process. Use one of: {string.Join(", ", TimelineQuestions.All.Select(q => q.Process))}.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var answer = question.Answer(name => request.Query[name].Where(v => v is not null).Select(v => v!).ToList(), Timescales.England);
        if (answer.Timeline is not { } timeline)
        {
            return TypedResults.ValidationProblem(
                answer.Errors.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                detail: string.Join(" ", answer.Errors.Select(e => e.Message)),
                title: "The dates could not be worked out from what was given");
        }

        return TypedResults.Ok(timeline.ToResponse());
    }

    public static TimescaleResponse ToResponse(this Timeline timeline) => new(
        "england",
        timeline.Deadlines.Select(d => new TimescaleDeadline(d.Key, d.Date, d.Rule.Source, d.Rule.Status.Slug(), d.Note is null ? d.Rule.Explanation : $"{d.Rule.Explanation} {d.Note}")).ToList(),
        timeline.Exceptions.Select(e => new TimescaleException(e.Key, e.Applies, e.Explanation)).ToList(),
        timeline.Notes);

    private static string Description() =>
        "Dates are YYYY-MM-DD and nothing sent is stored. Each deadline gives its key, date, the rule (its legal source), "
        + "the rule's status (statutory, guidance, case-law or derived) and a plain-English explanation. Exceptions never "
        + "change a date: they say whether one may apply on the facts given. Missing or impossible facts give 400 with the "
        + "parameter named. The processes and their query parameters (* required):\n\n"
        + string.Join("\n", TimelineQuestions.All.Select(q =>
            $"- `{q.Process}`: {string.Join(", ", q.Facts.Select(f => $"`{f.Name}`{(f.Required ? "*" : "")}{FactFormat(f)}"))}"));

    private static string FactFormat(TimelineFact fact) => fact.Kind switch
    {
        FactKind.Date => " (date)",
        FactKind.Flag => " (true/false)",
        FactKind.Year => " (year)",
        _ => $" ({string.Join(" | ", fact.Options.Select(o => o.Value))})",
    };
}
