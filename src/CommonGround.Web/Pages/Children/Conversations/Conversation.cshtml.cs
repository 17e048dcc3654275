using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Children;
using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Conversations;

/// <summary>
/// One conversation, a page of messages at a time with who has read each, and a reply. Opening its latest page is the
/// person's read receipt.
/// </summary>
[ChildPage(Capability.ViewRecord, RecordArea.Concerns)]
public sealed class ConversationModel(ConversationService conversations, Core.DataRights.CorrectionService corrections, LanguageAdvice advice, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Page 1 is the latest messages; each page after it goes further back.</summary>
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

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
        if (await LoadAsync(childId, conversationId, PageNumber) is { } refused)
        {
            return refused;
        }

        if (Thread.Messages.Count == 0 && !Thread.IsLatest)
        {
            // A page beyond the first message, from an old link or a changed address: the conversation itself.
            return Redirect(ChildLinks.Conversation(childId, conversationId));
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

    /// <summary>The link to another page of the conversation; page 1 is the conversation's own address.</summary>
    public string PageHref(int pageNumber) =>
        pageNumber <= 1 ? ChildLinks.Conversation(Access.Child.Id, Thread.Conversation.Id) : $"{ChildLinks.Conversation(Access.Child.Id, Thread.Conversation.Id)}?pageNumber={pageNumber}";

    /// <summary>Loads a page of the conversation; a reply that is shown again shows the latest page, where it will go.</summary>
    private async Task<IActionResult?> LoadAsync(Guid childId, Guid conversationId, int pageNumber = 1)
    {
        if (await conversations.GetAsync(Access, conversationId, pageNumber) is not { } thread)
        {
            return NotFound();
        }

        Thread = thread;
        Corrections = new Shared.CorrectionsShown(childId, await corrections.LatestForAsync(childId, thread.Messages.Select(m => m.Id).ToList()), Access.IsFamily);
        return null;
    }
}
