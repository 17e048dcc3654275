using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Children;
using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Conversations;

/// <summary>Starts a conversation with the family and the team, on its own or about a concern.</summary>
[ChildPage(Capability.RaiseConcern, RecordArea.Concerns)]
public sealed class NewModel(ConversationService conversations, ConcernService concerns, LanguageAdvice advice, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "concern")]
    public Guid? ConcernId { get; set; }

    public Concern? Concern { get; private set; }
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "What is it about?")]
        [StringLength(Conversation.MaxSubjectLength, ErrorMessage = "What it is about must be 120 characters or fewer")]
        public string? Subject { get; set; }

        [Display(Name = "Your message")]
        [Required(ErrorMessage = "Enter your message")]
        [StringLength(Message.MaxTextLength, ErrorMessage = "Your message must be 4,000 characters or fewer")]
        public string? Text { get; set; }

        public bool SaveAnyway { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId) => await LoadAsync(childId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (await LoadAsync(childId) is { } refused)
        {
            return refused;
        }

        if (Concern is null && string.IsNullOrWhiteSpace(Input.Subject))
        {
            ModelState.AddModelError("Input.Subject", "Enter what the conversation is about");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway, new WrittenField("Input.Text", "Your message", Input.Text));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await conversations.StartAsync(Access, Input.Subject, Input.Text, Concern?.Id, actor);
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Message sent");
        return Redirect(ChildLinks.Conversation(childId, result.Value!.Id));
    }

    private async Task<IActionResult?> LoadAsync(Guid childId)
    {
        if (ConcernId is { } id)
        {
            if (await concerns.GetAsync(Access, id) is not { } concern)
            {
                return NotFound();
            }

            if (await conversations.FindForConcernAsync(id) is { } existing)
            {
                return Redirect(ChildLinks.Conversation(childId, existing.Id));
            }

            Concern = concern;
        }

        return null;
    }
}
