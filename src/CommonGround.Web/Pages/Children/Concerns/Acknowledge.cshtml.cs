using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>The owner acknowledges a concern, with a short message if they want; the person who raised it is told.</summary>
public sealed class AcknowledgeModel(ConcernStepService steps, ConcernService concerns, LanguageAdvice advice, CurrentUser currentUser)
    : ConcernPageBase(concerns, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Message to go with it (optional)")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "Your message must be 4,000 characters or fewer")]
        public string? Text { get; set; }

        public Guid Version { get; set; }
        public bool SaveAnyway { get; set; }
    }

    [ChildPage(Capability.RespondToConcern, RecordArea.Concerns)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid concernId)
    {
        if (await LoadForOwnerAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Version = Concern.Version };
        return Page();
    }

    [ChildPage(Capability.RespondToConcern, RecordArea.Concerns)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid concernId)
    {
        if (await LoadForOwnerAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        return await WriteAsync(advice, Input.SaveAnyway, [new WrittenField("Input.Text", "Your message", Input.Text)],
            actor => steps.AcknowledgeAsync(Access, concernId, Input.Text, Input.Version, actor),
            concern => ("Concern acknowledged", $"{concern.RaisedByName} has been told. Respond in full by {UkDates.DayAndDate(concern.RespondBy)}."),
            v => Input.Version = v);
    }
}
