using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Errors;

/// <summary>The page shown for every error status, in plain words; the original status code is kept.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageBase
{
    public string Title { get; private set; } = "";
    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        // Reached directly (not as the re-run of a failed request), the page keeps a sensible status of its own.
        var status = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = status;
        (Title, Paragraphs) = status switch
        {
            400 => ("Sorry, there is a problem with what was sent",
                (IReadOnlyList<string>)["Nothing has been changed.", "If you were filling in a form, go back, refresh the page and try again. This can happen if the page was open for a long time."]),
            403 => ("You do not have permission to see this page",
                ["If you think you should be able to, ask the person who manages your access, such as your organisation's admin or the child's family."]),
            404 => ("Page not found",
                ["If you typed the web address, check it is correct.", "If you pasted the web address, check you copied the entire address.", "If you followed a link to a child's record, you may not have access to it. Ask the child's family or key worker."]),
            405 => ("Sorry, there is a problem with what was sent", ["Nothing has been changed. Go back and try again."]),
            423 => ("This record is closed",
                ["Nothing has been changed: a closed record cannot be added to.", "You can still read it, and the family can download a copy until it is erased. If it should not be closed, ask the local authority's SEND team to reopen it."]),
            429 => ("Too many attempts", ["Wait a few minutes and try again."]),
            _ => ("Sorry, there is a problem with the service",
                ["Try again later. If you were saving something, nothing has been lost: either it was saved in full, or not at all.", "If the problem carries on, tell your organisation's admin or your local authority's SEND team."]),
        };
        return Page();
    }
}
