using System.ComponentModel.DataAnnotations;
using CommonGround.Core;
using CommonGround.Core.Audit;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>The owner answers a concern in full; it stays open until it is resolved.</summary>
public sealed class RespondModel(ConcernStepService steps, ConcernService concerns, LanguageAdvice advice, CurrentUser currentUser)
    : OwnerStepPageBase<RespondModel.InputModel>(concerns, advice, currentUser)
{
    public sealed class InputModel : OwnerStepInput
    {
        [Display(Name = "Your response")]
        [Required(ErrorMessage = "Enter your response")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "Your response must be 4,000 characters or fewer")]
        public string? Text { get; set; }
    }

    protected override WrittenField[] Words(InputModel input) => [new WrittenField("Input.Text", "Your response", input.Text)];

    protected override Task<Result<Concern>> TakeStepAsync(Guid concernId, InputModel input, UserActor actor) =>
        steps.RespondAsync(Access, concernId, input.Text, input.Version, actor);

    protected override (string Heading, string Detail) Taken(Concern concern) =>
        ("Response sent", $"{concern.RaisedByName} has been told. When it is sorted, resolve it and say what was done.");
}
