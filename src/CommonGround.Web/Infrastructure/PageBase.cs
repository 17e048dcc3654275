using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Links;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CommonGround.Web.Infrastructure;

/// <summary>What every CommonGround page shares: how it shows invalid input and how it leaves a message for the next page.</summary>
public abstract class PageBase : PageModel
{
    /// <summary>Shows the page again with its error summary and a 400 status; nothing has been written.</summary>
    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Shows a domain error next to its field (under <paramref name="prefix"/>) or at the top of the form.</summary>
    protected IActionResult Invalid(Error error, string prefix = "Input")
    {
        ModelState.AddModelError(error.Field is null ? string.Empty : $"{prefix}.{error.Field}", error.Message);
        return Invalid();
    }

    /// <summary>A green banner on the next page, e.g. after a change was saved.</summary>
    protected void Confirm(string heading, string? detail = null)
    {
        TempData[Flash.Heading] = heading;
        if (detail is not null)
        {
            TempData[Flash.Detail] = detail;
        }
    }

    /// <summary>This page lists these children: each is logged as seen, for their family's "who has seen".</summary>
    protected void ShowsChildren(IEnumerable<Guid> childIds, string what) =>
        HttpContext.RequestServices.GetRequiredService<ChildReadLog>().SawEach(childIds, what);

    /// <summary>A link to a page for use outside the service (an email, a share link), from the configured public address.</summary>
    protected string AbsoluteUrl(string page, object? values = null) =>
        HttpContext.RequestServices.GetRequiredService<PublicAddress>().For(
            Url.Page(page, pageHandler: null, values: values) ?? throw new InvalidOperationException($"No page at {page}."));
}

public static class Flash
{
    public const string Heading = "cg.flash.heading";
    public const string Detail = "cg.flash.detail";

    public static (string Heading, string? Detail)? Take(ITempDataDictionary tempData) =>
        tempData[Heading] is string heading ? (heading, tempData[Detail] as string) : null;
}
