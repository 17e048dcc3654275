using System.ComponentModel.DataAnnotations;
using CommonGround.Core;
using CommonGround.Core.Audit;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>"You said, we did": the owner says what was asked for and what was done; the person who raised it then decides.</summary>
public sealed class ResolveModel(ConcernStepService steps, ConcernService concerns, LanguageAdvice advice, CurrentUser currentUser)
    : OwnerStepPageBase<ResolveModel.InputModel>(concerns, advice, currentUser)
{
    public sealed class InputModel : OwnerStepInput
    {
        [Display(Name = "You said")]
        [Required(ErrorMessage = "Enter what was asked for")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "What was asked for must be 4,000 characters or fewer")]
        public string? YouSaid { get; set; }

        [Display(Name = "We did")]
        [Required(ErrorMessage = "Enter what was done")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "What was done must be 4,000 characters or fewer")]
        public string? WeDid { get; set; }
    }

    /// <summary>The owner starts from what the person asked for, in their words.</summary>
    protected override InputModel Prefill(Concern concern) => new() { YouSaid = concern.WhatWouldHelp ?? concern.WhatIsHappening };

    protected override WrittenField[] Words(InputModel input) =>
        [new WrittenField("Input.YouSaid", "You said", input.YouSaid), new WrittenField("Input.WeDid", "We did", input.WeDid)];

    protected override Task<Result<Concern>> TakeStepAsync(Guid concernId, InputModel input, UserActor actor) =>
        steps.ResolveAsync(Access, concernId, input.YouSaid, input.WeDid, input.Version, actor);

    protected override (string Heading, string Detail) Taken(Concern concern) =>
        ("Concern resolved", $"{concern.RaisedByName} has been asked to confirm it is resolved, or to reopen it.");
}
