using System.ComponentModel.DataAnnotations;
using CommonGround.Core;
using CommonGround.Core.Audit;
using CommonGround.Core.Concerns;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>The owner acknowledges a concern, with a short message if they want; the person who raised it is told.</summary>
public sealed class AcknowledgeModel(ConcernStepService steps, ConcernService concerns, LanguageAdvice advice, CurrentUser currentUser)
    : OwnerStepPageBase<AcknowledgeModel.InputModel>(concerns, advice, currentUser)
{
    public sealed class InputModel : OwnerStepInput
    {
        [Display(Name = "Message to go with it (optional)")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "Your message must be 4,000 characters or fewer")]
        public string? Text { get; set; }
    }

    protected override WrittenField[] Words(InputModel input) => [new WrittenField("Input.Text", "Your message", input.Text)];

    protected override Task<Result<Concern>> TakeStepAsync(Guid concernId, InputModel input, UserActor actor) =>
        steps.AcknowledgeAsync(Access, concernId, input.Text, input.Version, actor);

    protected override (string Heading, string Detail) Taken(Concern concern) =>
        ("Concern acknowledged", $"{concern.RaisedByName} has been told. Respond in full by {UkDates.DayAndDate(concern.RespondBy)}.");
}
