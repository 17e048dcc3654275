using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Conversations;

/// <summary>The child's conversations between the family and the team, latest first, with what the person has not read.</summary>
public sealed class IndexModel(AccessService accessService, ConversationService conversations, CurrentUser currentUser) : ChildPageBase(accessService, currentUser)
{
    public IReadOnlyList<ConversationSummary> Conversations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (await AuthoriseAsync(childId, Capability.ViewRecord, RecordArea.Concerns) is { } refused)
        {
            return refused;
        }

        Conversations = await conversations.ListAsync(Access, CurrentUser.UserId!.Value);
        DescribeRead(RecordArea.Concerns, "Conversations");
        return Page();
    }
}
