using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Children;
using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Conversations;

/// <summary>One conversation: every message with who has read it, and a reply. Opening it is the person's read receipt.</summary>
[ChildPage(Capability.ViewRecord, RecordArea.Concerns)]
public sealed class ConversationModel(ConversationService conversations, Core.DataRights.CorrectionService corrections, LanguageAdvice advice, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ConversationThread Thread { get; private set; } = default!;
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];
    public Shared.CorrectionsShown Corrections { get; private set; } = Shared.CorrectionsShown.None;

    public sealed class InputModel
    {
        [Display(Name = "Your reply")]
        [Required(ErrorMessage = "Enter your message")]
        [StringLength(Message.MaxTextLength, ErrorMessage = "Your message must be 4,000 characters or fewer")]
        public string? Text { get; set; }

        public bool SaveAnyway { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid conversationId)
    {
        if (await LoadAsync(childId, conversationId) is { } refused)
        {
            return refused;
        }

        var person = (await CurrentUser.GetAsync())!;
        await conversations.MarkReadAsync(Thread, person.Account.Id, person.Account.DisplayName);
        DescribeRead(RecordArea.Concerns, $"A conversation: {Thread.Conversation.Subject}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid conversationId)
    {
        // The messages are read only if the page is shown again; a reply that is sent does not need them.
        if (!await conversations.IsVisibleAsync(Access, conversationId))
        {
            return NotFound();
        }

        if (!Access.Can(Capability.RaiseConcern, RecordArea.Concerns))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(childId, conversationId) ?? Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway, new WrittenField("Input.Text", "Your reply", Input.Text));
        if (Advice.Count > 0)
        {
            return await LoadAsync(childId, conversationId) ?? Page();
        }

        var result = await conversations.ReplyAsync(Access, conversationId, Input.Text, actor);
        if (!result.Succeeded)
        {
            return await LoadAsync(childId, conversationId) ?? Invalid(result.Error!);
        }

        Confirm("Message sent");
        return Redirect(ChildLinks.Conversation(childId, conversationId));
    }

    private async Task<IActionResult?> LoadAsync(Guid childId, Guid conversationId)
    {
        if (await conversations.GetAsync(Access, conversationId) is not { } thread)
        {
            return NotFound();
        }

        Thread = thread;
        Corrections = new Shared.CorrectionsShown(childId, await corrections.LatestForAsync(childId, thread.Messages.Select(m => m.Id).ToList()), Access.IsFamily);
        return null;
    }
}
