using CommonGround.Core.Access;
using CommonGround.Core.Documents;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Documents;

/// <summary>The reports and letters kept with a child's record, in the parts the person sees, newest first.</summary>
public sealed class IndexModel(DocumentService documents, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public IReadOnlyList<Document> Documents { get; private set; } = [];
    public bool CanAdd { get; private set; }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync()
    {
        Documents = await documents.ListAsync(Access);
        CanAdd = DocumentService.PartsFor(Access).Count > 0;
        DescribeRead(null, "Documents");
        return Page();
    }
}
