using CommonGround.Core.Data;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Infrastructure;

/// <summary>
/// Every form a signed-in person sends carries a one-time id. The first sending does the work; a second sending of the
/// same form (a double click, two tabs, the browser resending) waits for the first and is shown where it led, so nothing
/// is done twice and nobody sees an error for being in a hurry. A sending that was refused for its input frees the id,
/// so the corrected form can be sent.
/// </summary>
public sealed class OnceOnlyForms(CurrentUser currentUser, IServiceScopeFactory scopes, TimeProvider timeProvider) : IAsyncPageFilter
{
    public const string FieldName = "__FormId";
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        // An error page shown for a form is the same request run again; the form has already had its one go.
        if (!HttpMethods.IsPost(http.Request.Method) || currentUser.UserId is not { } userId || !http.Request.HasFormContentType
            || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
            || !Guid.TryParse(http.Request.Form[FieldName], out var formId))
        {
            await next();
            return;
        }

        if (!await ClaimAsync(formId, userId))
        {
            if (await AnswerAgainAsync(formId, userId, http) is { } answer)
            {
                context.Result = answer;
                return;
            }
        }
        else
        {
            http.Response.OnStarting(() => FinishAsync(formId, http));
        }

        await next();
    }

    private async Task<bool> ClaimAsync(Guid formId, Guid userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var now = timeProvider.UtcNow();
        // Ids older than a day are cleared by the hourly retention job, not by each sending.
        db.FormSubmissions.Add(new FormSubmission { Id = formId, UserAccountId = userId, StartedAt = now });
        return await db.TrySaveAsync();
    }

    /// <summary>Where the first sending led, once it has finished; null when it was refused, so this one should run.</summary>
    private async Task<IActionResult?> AnswerAgainAsync(Guid formId, Guid userId, HttpContext http)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
            var first = await db.FormSubmissions.AsNoTracking().SingleOrDefaultAsync(f => f.Id == formId);
            if (first is null)
            {
                return null;
            }

            if (first.UserAccountId != userId)
            {
                return new BadRequestResult();
            }

            if (first.FinishedAt is not null || waited.Elapsed > WaitForFirst)
            {
                // The first sending's page is where the person would have landed; failing that, the form's own page shows how things stand now.
                return new RedirectResult(first.ResultLocation ?? $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}");
            }

            // Real time: this waits for another request, not for anything the service's clock decides.
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task FinishAsync(Guid formId, HttpContext http)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var status = http.Response.StatusCode;
        if (status is >= 200 and < 400)
        {
            var location = http.Response.Headers.Location.ToString();
            var local = location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) ? location : null;
            var now = timeProvider.UtcNow();
            await db.FormSubmissions.Where(f => f.Id == formId)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.FinishedAt, now).SetProperty(f => f.ResultLocation, local));
        }
        else
        {
            await db.FormSubmissions.Where(f => f.Id == formId).ExecuteDeleteAsync();
        }
    }
}

/// <summary>Adds the one-time id <see cref="OnceOnlyForms"/> reads to every form that posts.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class OnceOnlyFormTagHelper : TagHelper
{
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"""<input type="hidden" name="{OnceOnlyForms.FieldName}" value="{Guid.NewGuid()}">""");
        }
    }
}
