using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>"You said, we did": the owner says what was asked for and what was done; the person who raised it then decides.</summary>
public sealed class ResolveModel(ConcernStepService steps, ConcernService concerns, LanguageAdvice advice, CurrentUser currentUser)
    : ConcernPageBase(concerns, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "You said")]
        [Required(ErrorMessage = "Enter what was asked for")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "What was asked for must be 4,000 characters or fewer")]
        public string? YouSaid { get; set; }

        [Display(Name = "We did")]
        [Required(ErrorMessage = "Enter what was done")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "What was done must be 4,000 characters or fewer")]
        public string? WeDid { get; set; }

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

        Input = new InputModel { Version = Concern.Version, YouSaid = Concern.WhatWouldHelp ?? Concern.WhatIsHappening };
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

        return await WriteAsync(advice, Input.SaveAnyway, [new WrittenField("Input.YouSaid", "You said", Input.YouSaid), new WrittenField("Input.WeDid", "We did", Input.WeDid)],
            actor => steps.ResolveAsync(Access, concernId, Input.YouSaid, Input.WeDid, Input.Version, actor),
            concern => ("Concern resolved", $"{concern.RaisedByName} has been asked to confirm it is resolved, or to reopen it."),
            v => Input.Version = v);
    }
}
