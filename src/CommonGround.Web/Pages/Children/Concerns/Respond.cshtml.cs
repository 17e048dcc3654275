using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Concerns;
using CommonGround.Core.Access;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>The owner answers a concern in full; it stays open until it is resolved.</summary>
public sealed class RespondModel(ConcernStepService steps, ConcernService concerns, LanguageAdvice advice, CurrentUser currentUser)
    : ConcernPageBase(concerns, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Your response")]
        [Required(ErrorMessage = "Enter your response")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "Your response must be 4,000 characters or fewer")]
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

        return await WriteAsync(advice, Input.SaveAnyway, [new WrittenField("Input.Text", "Your response", Input.Text)],
            actor => steps.RespondAsync(Access, concernId, Input.Text, Input.Version, actor),
            concern => ("Response sent", $"{concern.RaisedByName} has been told. When it is sorted, resolve it and say what was done."),
            v => Input.Version = v);
    }
}
