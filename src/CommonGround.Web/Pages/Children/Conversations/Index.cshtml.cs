using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Conversations;

/// <summary>The child's conversations between the family and the team, latest first, with what the person has not read.</summary>
public sealed class IndexModel(ConversationService conversations, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public IReadOnlyList<ConversationSummary> Conversations { get; private set; } = [];

    [ChildPage(Capability.ViewRecord, RecordArea.Concerns)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        Conversations = await conversations.ListAsync(Access, CurrentUser.UserId!.Value);
        DescribeRead(RecordArea.Concerns, "Conversations");
        return Page();
    }
}
