using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Statutory.Events;

/// <summary>The local authority corrects the date of something the family recorded, saying why; the family's date stays visible.</summary>
[ChildPage(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess)]
public sealed class CorrectModel(StatutoryService statutory, LanguageAdvice advice, CurrentUser currentUser) : StatutoryPageBase(statutory, currentUser)
{
    public StatutoryEvent Event { get; private set; } = default!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

        [Display(Name = "The correct date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Why is the date different?")]
        public string? Reason { get; set; }
    }

    private async Task<IActionResult?> LoadAsync(Guid childId, Guid processId, Guid eventId)
    {
        if (await LoadProcessAsync(childId, processId) is { } refused)
        {
            return refused;
        }

        if (Access.IsFamily)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Process.Events.SingleOrDefault(e => e.Id == eventId) is not { } found)
        {
            return NotFound();
        }

        Event = found;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid processId, Guid eventId) =>
        await LoadAsync(childId, processId, eventId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid processId, Guid eventId)
    {
        if (await LoadAsync(childId, processId, eventId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Advice = await advice.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.Reason", "Reason", Input.Reason));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await Statutory.CorrectAsync(Access, new(processId, eventId, Input.Date, Input.Reason), await CurrentUser.ActorAsync());
        if (result.Error is { } error)
        {
            return Invalid(error);
        }

        Confirm("Date corrected", "The family's date is kept beside the correction.");
        return Redirect(ChildLinks.StatutoryProcess(childId, processId));
    }
}
