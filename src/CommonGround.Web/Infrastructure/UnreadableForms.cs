namespace CommonGround.Web.Infrastructure;

/// <summary>
/// A form the server cannot read at all (a character no form can carry, a body cut short) is answered with the
/// "there is a problem with what was sent, nothing has been changed" page, before anything acts on it.
/// </summary>
public sealed class UnreadableForms(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The error page shown for it is the same request run again: it must not be refused a second time.
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                // The error page is shown by running this request again for it: as a plain GET, with no body left to read.
                context.Request.Method = HttpMethods.Get;
                context.Request.ContentType = null;
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }

        await next(context);
    }
}
