using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.DataRights;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Corrections;

/// <summary>The family points at a professional's words about their child and says what is wrong with them.</summary>
[ChildPage(Capability.ViewRecord)]
public sealed class NewModel(CorrectionService corrections, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CorrectableWords Words { get; private set; } = default!;

    public sealed class InputModel
    {
        [Display(Name = "What is wrong with these words?")]
        public string? WhatIsWrong { get; set; }

        [Display(Name = "What should they say instead? (optional)")]
        public string? SuggestedWords { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string correctable, Guid subjectId) => await LoadAsync(correctable, subjectId) ?? Page();

    // The right to have words corrected lasts as long as they are kept, so a closed record still takes it.
    [WhileClosed]
    public async Task<IActionResult> OnPostAsync(Guid childId, string correctable, Guid subjectId)
    {
        if (await LoadAsync(correctable, subjectId) is { } refused)
        {
            return refused;
        }

        var result = await corrections.AskAsync(Access, new AskForCorrectionOptions(Words.Kind, Words.SubjectId, Input.WhatIsWrong, Input.SuggestedWords), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"You asked {result.Value!.OrganisationName} to correct these words",
            $"They must answer by {Core.Time.UkDates.Date(result.Value.DueOn)}. We will tell you when they do.");
        return Redirect(ChildLinks.Correction(childId, result.Value.Id));
    }

    /// <summary>The words must be a professional's, in a part of the record the person sees (404 otherwise); only the family asks (403).</summary>
    private async Task<IActionResult?> LoadAsync(string correctable, Guid subjectId)
    {
        if (CorrectableKinds.FromSlug(correctable) is not { } kind || await corrections.WordsAsync(Access, kind, subjectId) is not { } words)
        {
            return NotFound();
        }

        if (!Access.IsFamily)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Words = words;
        return null;
    }
}
