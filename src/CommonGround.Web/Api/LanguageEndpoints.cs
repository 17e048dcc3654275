using System.Text.Json;
using CommonGround.Core.Language;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Api;

public sealed record LanguageCheckRequest(string? Text);

public sealed record LanguageCheckFinding(int Start, int Length, string Phrase, string Category, string Explanation, string Suggestion);

public sealed record LanguageCheckResponse(IReadOnlyList<LanguageCheckFinding> Findings);

/// <summary>
/// The respectful-language advisor for anyone to use, signed in or not: it reads the text, answers, and keeps nothing.
/// </summary>
public static class LanguageEndpoints
{
    /// <summary>Generous for a body of up to 20,000 characters, even with every character escaped.</summary>
    private const long MaxBodyBytes = 256 * 1024;

    public static void MapLanguageEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/language/check", CheckAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            // The server stops reading a body larger than this, whether or not it says its length.
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimits.Api)
            .WithName("CheckLanguage")
            .WithSummary("Suggests rewording for labels and blame in a piece of writing")
            .WithDescription("Nothing sent is stored. Text may be up to 20,000 characters. Each finding gives where the phrase starts (0-based, in UTF-16 code units), its length, its category, why it harms partnership and what to write instead.")
            .Accepts<LanguageCheckRequest>("application/json")
            .Produces<LanguageCheckResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<LanguageCheckResponse>, ProblemHttpResult>> CheckAsync(HttpRequest request, RespectfulLanguageAdvisor advisor, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Problem("The request is too large. Send text of up to 20,000 characters.");
        }

        LanguageCheckRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<LanguageCheckRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return Problem("The request must be JSON like {\"text\": \"...\"}.");
        }
        catch (BadHttpRequestException)
        {
            return Problem("The request is too large. Send text of up to 20,000 characters.");
        }

        if (body?.Text is not { } text)
        {
            return Problem("Send the text to check as \"text\".");
        }

        if (text.Length > RespectfulLanguageAdvisor.MaxTextLength)
        {
            return Problem($"The text is {text.Length:N0} characters long. Send up to {RespectfulLanguageAdvisor.MaxTextLength:N0} characters at a time.");
        }

        var findings = advisor.Check(text)
            .Select(f => new LanguageCheckFinding(f.Start, f.Length, f.Phrase, f.Category.Slug(), f.Explanation, f.Suggestion))
            .ToList();
        return TypedResults.Ok(new LanguageCheckResponse(findings));
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read");
}
