using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.DataRights;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Corrections;

/// <summary>One request to correct words: what was asked and by when, and the answer; the author or their organisation's admin answers here.</summary>
[ChildPage(Capability.ViewRecord)]
public sealed class CorrectionModel(CorrectionService corrections, TimeProvider timeProvider, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public DateOnly Today => timeProvider.TodayInUk();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CorrectionRequest Correction { get; private set; } = default!;

    public bool MayAnswer { get; private set; }

    public static IReadOnlyList<Option> Choices { get; } =
    [
        new("true", "Yes, correct the words", "The corrected words are shown in their place, marked as corrected at the family's request. The words as they were are kept."),
        new("false", "No, keep the words as they are", "Say why. The family will read it, with how to complain to the Information Commissioner's Office."),
    ];

    public sealed class InputModel
    {
        [Display(Name = "Will you correct the words?")]
        public bool? Correct { get; set; }

        [Display(Name = "The corrected words")]
        public string? CorrectedWords { get; set; }

        [Display(Name = "Why, in words for the family")]
        public string? Explanation { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid correctionId)
    {
        if (await LoadAsync(correctionId) is { } refused)
        {
            return refused;
        }

        Input.CorrectedWords = Correction.SuggestedWords ?? Correction.Words;
        return Page();
    }

    // The right to have words corrected lasts as long as they are kept, so a closed record still takes it.
    [WhileClosed]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid correctionId)
    {
        if (await LoadAsync(correctionId) is { } refused)
        {
            return refused;
        }

        // Anyone else who sends the form is told who answers, and nothing changes.
        var result = await corrections.AnswerAsync(Access, correctionId, new AnswerCorrectionOptions(Input.Correct, Input.CorrectedWords, Input.Explanation), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm(result.Value!.Status == CorrectionStatus.Corrected ? "The words are corrected" : "Your answer is sent", "The family has been told.");
        return Redirect(ChildLinks.Correction(childId, correctionId));
    }

    private async Task<IActionResult?> LoadAsync(Guid requestId)
    {
        if (await corrections.FindAsync(Access, requestId) is not { } request)
        {
            return NotFound();
        }

        Correction = request;
        MayAnswer = request.IsWaiting && !Access.IsFamily && await corrections.MayAnswerAsync(request, (await CurrentUser.GetAsync())!.Account.Id);
        DescribeRead(request.Part, "A request to correct words");
        return null;
    }
}
