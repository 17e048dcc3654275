using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.CheckYourDates;

/// <summary>"Check your dates", step one: what happened. Open to anyone, and it keeps nothing.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageBase
{
    public static IReadOnlyList<Option> WhatHappened { get; } =
        TimelineQuestions.All.Select(q => new Option(q.Process, q.WhatHappened, q.Hint)).ToList();

    [BindProperty(SupportsGet = true)]
    public string? Process { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetChoose()
    {
        if (TimelineQuestions.Find(Process) is { } question)
        {
            return RedirectToPage("Dates", new { process = question.Process });
        }

        ModelState.AddModelError(nameof(Process), "Select what happened");
        return Invalid();
    }
}
