using System.Text.Json;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Api;

public sealed record ProgressDeadlineResponse(string Key, DateOnly Date, string Rule, string Status, string Explanation, string Actor, string State, DateOnly? DoneOn);

public sealed record ProgressResponse(IReadOnlyList<ProgressDeadlineResponse> Deadlines, IReadOnlyList<TimescaleException> Exceptions, IReadOnlyList<string> Next, IReadOnlyList<string> Notes);

/// <summary>
/// Where each statutory date stands, from what has happened: the same engine a child's record uses, for anyone, signed
/// in or not. Nothing sent is stored.
/// </summary>
public static class ProgressEndpoints
{
    private const long MaxBodyBytes = 64 * 1024;

    public static void MapProgressEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/timescales/{process}/progress", ProgressAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimits.Api)
            .WithName("GetProgress")
            .WithSummary("Says where each statutory date of a process stands on a day, from the events that have happened")
            .WithDescription(Description())
            // Routing answers 415 for a body that is not JSON, as problem details, before this runs.
            .Accepts<ProgressInput>("application/json")
            .Produces<ProgressResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<ProgressResponse>, ValidationProblem>> ProgressAsync(string process, HttpRequest request, CancellationToken cancellationToken)
    {
        ProgressInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<ProgressInput>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body must be JSON like {\"asOf\": \"2026-11-30\", \"events\": [{\"event\": \"request-received\", \"date\": \"2026-09-01\"}]} and no larger than 64 KB."] },
                title: "The request could not be read");
        }

        var (question, errors) = ProgressInputReader.Read(process, input);
        if (question is null)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                detail: string.Join(" ", errors.Select(e => e.Message)),
                title: "Where the dates stand could not be worked out from what was given");
        }

        var progress = StatutoryProgress.Of(question.Process, question.Events, question.AsOf, Timescales.England, question.BornOn);
        return TypedResults.Ok(progress.ToResponse());
    }

    public static ProgressResponse ToResponse(this ProcessProgress progress) => new(
        progress.Deadlines.Select(d => new ProgressDeadlineResponse(
            d.Deadline.Key, d.Deadline.Date, d.Deadline.Rule.Source, d.Deadline.Rule.Status.Slug(),
            d.Deadline.Note is null ? d.Deadline.Rule.Explanation : $"{d.Deadline.Rule.Explanation} {d.Deadline.Note}",
            d.Actor.Slug(), d.State.Slug(), d.DoneOn)).ToList(),
        progress.Exceptions.Select(e => new TimescaleException(e.Key, e.Applies, e.Explanation)).ToList(),
        progress.Next.Select(d => d.Deadline.Key).ToList(),
        progress.Notes);

    private static string Description() =>
        "Give the day to judge on (`asOf`) and the events that happened, each with its `event`, `date` (YYYY-MM-DD), and "
        + "where the event needs them an `endDate` (an absence or a school closure) and a `detail` (which move; the decision "
        + "after a review: keep, amend or cease; what a Tribunal ordered: assess or make-and-maintain). An optional `bornOn` "
        + "lets an annual review know the child is under five. Each date comes back with whose it is (`actor`: local-authority, "
        + "family, setting or advice-giver) and its `state` on that day: upcoming, met, late, missed, closed (a family's "
        + "right that passed unused: never a failure), not-applicable or lapsed. `next` lists what should still happen, "
        + "earliest first. Nothing sent is stored. The processes and their events:\n\n"
        + string.Join("\n", Enum.GetValues<StatutoryProcessKind>().Select(k =>
            $"- `{k.Slug()}` (starts with `{k.FirstEvent().Slug()}`): {string.Join(", ", k.Events().Select(e => $"`{e.Slug()}`"))}"));
}
